/** Escaping and the source-link attributes shared by the renderers (no text reaches the output unescaped). */
import type { SourceRef } from './source';

export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The attributes of an element that links to its source line: focusable, announced as a link,
 * and carrying the zero-based position the editor moves the cursor to.
 */
export function linkAttrs(source: SourceRef | undefined, label: string, cls = ''): string {
  if (!source) return cls ? ` class="${cls}"` : '';
  return ` class="src${cls ? ` ${cls}` : ''}" tabindex="0" role="link" data-line="${source.line}" data-character="${source.character}" aria-label="${esc(`${label} (line ${source.line + 1})`)}"`;
}
