/** The status bar item for the active .trial editor: clean / N errors, M warnings / exported. Fed by trial/status. */
import * as path from 'path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, type StatusParams } from '../server/lsp/protocol';

export class TrialStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private serverNote: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('trial.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Trial Protocols');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  /** From the server's trial/status notification. */
  update(status: StatusParams): void {
    const key = vscode.Uri.parse(status.uri).toString();
    const previous = this.byUri.get(key);
    // The server may omit `exported` on later checks; keep the last export until the file changes it.
    this.byUri.set(key, { ...status, exported: status.exported ?? previous?.exported });
    this.render();
  }

  markExported(uri: vscode.Uri, file: string): void {
    const key = uri.toString();
    const previous = this.byUri.get(key) ?? { uri: key, errors: 0, warnings: 0 };
    this.byUri.set(key, { ...previous, exported: file });
    this.render();
  }

  /** Shown instead of the counts when the server is missing or stopped; undefined clears it. */
  setServerNote(note: string | undefined): void {
    this.serverNote = note;
    this.render();
  }

  /** The text currently shown (for tests through the extension's API). */
  get text(): string {
    return this.item.text;
  }

  statusFor(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    if (this.serverNote) {
      this.item.text = `$(warning) ${vscode.l10n.t('Trial: server stopped')}`;
      this.item.tooltip = this.serverNote;
      this.item.command = 'trial.restartServer';
      this.item.show();
      return;
    }
    const s = this.byUri.get(doc.uri.toString());
    if (!s) {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Trial: checking')}`;
      this.item.tooltip = vscode.l10n.t('Waiting for the Trial language server');
      this.item.command = undefined;
    } else if (s.errors > 0 || s.warnings > 0) {
      const parts = [];
      if (s.errors > 0) parts.push(s.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', s.errors));
      if (s.warnings > 0) parts.push(s.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', s.warnings));
      const exported = s.errors === 0 && s.exported ? ` · ${vscode.l10n.t('exported')}` : '';
      this.item.text = `${s.errors > 0 ? '$(error)' : '$(warning)'} Trial: ${parts.join(', ')}${exported}`;
      this.item.tooltip = s.errors > 0
        ? vscode.l10n.t('Fix the errors to export a registry record. Click to open Problems.')
        : `${exported ? `${vscode.l10n.t('Exported to {0}.', s.exported ?? '')} ` : ''}${vscode.l10n.t('Click to open Problems.')}`;
      this.item.command = 'workbench.actions.view.problems';
    } else if (s.exported) {
      this.item.text = `$(json) ${vscode.l10n.t('Trial: exported')}`;
      this.item.tooltip = vscode.l10n.t('Exported to {0}', s.exported);
      this.item.command = 'trial.exportRecord';
    } else {
      this.item.text = `$(check) ${vscode.l10n.t('Trial: clean')}`;
      this.item.tooltip = vscode.l10n.t('{0} has no problems. Click to export a registry record.', path.basename(doc.uri.fsPath));
      this.item.command = 'trial.exportRecord';
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
