/**
 * LSP tests over a real connection: the bundled server (dist/server.js) runs as a child process
 * with `--stdio`, driven by a JSON-RPC client (vscode-jsonrpc). Documents in tests carry cursor
 * markers: `<|>` is a position, `<|…|>` a range, so each test reads like the document it tests.
 */
import { spawn, execSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DEFAULT_SETTINGS, StatusNotification, type StatusParams, type TrialSettings } from '../../server/lsp/protocol';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const EXAMPLES = path.join(ROOT, 'examples');

/** Build the bundle when it is missing (e.g. `npx tsc` ran but `node bundle.mjs` did not). */
export function ensureBundle(): void {
  if (!fs.existsSync(SERVER)) execSync('node bundle.mjs', { cwd: ROOT, stdio: 'inherit' });
}

// --- cursor markers -----------------------------------------------------------------------------

export interface Marked {
  text: string;
  /** `<|>` markers, in order. */
  positions: Position[];
  /** `<|…|>` markers, in order. */
  ranges: Range[];
}

/** Strip `<|>` and `<|…|>` markers, returning the text and where they were. */
export function marked(source: string): Marked {
  const positions: Position[] = [];
  const ranges: Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  const open: Position[] = [];
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('<|>', i)) {
      positions.push({ line, character });
      i += 3;
      continue;
    }
    if (source.startsWith('<|', i)) {
      open.push({ line, character });
      i += 2;
      continue;
    }
    if (source.startsWith('|>', i) && open.length) {
      ranges.push({ start: open.pop()!, end: { line, character } });
      i += 2;
      continue;
    }
    const ch = source[i];
    text += ch;
    if (ch === '\n') {
      line++;
      character = 0;
    } else character++;
    i++;
  }
  return { text, positions, ranges };
}

/** Remove the common indentation of a template literal (and its first and last blank lines). */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

// --- the server under test ---------------------------------------------------------------------------

export interface StartOptions {
  env?: Record<string, string>;
  /** Settings the client answers `workspace/configuration` with. */
  settings?: TrialSettings;
  workspaceFolder?: string;
  /** The client's `completionItem.snippetSupport` (default true, as VS Code). */
  snippetSupport?: boolean;
  /** `initializationOptions` of the initialize request (the VS Code client sends `{ clientCommands: true }`). */
  initializationOptions?: unknown;
  /** Node arguments that start the server (default: dist/server.js --stdio); e.g. the CLI's `lsp` command. */
  serverArgs?: string[];
  /** Replaces the initialize parameters (to test what a misbehaving client sends). */
  initialize?: unknown;
}

/**
 * Every server under test runs with code generation from strings disallowed: no `eval`, no
 * `new Function` anywhere in the bundle (zod runs jitless), or the tests fail.
 */
export const NODE_FLAGS = ['--disallow-code-generation-from-strings'];

export class TestServer {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  settings: TrialSettings;
  capabilities!: InitializeResult['capabilities'];
  private versions = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private counter = 0;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, settings: TrialSettings) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    ensureBundle();
    const child = spawn(process.execPath, [...NODE_FLAGS, ...(options.serverArgs ?? [SERVER, '--stdio'])], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(child, connection, structuredClone(options.settings ?? DEFAULT_SETTINGS));
    child.stderr!.on('data', (d: Buffer) => server.logs.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = server.diagnostics.get(p.uri) ?? [];
      list.push(p);
      server.diagnostics.set(p.uri, list);
      server.wake();
    });
    connection.onNotification(StatusNotification, (p: StatusParams) => {
      server.statuses.push(p);
      server.wake();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      server.logs.push(p.message);
      server.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => server.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const folder = options.workspaceFolder ?? EXAMPLES;
    const result = (await connection.sendRequest('initialize', 'initialize' in options ? options.initialize : {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      initializationOptions: options.initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: options.snippetSupport ?? true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
        },
      },
    })) as InitializeResult;
    server.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return server;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Wait (never sleep) until `condition` holds, re-checked at each notification. */
  async until<T>(condition: () => T | undefined | false, what: string, timeout = 10000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = condition();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; logs:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  uri(name: string): string {
    return pathToFileURL(path.join(EXAMPLES, name)).href;
  }

  /** Open a document (markers removed); returns its uri and markers. */
  async open(text: string, name = `test-${++this.counter}.trial`): Promise<Marked & { uri: string }> {
    const m = marked(text);
    const uri = name.startsWith('file:') ? name : this.uri(name);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'trial', version: 1, text: m.text } });
    return { ...m, uri };
  }

  async openExample(file: string): Promise<{ uri: string; text: string }> {
    const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
    const uri = this.uri(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'trial', version: 1, text } });
    return { uri, text };
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The diagnostics published for the document's current version (waits for them). */
  async diagnosticsFor(uri: string, version = this.version(uri)): Promise<Diagnostic[]> {
    const p = await this.until(() => (this.diagnostics.get(uri) ?? []).find((d) => d.version === version), `diagnostics of ${uri} v${version}`);
    return p.diagnostics;
  }

  async setSettings(settings: TrialSettings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { trial: settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Text of the document after applying LSP edits (end-to-start). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const offsets = lineOffsets(text);
  const at = (p: Position): number => Math.min(text.length, (offsets[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

export function textAt(text: string, range: Range): string {
  const offsets = lineOffsets(text);
  return text.slice(offsets[range.start.line] + range.start.character, offsets[range.end.line] + range.end.character);
}
