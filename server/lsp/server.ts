/**
 * The language server: wires the connection to one provider per feature. Every provider is a thin
 * adapter over the core and runs inside `guard`, so a provider that throws answers with an empty
 * result and a line in the log, and never takes the server down.
 *
 * Diagnostics are pushed as the writer types: each change schedules a check of that version two
 * event-loop turns later (so changes already queued are read first) and a check whose version was
 * superseded never runs or never publishes: each edit cancels the pending one, with no fixed delay.
 */
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type DidChangeConfigurationParams,
  type InlayHintParams,
  type PrepareRenameParams,
  type SemanticTokensParams,
  type TextDocumentChangeEvent,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readRegularFile } from '../io/safe-write';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { inlayHints } from './inlay-hints';
import { COMPLETION_TRIGGERS, complete } from './completion';
import { setCoreLogger } from './core';
import { definition } from './definition';
import { foldingRanges } from './folding';
import { formatOpenDocument } from './formatting';
import { hover } from './hover';
import { documentLinks } from './links';
import {
  CheckFilesMethod, ExportRecordMethod, ImportRecordMethod, StatusNotification, TimelineMethod, TrialViewMethod, type TrialViewParams, type TrialViewResult,
  type CheckedFile, type CheckFilesParams, type CheckFilesResult,
  type ExportRecordParams, type ExportRecordResult, type ImportRecordParams, type ImportRecordResult, type StatusParams,
  type TimelineParams, type TimelineResult,
} from './protocol';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { exportRecord, importRecordFile, timeline, trialViewOf } from './requests';
import { LEGEND, semanticTokens } from './semantic-tokens';
import { Settings } from './settings';
import type { TrialSettings } from './protocol';
import { documentSymbols } from './symbols';
import { computeAnalysisInParts, Workspace, type Analysis } from './workspace';

export const SERVER_NAME = 'trial-language-server';

/** A request named a document that is not open (answered with the feature's empty result). */
class NotOpenError extends Error {}

