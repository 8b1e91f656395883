/**
 * The registry preview as HTML: the study laid out in the registry's sections, each value linked to
 * its source line, missing required values and the errors that block the export marked in place.
 */
import { esc, linkAttrs } from './html';
import type { RegistryPreview } from './preview';

export const PREVIEW_STYLE = `
.preview section { margin: 0 0 1.2em; }
.preview h3 { font-size: 13px; margin: .8em 0 .3em; padding-bottom: 2px; border-bottom: 1px solid var(--vscode-panel-border, #d1d9e0); }
.preview dl { display: grid; grid-template-columns: minmax(9em, 14em) 1fr; gap: 4px 12px; margin: 0; }
.preview dt { color: var(--vscode-descriptionForeground, #59636e); }
.preview dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.preview .missing { color: var(--vscode-descriptionForeground, #59636e); font-style: italic; }
.preview .missing.required { color: var(--vscode-errorForeground, #cf222e); font-style: normal; }
.preview .blockers { list-style: none; padding: 0; margin: .3em 0 .6em; }
.preview .blockers li { border-left: 3px solid var(--vscode-errorForeground, #cf222e); padding: 2px 8px; margin: 3px 0; background: color-mix(in srgb, var(--vscode-errorForeground, #cf222e) 8%, transparent); }
.preview .blockers code { color: var(--vscode-errorForeground, #cf222e); }
.preview .banner { padding: 6px 10px; border-radius: 3px; margin-bottom: .8em; }
.preview .banner.blocked { background: color-mix(in srgb, var(--vscode-errorForeground, #cf222e) 12%, transparent); }
.preview .banner.ready { background: color-mix(in srgb, var(--vscode-charts-green, #1a7f37) 14%, transparent); }
@media (max-width: 520px) { .preview dl { grid-template-columns: 1fr; } .preview dd { margin-bottom: 6px; } }
`;

export function renderPreviewHtml(p: RegistryPreview): string {
  const parts: string[] = ['<div class="preview">'];
  parts.push(p.blockingCount
    ? `<p class="banner blocked" role="status">${p.blockingCount} error${p.blockingCount === 1 ? '' : 's'} block the export; each is shown in its section below.</p>`
    : `<p class="banner ready" role="status">Nothing blocks the export.</p>`);
  if (p.title) parts.push(`<h2>${esc(p.title)}${p.id ? ` <span class="muted">${esc(p.id)}</span>` : ''}</h2>`);
  for (const s of p.sections) {
    parts.push(`<section data-section="${s.id}"><h3>${esc(s.title)}</h3>`);
    if (s.blocking.length) {
      parts.push(`<ul class="blockers" aria-label="Blocking the export">${s.blocking.map((b) => `<li${linkAttrs(b.source, `blocks the export: ${b.message}`)}><code>${esc(b.code)}</code> ${esc(b.message)}</li>`).join('')}</ul>`);
    }
    if (s.fields.length === 0) parts.push('<p class="missing">Not stated.</p>');
    else {
      parts.push('<dl>');
      for (const f of s.fields) {
        parts.push(`<dt>${esc(f.label)}</dt>`);
        parts.push(f.value !== undefined
          ? `<dd${linkAttrs(f.source, f.label)}>${esc(f.value)}</dd>`
          : `<dd class="missing${f.required ? ' required' : ''}">${f.required ? 'Missing — the registry requires it' : 'Not stated'}</dd>`);
      }
      parts.push('</dl>');
    }
    parts.push('</section>');
  }
  parts.push('</div>');
  return parts.join('');
}
