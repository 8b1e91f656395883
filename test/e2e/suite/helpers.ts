// Helpers for the extension-host tests: wait for signals (diagnostics, status), never fixed sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'trial-protocols.trial-protocols';
export const EXAMPLE = 'NCT04743739.trial';

/** The extension's activate() result (see client/extension.ts TrialApi); typed loosely to keep tests independent. */
export interface TrialApi {
  ready: Promise<boolean>;
  isRunning(): boolean;
  statusText(): string;
  statusFor(uri: vscode.Uri): { errors: number; warnings: number; exported?: string } | undefined;
  serverPid(): number | undefined;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (the launcher opens a copy of examples/)');
  return folder.uri.fsPath;
}

export function wsFile(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), ...parts));
}

export async function openTrial(name = EXAMPLE): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(wsFile(name));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

export async function activateExtension(): Promise<{ ext: vscode.Extension<TrialApi>; api: TrialApi }> {
  const ext = vscode.extensions.getExtension<TrialApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready;
  return { ext, api };
}

/** True when the extension under test ships a language server bundle. */
export function hasServer(ext: vscode.Extension<unknown>): boolean {
  return fs.existsSync(path.join(ext.extensionPath, 'dist', 'server.js'));
}

/** Reject after `ms` with a message (a guard around a signal, not a sleep). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

/**
 * Resolve with the diagnostics of `uri` as soon as `accept` holds: checks now, then on every
 * onDidChangeDiagnostics event for that uri.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  ms = 30000,
  what = `diagnostics for ${path.basename(uri.fsPath)}`,
): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  let sub: vscode.Disposable | undefined;
  const p = new Promise<vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) resolve(d);
    });
  });
  return withTimeout(p, ms, what).finally(() => sub?.dispose());
}

/** Wait for the next diagnostics event for `uri` after `action` runs (e.g. after an edit). */
export async function nextDiagnostics(uri: vscode.Uri, action: () => Thenable<unknown>, ms = 30000): Promise<vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  const p = new Promise<vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) resolve(vscode.languages.getDiagnostics(uri));
    });
  });
  try {
    await action();
    return await withTimeout(p, ms, `new diagnostics for ${path.basename(uri.fsPath)}`);
  } finally {
    sub?.dispose();
  }
}

/** Poll a cheap condition on each tick of VS Code events; for state without an event (e.g. a restarted server). */
export async function until<T>(fn: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0, from = 0): vscode.Position {
  const i = doc.getText().indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" not found in ${path.basename(doc.uri.fsPath)}`);
  return doc.positionAt(i + offsetInNeedle);
}

export function summary(diags: readonly vscode.Diagnostic[]): string {
  return diags
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) ?? '-'} ${d.message}`)
    .join('\n');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
