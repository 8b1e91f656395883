/** Entry point: output channel, status bar, language client, commands. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../server/lsp/protocol';
import { TASK_TYPE, TrialTaskProvider } from './check-task';
import { registerCommands } from './commands';
import { TrialLanguageStatus } from './language-status';
import { watchFirstFix } from './onboarding';
import { createLanguageClient } from './server-process';
import { TrialStatusBar } from './status-bar';
import { TrialViewPanel, type TrialViewState } from './trial-view';

/** What activate() returns: for other extensions and the e2e tests. */
export interface TrialApi {
  /** Resolves once the language server is up (or immediately if it is missing). */
  ready: Promise<boolean>;
  /** Whether a language server is running. */
  isRunning(): boolean;
  /** The status bar text for the active editor. */
  statusText(): string;
  statusFor(uri: vscode.Uri): StatusParams | undefined;
  /** The language status item's text and detail. */
  languageStatusText(): string;
  /** The server's process id (for the crash-restart test), when running. */
  serverPid(): number | undefined;
  /** What the Trial view shows now, if it is open. */
  viewState(): TrialViewState | undefined;
  /** Fires after each update of the Trial view. */
  onDidUpdateView: vscode.Event<TrialViewState>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TrialApi> {
  const output = vscode.window.createOutputChannel('Trial Protocols', { log: true });
  const statusBar = new TrialStatusBar();
  const languageStatus = new TrialLanguageStatus();
  context.subscriptions.push(output, statusBar, languageStatus, watchFirstFix());

  const start = async (): Promise<boolean> => {
    languageStatus.set('starting');
    client = createLanguageClient(context, output, (reason) => {
      statusBar.setServerNote(reason);
      languageStatus.set('stopped');
    });
    if (!client) {
      languageStatus.set('stopped');
      statusBar.setServerNote(vscode.l10n.t('The Trial language server is missing from this installation; see the "Trial Protocols" output.'));
      return false;
    }
    const c = client;
    context.subscriptions.push(c.onNotification(StatusNotification, (p: StatusParams) => statusBar.update(p)));
    try {
      await c.start();
      statusBar.setServerNote(undefined);
      languageStatus.set('running');
      return true;
    } catch (e) {
      output.appendLine(`The Trial language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      statusBar.setServerNote(vscode.l10n.t('The Trial language server did not start; see the "Trial Protocols" output.'));
      languageStatus.set('stopped');
      return false;
    }
  };

  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    if (old) await old.stop().catch(() => undefined);
    if (await start()) void vscode.window.setStatusBarMessage(vscode.l10n.t('Trial language server restarted'), 3000);
  };

  const runningClient = () => (client?.isRunning() ? client : undefined);
  const view = new TrialViewPanel(context.extensionUri, runningClient, output);
  context.subscriptions.push(view, vscode.tasks.registerTaskProvider(TASK_TYPE, new TrialTaskProvider(runningClient)));
  registerCommands(context, { client: runningClient, restart, statusBar, output }, view);
  const ready = start();
  return {
    ready,
    isRunning: () => client?.isRunning() ?? false,
    statusText: () => statusBar.text,
    languageStatusText: () => languageStatus.text,
    statusFor: (uri) => statusBar.statusFor(uri),
    serverPid: () => (client as unknown as { _serverProcess?: { pid?: number } } | undefined)?._serverProcess?.pid,
    viewState: () => view.state(),
    onDidUpdateView: view.onDidUpdate,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
