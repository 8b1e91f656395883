/**
 * The language status item ({} in the status bar next to "Trial Protocol" when a .trial file is
 * active): is the server running, which rule groups are on, and links to the output and a restart.
 * The per-file counts stay in the status bar item (status-bar.ts).
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION, LANGUAGE_ID } from '../server/lsp/protocol';

export class TrialLanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: 'starting' | 'running' | 'stopped' = 'starting';

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('trial.server', { language: LANGUAGE_ID });
    this.item.name = vscode.l10n.t('Trial language server');
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(CONFIG_SECTION) && this.render()));
    this.render();
  }

  set(state: 'starting' | 'running' | 'stopped'): void {
    this.state = state;
    this.render();
  }

  /** For tests through the extension's API. */
  get text(): string {
    return `${this.item.text} — ${this.item.detail ?? ''}`;
  }

  private render(): void {
    const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const groups = (['units', 'schedule', 'registry'] as const).filter((g) => cfg.get<boolean>(`rules.${g}`, true));
    const on = groups.length === 3 ? vscode.l10n.t('all checks on') : vscode.l10n.t('checks on: {0}', groups.join(', ') || vscode.l10n.t('syntax and names only'));
    if (this.state === 'running') {
      this.item.text = vscode.l10n.t('Trial checks');
      this.item.detail = on;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.busy = false;
      this.item.command = { title: vscode.l10n.t('Show Output'), command: 'trial.showOutput' };
    } else if (this.state === 'starting') {
      this.item.text = vscode.l10n.t('Trial checks');
      this.item.detail = vscode.l10n.t('starting the language server');
      this.item.busy = true;
      this.item.command = undefined;
    } else {
      this.item.text = vscode.l10n.t('Trial checks stopped');
      this.item.detail = vscode.l10n.t('the language server is not running');
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      this.item.busy = false;
      this.item.command = { title: vscode.l10n.t('Restart'), command: 'trial.restartServer' };
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
