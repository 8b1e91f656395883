/**
 * Whole documents for `trial timeline --format html` and `trial preview --format html`: self-contained
 * (styles inline, no script, no remote content), themed by the same variables as the editor's view,
 * with light fallbacks. The editor's Trial view wraps the same fragments in its own document (CSP, script).
 */
import { CALENDAR_STYLE, renderCalendarSvg } from './render-calendar';
import { esc } from './html';
import { PREVIEW_STYLE, renderPreviewHtml } from './render-preview';
import { renderSoaHtml, SOA_STYLE } from './render-soa';
import type { TrialView } from './index';

export const BASE_STYLE = `
body { font: 13px var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-editor-foreground, #1f2328); background: var(--vscode-editor-background, #fff); margin: 0; padding: 12px 16px; }
h1 { font-size: 16px; margin: 0 0 .6em; } h2 { font-size: 14px; margin: .8em 0 .4em; }
.muted { color: var(--vscode-descriptionForeground, #59636e); font-weight: 400; }
.cal-wrap { overflow-x: auto; } .cal-wrap svg { min-width: 640px; width: 100%; height: auto; }
.src { cursor: pointer; } .src:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0969da); outline-offset: 1px; }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
`;

export const VIEW_STYLE = BASE_STYLE + CALENDAR_STYLE + SOA_STYLE + PREVIEW_STYLE;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n<title>${esc(title)}</title>\n<style>${VIEW_STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** The dosing calendar and the schedule of activities of one protocol. */
export function renderTimelinePage(view: TrialView, name: string): string {
  return page(`${name} — dosing calendar`, `<h1>${esc(name)}: dosing calendar</h1>\n<div class="cal-wrap">${renderCalendarSvg(view.calendar, `Dosing calendar of ${name}`)}</div>\n<h2>Schedule of activities</h2>\n${renderSoaHtml(view.soa)}`);
}

/** The record as the registry presents it, with what blocks the export. */
export function renderPreviewPage(view: TrialView, name: string): string {
  return page(`${name} — registry preview`, `<h1>${esc(name)}: registry preview</h1>\n${renderPreviewHtml(view.preview)}`);
}
