/**
 * The Trial commands: new protocol, example, export, import, timeline, restart. Each returns its result for
 * scripting and tests. User-facing strings go through `vscode.l10n.t` (English is the source text).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExportRecordMethod,
  type ExportRecordParams,
  type ExportRecordResult,
  ImportRecordMethod,
  type ImportRecordParams,
  type ImportRecordResult,
  LANGUAGE_ID,
  METHOD_NOT_FOUND,
  type TimelineParams,
} from '../server/lsp/protocol';
import { requestWithReplace } from './replace-flow';
import { newProtocol, openExample } from './onboarding';
import type { TrialStatusBar } from './status-bar';
import type { TrialViewPanel, TrialViewState } from './trial-view';

export interface CommandDeps {
  /** The running client, or undefined when the server is missing or stopped. */
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
  statusBar: TrialStatusBar;
  output: vscode.LogOutputChannel;
}

const notRunning = (): string => vscode.l10n.t('The Trial language server is not running. See the "Trial Protocols" output.');

/**
 * The .trial document a command applies to: an explicit Uri (menus pass one), else the active editor,
 * else a visible .trial editor (a command run from the walkthrough or a webview, which are not text editors).
 */
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  const isTrial = (d: vscode.TextDocument | undefined): d is vscode.TextDocument => d?.languageId === LANGUAGE_ID;
  const active = vscode.window.activeTextEditor?.document;
  const doc = uri ? await vscode.workspace.openTextDocument(uri)
    : isTrial(active) ? active : vscode.window.visibleTextEditors.map((e) => e.document).find(isTrial);
  if (!isTrial(doc)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .trial file first.'));
    return undefined;
  }
  return doc;
}

/** A JSON-RPC error reply "method not found" (the server does not implement the request). */
function isMethodNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === METHOD_NOT_FOUND;
}

/**
 * Send a custom request; a server that lacks it ("method not found") or fails gets a calm message
 * instead of a command error. Returns undefined in those cases.
 */
async function request<R>(deps: CommandDeps, client: LanguageClient, method: string, params: object, what: string): Promise<R | undefined> {
  try {
    return await client.sendRequest<R>(method, params);
  } catch (e) {
    if (isMethodNotFound(e)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not available in this version of the Trial language server yet.', what));
    } else {
      const message = e instanceof Error ? e.message : String(e);
      deps.output.error(`${method} failed: ${message}`);
      const show = vscode.l10n.t('Show Output');
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} failed: {1}', what, message), show).then((c) => c === show && deps.output.show(true));
    }
    return undefined;
  }
}

/**
 * The document a command is about and the server's answer to a request on it; undefined when
 * there is no such document, no running server, or the request failed (the user has been told).
 */
async function requestOnDocument<R>(
  deps: CommandDeps,
  arg: unknown,
  method: string,
  what: string,
  extra: (doc: vscode.TextDocument) => object = () => ({}),
): Promise<{ doc: vscode.TextDocument; result: R } | undefined> {
  const doc = await targetDocument(arg);
  if (!doc) return undefined;
  const client = deps.client();
  if (!client) {
    void vscode.window.showWarningMessage(notRunning());
    return undefined;
  }
  const params: ExportRecordParams & TimelineParams = { uri: client.code2ProtocolConverter.asUri(doc.uri), ...extra(doc) };
  // The server never replaces a file on its own: an `exists` answer is a question for the user.
  const result = await requestWithReplace((p) => request<R>(deps, client, method, p, what), params, confirmReplace);
  return result ? { doc, result } : undefined;
}

/** A modal "Replace?" for a file the server would overwrite; true only on an explicit "Replace". */
async function confirmReplace(file: string): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', path.basename(file)),
    { modal: true, detail: file },
    replace,
  );
  return choice === replace;
}

/**
 * Whether the effective `trial.export.folder` is the user's own (user settings or default), not a
 * workspace's: only the user may send records outside the workspace. The server cannot see where a
 * setting came from; `inspect` can.
 */
