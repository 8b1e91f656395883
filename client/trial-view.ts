/**
 * The Trial view: a webview panel beside the editor that follows the active .trial file and updates
 * as it is edited. The data comes from the server (`trial/view`, computed by the core); the HTML and
 * SVG come from the core's renderers, so the panel shows what `trial timeline` and `trial preview`
 * write. Security: a strict CSP (one nonce for the page's style and its script file, nothing
 * remote, no inline handlers), scripts only from the extension's `media/` folder, and every message
 * from the webview checked before it moves the cursor.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, TrialViewMethod, type TrialViewParams, type TrialViewResult } from '../server/lsp/protocol';
import { renderCalendarSvg } from '../server/view/render-calendar';
import { VIEW_STYLE } from '../server/view/render-page';
import { renderPreviewHtml } from '../server/view/render-preview';
import { renderSoaHtml } from '../server/view/render-soa';
import { parseRevealMessage } from './view-messages';

/** What the view shows now (for the e2e tests, through the extension's API). */
export interface TrialViewState {
  uri: string;
  version: number;
  result: TrialViewResult;
}

const VIEW_TYPE = 'trial.view';
const DEBOUNCE_MS = 250;

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

export class TrialViewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private pending: object | undefined;
  private generation = 0;
  private current: TrialViewState | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<TrialViewState>();
  /** Fires after each update the webview was sent. */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e?.document.languageId === LANGUAGE_ID && e.document !== this.document) {
          this.document = e.document;
          void this.refresh();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.document = undefined;
      }),
      this.changed,
    );
  }

  state(): TrialViewState | undefined {
    return this.current;
  }

  /** Open the view beside the editor for `doc` (or reveal it), and show `doc`. */
  async open(doc: vscode.TextDocument): Promise<TrialViewState | undefined> {
    this.document = doc;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Trial View'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [media],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview, media);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.current = undefined;
      }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m), null, this.disposables);
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }, null, this.disposables);
    } else {
      this.panel.reveal(undefined, true);
    }
    return this.refresh();
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'trial-view.js'));
    const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource};`;
    const t = (s: string) => vscode.l10n.t(s);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${VIEW_STYLE}
.tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--vscode-panel-border); margin: 0 0 10px; position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; flex-wrap: wrap; }
.tabs button { font: inherit; color: var(--vscode-foreground); background: none; border: none; border-bottom: 2px solid transparent; padding: 6px 10px; cursor: pointer; }
.tabs button[aria-selected="true"] { border-bottom-color: var(--vscode-focusBorder); color: var(--vscode-textLink-foreground); }
.tabs button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
#title { font-size: 13px; margin: 0 0 6px; }
</style>
<title>${t('Trial View')}</title>
</head>
<body>
<h1 id="title">${t('Trial View')}</h1>
<div class="tabs" role="tablist" aria-label="${t('Trial View')}">
<button role="tab" id="tab-calendar" data-tab="calendar" aria-controls="calendar">${t('Dosing calendar')}</button>
<button role="tab" id="tab-soa" data-tab="soa" aria-controls="soa">${t('Schedule of activities')}</button>
<button role="tab" id="tab-preview" data-tab="preview" aria-controls="preview">${t('Registry preview')}</button>
</div>
<div id="calendar" class="cal-wrap" role="tabpanel" aria-labelledby="tab-calendar"></div>
<div id="soa" role="tabpanel" aria-labelledby="tab-soa" hidden></div>
<div id="preview" role="tabpanel" aria-labelledby="tab-preview" hidden></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  private onMessage(m: unknown): void {
    if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready') {
      // The page (re)loaded: at first, and each time a hidden panel is shown again (its content is not kept).
      this.ready = true;
      this.pending = undefined;
      void this.refresh();
      return;
    }
    const doc = this.document;
    if (!doc) return;
    const at = parseRevealMessage(m, doc.lineCount);
    if (!at) return;
    void this.reveal(doc, at);
  }

  private async reveal(doc: vscode.TextDocument, at: { line: number; character: number }): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const position = doc.validatePosition(new vscode.Position(at.line, at.character));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  /** Ask the server for the view of the current document and send it to the webview. */
  async refresh(): Promise<TrialViewState | undefined> {
    const doc = this.document;
    const client = this.client();
    if (!this.panel || !doc) return undefined;
    const generation = ++this.generation;
    const name = path.basename(doc.uri.fsPath || doc.uri.path);
    this.panel.title = vscode.l10n.t('Trial View: {0}', name);
    if (!client) {
      this.post({ type: 'update', version: doc.version, title: name, calendar: `<p>${vscode.l10n.t('The Trial language server is not running.')}</p>`, soa: '', preview: '' });
      return undefined;
    }
    let result: TrialViewResult | null;
    try {
      const params: TrialViewParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
      result = await client.sendRequest<TrialViewResult | null>(TrialViewMethod, params);
    } catch (e) {
      this.output.error(`${TrialViewMethod} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    // A newer refresh started meanwhile (typing): its answer wins.
    if (generation !== this.generation || !result || !this.panel) return this.current;
    const v = result.view;
    this.post({
      type: 'update',
      version: result.version,
      title: name,
      calendar: renderCalendarSvg(v.calendar, vscode.l10n.t('Dosing calendar of {0}', name), false),
      soa: renderSoaHtml(v.soa),
      preview: renderPreviewHtml(v.preview),
    });
    this.current = { uri: doc.uri.toString(), version: result.version, result };
    this.changed.fire(this.current);
    return this.current;
  }

  private post(message: object): void {
    if (this.ready) void this.panel?.webview.postMessage(message);
    else this.pending = message;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
