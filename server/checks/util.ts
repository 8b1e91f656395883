/** Small helpers shared by the rules: ranges, nearest words, insertion points for quick fixes. */
import type * as A from '../../grammar/ast';
import type { LineIndex } from '../../grammar/line-index';
import type { QuickFix, TextEdit, TextReader } from './types';

export function spanRange(lines: LineIndex, from: A.Range, to: A.Range): A.Range {
  return lines.range(from.start.offset, to.end.offset);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `word` (case-insensitive), if it is reasonably close. */
export function closest(word: string, candidates: readonly string[], maxRatio = 0.5): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let d = levenshtein(w, cl);
    if (cl.startsWith(w) || w.startsWith(cl)) d = Math.min(d, Math.abs(cl.length - w.length) * 0.5);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.ceil(Math.max(word.length, best.length) * maxRatio)) ? best : undefined;
}

export function replaceFix(title: string, range: A.Range, newText: string, isPreferred = true): QuickFix {
  return { title, edits: [{ range, newText }], isPreferred };
}

/** A name as compared for repeats: without case, surrounding spaces and runs of spaces. */
export function normalName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Indentation of the line a range starts on. */
export function indentAt(text: TextReader, lines: LineIndex, range: A.Range): string {
  const line = range.start.line;
  const start = lines.lineStart(line);
  // The indentation ends on its line: the line is all that is read.
  const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return /^[ \t]*/.exec(text.slice(start, end))![0];
}

/**
 * An edit inserting `line` as a new statement at the end of a block (before its closing `}`),
 * indented like the block's statements.
 */
export function insertInBlock(text: TextReader, lines: LineIndex, block: { range: A.Range; statements: { range: A.Range }[] }, line: string): TextEdit {
  const closeOffset = block.range.end.offset - 1; // the `}`
  const last = block.statements[block.statements.length - 1];
  const blockIndent = indentAt(text, lines, block.range);
  const indent = last ? indentAt(text, lines, last.range) : blockIndent + '  ';
  const closeLine = lines.position(closeOffset).line;
  const closeLineStart = lines.lineStart(closeLine);
  if (text.slice(closeLineStart, closeOffset).trim() === '' && closeLine > block.range.start.line) {
    const at = lines.position(closeLineStart);
    return { range: { start: at, end: at }, newText: `${indent}${line}\n` };
  }
  const at = lines.position(closeOffset);
  return { range: { start: at, end: at }, newText: `\n${indent}${line}\n${blockIndent}` };
}

/** An edit inserting a new line right after the statement `after`, with the same indentation. */
export function insertAfter(text: TextReader, lines: LineIndex, after: { range: A.Range }, line: string): TextEdit {
  const indent = indentAt(text, lines, after.range);
  const at = after.range.end;
  return { range: { start: at, end: at }, newText: `\n${indent}${line}` };
}

/** An edit appending a top-level item at the end of the document. */
export function appendToDocument(text: TextReader, lines: LineIndex, item: string): TextEdit {
  const at = lines.position(text.length);
  const end = text.slice(Math.max(0, text.length - 2), text.length);
  const sep = text.length === 0 ? '' : end === '\n\n' ? '' : end.endsWith('\n') ? '\n' : '\n\n';
  return { range: { start: at, end: at }, newText: `${sep}${item}\n` };
}

/** An edit deleting the whole line(s) of a statement, including its line break. */
export function deleteLines(text: TextReader, lines: LineIndex, range: A.Range): TextEdit {
  const start = lines.lineStart(range.start.line);
  const nextLine = range.end.line + 1;
  const end = nextLine < lines.lineCount ? lines.lineStart(nextLine) : text.length;
  return { range: lines.range(start, end), newText: '' };
}

/** Study days of a calendar quantity word (`day`, `week`, `month`, `year`): a month is 30.4375 days. */
export const DAYS_PER: Record<A.TimeUnitWord, number> = { day: 1, week: 7, month: 30.4375, year: 365.25 };

export function timePointDays(p: A.TimePoint): number {
  return p.value.value * DAYS_PER[p.unit.value];
}

export function formatDays(d: number): string {
  return Number.isInteger(d) ? String(d) : d.toFixed(1).replace(/\.0$/, '');
}
