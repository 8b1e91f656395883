/**
 * A text the parse can read in parts without it being one string: the language server's open
 * documents are kept in pieces (server/lsp/edited-document.ts), so that a keystroke costs what it
 * changes, not a copy of the whole document. An incremental parse told where the edit lies reads
 * only the segments around it (`slice`); anything that needs the whole text asks for it
 * (`toString`, made once per text and kept).
 *
 * A `TextSource` never changes: an edit makes a new one.
 */
export interface TextSource {
  readonly length: number;
  /** The part [from, to) (clamped to the text), as `String.prototype.slice` with two non-negative offsets. */
  slice(from: number, to: number): string;
  /** The whole text. */
  toString(): string;
}

export type SourceText = string | TextSource;

/** The whole text of a source. */
export function textOf(source: SourceText): string {
  return typeof source === 'string' ? source : source.toString();
}

/** The offset of the last `\n` before `before` (searched backwards from `before - 1`), or -1. */
export function lastNewlineBefore(source: SourceText, before: number): number {
  if (typeof source === 'string') return before <= 0 ? -1 : source.lastIndexOf('\n', before - 1);
  // Backwards in growing steps: a line is short, the text may be long.
  let step = 256;
  for (let end = Math.min(before, source.length); end > 0; end -= step, step *= 2) {
    const from = Math.max(0, end - step);
    const i = source.slice(from, end).lastIndexOf('\n');
    if (i !== -1) return from + i;
  }
  return -1;
}