function exportFolderFromUser(doc: vscode.TextDocument): boolean {
  const i = vscode.workspace.getConfiguration('trial', doc.uri).inspect<string>('export.folder');
  return i?.workspaceFolderValue === undefined && i?.workspaceValue === undefined;
}

export async function exportRecord(deps: CommandDeps, arg?: unknown): Promise<ExportRecordResult | undefined> {
  const answer = await requestOnDocument<ExportRecordResult>(deps, arg, ExportRecordMethod, vscode.l10n.t('Exporting a registry record'),
    (doc) => ({ folderFromUserSettings: exportFolderFromUser(doc) }));
  if (!answer) return undefined;
  const { doc, result } = answer;
  if (result.ok) {
    deps.statusBar.markExported(doc.uri, result.path);
    deps.output.appendLine(`Exported ${doc.uri.fsPath} → ${result.path}`);
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported the registry record to {0}.', path.basename(result.path)), open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(result.path));
    });
  } else {
    deps.output.appendLine(`Export of ${doc.uri.fsPath} refused: ${result.reason}`);
    void vscode.window.showWarningMessage(result.reason);
    if (result.diagnosticsCount > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return result;
}

/** `arg`: a record path or Uri (for scripting); otherwise a file picker. */
export async function importRecord(deps: CommandDeps, arg?: unknown, target?: unknown): Promise<ImportRecordResult | undefined> {
  let recordPath: string | undefined;
  if (arg instanceof vscode.Uri) recordPath = arg.fsPath;
  else if (typeof arg === 'string') recordPath = arg;
  else {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [vscode.l10n.t('ClinicalTrials.gov record')]: ['json'] },
      openLabel: vscode.l10n.t('Import'),
      title: vscode.l10n.t('Import a ClinicalTrials.gov record (API v2 JSON)'),
    });
    recordPath = picked?.[0]?.fsPath;
  }
  if (!recordPath) return undefined;
  const client = deps.client();
  if (!client) {
    void vscode.window.showWarningMessage(notRunning());
    return undefined;
  }
  const params: ImportRecordParams = { recordPath };
  if (target instanceof vscode.Uri) params.targetPath = target.fsPath;
  else if (typeof target === 'string') params.targetPath = target;
  const what = vscode.l10n.t('Importing a ClinicalTrials.gov record');
  const result = await requestWithReplace((p) => request<ImportRecordResult>(deps, client, ImportRecordMethod, p, what), params, confirmReplace);
  if (!result) return undefined;
  if (result.ok) {
    deps.output.appendLine(`Imported ${recordPath} → ${result.path}`);
    for (const note of result.notes ?? []) deps.output.appendLine(`  note: ${note}`);
    if (result.report) {
      // The import report: what became structured (doses, thresholds), what stayed text and why, what the record lacks.
      for (const line of result.report.text.trimEnd().split('\n')) deps.output.appendLine(line);
      deps.output.show(true);
    }
    await vscode.window.showTextDocument(vscode.Uri.file(result.path));
  } else {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not import {0}: {1}', path.basename(recordPath), result.reason));
  }
  return result;
}

/** Open the Trial view beside the editor for the document (the view then follows the active .trial editor). */
export async function openTrialView(view: TrialViewPanel, arg?: unknown): Promise<TrialViewState | undefined> {
  const doc = await targetDocument(arg);
  if (!doc) return undefined;
  return view.open(doc);
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps, view: TrialViewPanel): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg('trial.newProtocol', () => newProtocol());
  reg('trial.openExample', () => openExample(context));
  reg('trial.exportRecord', (arg) => exportRecord(deps, arg));
  reg('trial.importRecord', (arg, target) => importRecord(deps, arg, target));
  reg('trial.openView', (arg) => openTrialView(view, arg));
  reg('trial.restartServer', () => deps.restart());
  // From the intervention code lens: peek the arms' `receives` lines (LSP positions and locations, converted).
  reg('trial.showLocations', (uri, position, locations) => {
    const p = position as { line: number; character: number };
    const locs = (locations as { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[])
      .map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character)));
    return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(String(uri)), new vscode.Position(p.line, p.character), locs);
  });
  reg('trial.showOutput', () => deps.output.show(true));
}