/** The `file:` workspace folders of initialize parameters, ignoring whatever is malformed. */
function workspaceFoldersOf(p: Partial<InitializeParams>): string[] {
  const list: unknown[] = Array.isArray(p.workspaceFolders) ? p.workspaceFolders : typeof p.rootUri === 'string' ? [{ uri: p.rootUri }] : [];
  const out: string[] = [];
  for (const f of list) {
    const uri = (f as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string' || !uri.startsWith('file:')) continue;
    try {
      out.push(fileURLToPath(uri));
    } catch {
      // Not a valid file URI: ignored.
    }
  }
  return out;
}

export interface ServerOptions {
  /** For tests: make the named provider throw (`hover`, `completion`, …), to show the server survives. */
  fault?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): { workspace: Workspace } {
  const ws = new Workspace();
  const settings = new Settings(connection);
  const exported = new Map<string, string>();
  /** Per document, the ticket of the latest scheduled check: an older ticket's check never publishes. */
  const pending = new Map<string, number>();
  let tickets = 0;
  let workspaceFolders: string[] = [];

  const log = (message: string): void => connection.console.log(message);
  const error = (message: string): void => connection.console.error(message);
  setCoreLogger(log);
  ws.onLongWork = (uri, chars) => log(`${uri}: ${chars} characters, analysed in parts`);

  /** Run a provider; on a throw, log it and answer `fallback` (rename refusals pass through as errors). */
  function guard<P, R>(name: string, fallback: R, provider: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        if (options.fault === name) throw new Error(`fault injected into ${name} (TRIAL_LSP_FAULT)`);
        return await provider(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        // A request about a document the client never opened is the client's slip: one line, no stack.
        if (e instanceof NotOpenError) log(`${name}: ${e.message}`);
        else error(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };
  }

  function documentOf(uri: unknown): TextDocument {
    const doc = typeof uri === 'string' ? ws.get(uri) : undefined;
    if (!doc) throw new NotOpenError(`${typeof uri === 'string' ? uri : 'a request without a document URI'} is not open; answered with an empty result`);
    return doc;
  }

  /** Two event-loop turns: messages read meanwhile (requests, cancellations, edits) are handled first. */
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

  /**
   * The analysis a request reads. While the document is analysed in parts the request waits for
   * that analysis (other documents' requests are answered meanwhile) — unless it is cancelled.
   */
  async function analysisOf(uri: unknown, token?: CancellationToken): Promise<Analysis> {
    const doc = documentOf(uri);
    const work = ws.analysisInParts(doc, settings.current(doc.uri), turn);
    if (!token || !ws.busy(doc.uri)) return work;
    const refusal = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled while the document was being analysed');
    if (token.isCancellationRequested) {
      work.catch(() => undefined);
      throw refusal();
    }
    return new Promise<Analysis>((resolve, reject) => {
      const cancelled = token.onCancellationRequested(() => reject(refusal()));
      work.then(resolve, reject).finally(() => cancelled.dispose());
    });
  }

  /** A file's saved text when it is not open, in parts when it is large. */
  function analysisOfFile(uri: string, s: TrialSettings): Promise<Analysis> {
    return computeAnalysisInParts(uri, 0, readRegularFile(fileURLToPath(uri)), s, turn);
  }

  // --- lifecycle ------------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // A client may send anything: every field is checked for its shape before use, so bad
    // parameters mean fewer features, never "folders.filter is not a function".
    const p = (typeof params === 'object' && params !== null ? params : {}) as Partial<InitializeParams>;
    const caps = (typeof p.capabilities === 'object' && p.capabilities !== null ? p.capabilities : {}) as InitializeParams['capabilities'];
    settings.setPullSupported(!!caps.workspace?.configuration);
    workspaceFolders = workspaceFoldersOf(p);
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    // A client without snippet support would show `${1:name}` literally (or join lines): no snippets for it.
    snippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    // The VS Code client implements the commands code lenses name (client/commands.ts); other editors do not.
    clientCommands = (p.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands === true;
    return {
      capabilities: {
        // Positions are UTF-16 code units, as the core's offsets (JavaScript strings) are: the LSP
        // default and the one encoding every client supports, so it is the one negotiated.
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { resolveProvider: false, triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Trial' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true, range: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    };
  });

  let dynamicConfiguration = false;
  let snippetSupport = false;
  let clientCommands = false;
  connection.onInitialized(() => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change: DidChangeConfigurationParams) => {
    settings.changed(change.settings);
    for (const doc of ws.documents.all()) schedule(doc.uri);
  });

  // --- documents and diagnostics ------------------------------------------------------------------------

  function schedule(uri: string): void {
    const doc = ws.get(uri);
    if (!doc) return;
    const version = doc.version;
    const ticket = ++tickets;
    pending.set(uri, ticket);
    // Two turns: messages already read (further keystrokes) are handled first and supersede this one.
    setImmediate(() => setImmediate(() => void validate(uri, version, ticket)));
  }

  async function validate(uri: string, version: number, ticket: number): Promise<void> {
    if (pending.get(uri) !== ticket) return; // superseded by a later edit or settings change
    try {
      const s = await settings.get(uri);
      const doc = ws.get(uri);
      if (!doc || doc.version !== version || pending.get(uri) !== ticket) return;
      const analysis = await ws.analysisInParts(doc, s, turn);
      // Superseded while it ran (a large document is analysed in parts).
      if (ws.get(uri)?.version !== version || analysis.version !== version || pending.get(uri) !== ticket) return;
      pending.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: analysis.diagnostics });
      sendStatus(analysis);
    } catch (e) {
      error(`checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  function sendStatus(analysis: Analysis): void {
    const status: StatusParams = { uri: analysis.uri, errors: analysis.errors, warnings: analysis.warnings };
    const path = exported.get(analysis.uri);
    if (path) status.exported = path;
    void connection.sendNotification(StatusNotification, status);
  }

  ws.documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => schedule(e.document.uri));
  ws.documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    exported.delete(e.document.uri);
    schedule(e.document.uri);
  });
  ws.documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    pending.delete(e.document.uri);
    ws.forget(e.document.uri);
    settings.forget(e.document.uri);
    exported.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ws.documents.listen(connection);

  // --- features ------------------------------------------------------------------------------------------

  connection.onCompletion(
    guard('completion', { isIncomplete: false, items: [] }, async (p, token) => {
      const doc = documentOf(p?.textDocument?.uri);
      const model = (ws.latest(doc.uri) ?? (await analysisOf(doc.uri, token))).model;
      // A space typed by the writer (trigger character) asks only where a value is expected: see complete().
      const trigger = p.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? p.context.triggerCharacter : undefined;
      return complete({ doc, position: p.position, model, snippets: snippetSupport, trigger });
    }),
  );

  connection.onHover(
    guard('hover', null, async (p, token) => {
      const doc = documentOf(p?.textDocument?.uri);
      return hover(await analysisOf(doc.uri, token), doc.offsetAt(p.position));
    }),
  );

  connection.onDefinition(guard('definition', [], async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    return definition(await analysisOf(doc.uri, token), doc.offsetAt(p.position));
  }));

  connection.onReferences(guard('references', [], async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    return references(await analysisOf(doc.uri, token), doc.offsetAt(p.position), p.context.includeDeclaration);
  }));

  connection.onPrepareRename(guard('prepareRename', null, async (p: PrepareRenameParams, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    return prepareRename(await analysisOf(doc.uri, token), doc.offsetAt(p.position));
  }));

  connection.onRenameRequest(guard('rename', null, async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    return rename(await analysisOf(doc.uri, token), doc.offsetAt(p.position), p.newName);
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async (p, token) => documentSymbols(await analysisOf(p?.textDocument?.uri, token))));

  connection.onFoldingRanges(guard('foldingRange', [], async (p, token) => foldingRanges(await analysisOf(p?.textDocument?.uri, token))));

  connection.onDocumentFormatting(guard('formatting', [], async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    const outcome = formatOpenDocument(doc, await analysisOf(doc.uri, token));
    if (outcome.refused) log(`${p?.textDocument?.uri}: ${outcome.refused}`);
    return outcome.edits;
  }));

  connection.onDocumentRangeFormatting(guard('rangeFormatting', [], async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    const outcome = formatOpenDocument(doc, await analysisOf(doc.uri, token), p.range);
    if (outcome.refused) log(`${p?.textDocument?.uri}: ${outcome.refused}`);
    return outcome.edits;
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, async (p: SemanticTokensParams, token) => {
    // Over the size limit the TextMate grammar's colours stay (size-policy.ts).
    const analysis = await analysisOf(p?.textDocument?.uri, token);
    return analysis.reduced ? { data: [] } : semanticTokens(analysis);
  }));

  connection.onCodeAction(guard('codeAction', [], async (p, token) => {
    const doc = documentOf(p?.textDocument?.uri);
    return codeActions(await analysisOf(doc.uri, token), doc, p, log);
  }));

  connection.languages.inlayHint.on(guard('inlayHint', [], async (p: InlayHintParams, token) => {
    const analysis = await analysisOf(p?.textDocument?.uri, token);
    return analysis.reduced ? [] : inlayHints(analysis, p.range);
  }));

  connection.onCodeLens(guard('codeLens', [], async (p, token) => {
    const analysis = await analysisOf(p?.textDocument?.uri, token);
    return analysis.reduced ? [] : codeLenses(analysis, clientCommands);
  }));

  connection.onDocumentLinks(guard('documentLink', [], (p) => documentLinks(documentOf(p?.textDocument?.uri))));

  // --- custom requests (protocol.ts) ------------------------------------------------------------------------

  connection.onRequest(ExportRecordMethod, guard<ExportRecordParams, ExportRecordResult>(
    'exportRecord',
    { ok: false, reason: 'The export failed inside the language server; see the "Trial Protocols" output.', diagnosticsCount: 0 },
    async (p) => {
      if (typeof p?.uri !== 'string') throw new NotOpenError('trial/exportRecord without a document URI');
      const s = await settings.get(p.uri);
      const doc = ws.get(p.uri);
      if (!doc && !p.uri.startsWith('file:')) throw new NotOpenError(`${p.uri} is not open and not a file`);
      // A file exported from the explorer need not be open: check its saved text.
      const analysis = doc ? await ws.analysisInParts(doc, s, turn) : await analysisOfFile(p.uri, s);
      if (analysis.reduced) {
        return { ok: false, reason: 'This protocol is over the editor\'s size limit, so its checks did not run here and it cannot be exported from the editor; run `trial export` on it.', diagnosticsCount: 0 };
      }
      const result = exportRecord(analysis, s, workspaceFolders, { overwrite: p.overwrite === true, folderFromUserSettings: p.folderFromUserSettings === true });
      if (result.ok) {
        exported.set(p.uri, result.path);
        if (doc) sendStatus(analysis);
      }
      return result;
    },
  ));

  connection.onRequest(ImportRecordMethod, guard<ImportRecordParams, ImportRecordResult>(
    'importRecord',
    { ok: false, reason: 'The import failed inside the language server; see the "Trial Protocols" output.' },
    (p) => importRecordFile(p),
  ));

  connection.onRequest(CheckFilesMethod, guard<CheckFilesParams, CheckFilesResult>('checkFiles', { files: [] }, async (p) => {
    const words = ['error', 'error', 'warning', 'information', 'hint'] as const;
    const files: CheckedFile[] = [];
    for (const uri of p.uris ?? []) {
      try {
        const s = await settings.get(uri);
        const doc = ws.get(uri);
        const analysis = doc ? await ws.analysisInParts(doc, s, turn) : await analysisOfFile(uri, s);
        files.push({
          uri,
          diagnostics: analysis.diagnostics.map((d) => ({
            line: d.range.start.line, character: d.range.start.character, severity: words[d.severity ?? 1], code: String(d.code ?? ''), message: typeof d.message === 'string' ? d.message : d.message.value,
          })),
        });
      } catch (e) {
        files.push({ uri, diagnostics: [], error: (e as Error)?.message ?? String(e) });
      }
    }
    return { files };
  }));

  connection.onRequest(TimelineMethod, guard<TimelineParams, TimelineResult>('timeline', { rows: [] }, async (p, token) => timeline(await analysisOf(p?.uri, token))));
  connection.onRequest(TrialViewMethod, guard<TrialViewParams, TrialViewResult | null>('view', null, async (p, token) => {
    // Over the size limit the checks did not run: a preview without them would say nothing blocks the export.
    const analysis = await analysisOf(p?.uri, token);
    return analysis.reduced ? null : trialViewOf(analysis);
  }));

  return { workspace: ws };
}
