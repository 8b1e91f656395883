/**
 * Formatting an open document at the cost of what changed since it was last formatted.
 *
 * The formatter prints a document segment after segment (grammar/format.ts `formatSegment`), each
 * from the layout state the previous one left. A segment's printed lines depend only on its text
 * and that state, and the incremental parse keeps the segment objects whose text did not change,
 * so they are kept here per segment object: a segment that is unchanged and entered in the same
 * state costs a lookup. Its line hunks against its own source lines are kept too (an unchanged,
 * already formatted segment has none), so the edits are computed only for segments that print
 * differently from what they say.
 *
 * The printed lines are lined up with the source segment by segment: segment i's source lines are
 * the lines of its text, and its share of the formatted text is what it printed without the blank
 * line that separates it from the segment before (that blank belongs to where the previous
 * segment's trailing blank lines are), plus the next segment's separating blank. Where that
 * partition cannot hold (a segment ends in the middle of a line, which only a broken document
 * does, or the document's first or last printed line is blank) the caller formats the whole text.
 */
import { closingLine, DOCUMENT_START, formatSegment, type LayoutState } from '../../grammar/format';
import type { ParseResult, SegmentParse } from '../../grammar/parse';
import { diffLines } from './line-diff';

/** Lines [aStart, aEnd) of the source are replaced by `lines`. */
export interface LineHunk {
  aStart: number;
  aEnd: number;
  lines: string[];
}

export type SegmentedFormat =
  | { kind: 'hunks'; hunks: LineHunk[]; lineCount: number; lineAt: (line: number) => string }
  /** The partition does not hold for this document: format the whole text. */
  | { kind: 'whole' };

/** One segment printed from one layout state, with what was derived from it so far. */
interface Printed {
  text: string;
  entryKey: string;
  lines: string[];
  exit: LayoutState;
  /** The first printed line is the blank that separates the segment from the one before. */
  lead: boolean;
  /** The segment's source lines (its text split at line ends, without them), on first use. */
  source?: string[];
  /** Hunks relative to the segment's first line, by what follows it: no blank, a blank, the document's end. */
  hunks: [LineHunk[]?, LineHunk[]?, LineHunk[]?];
}

const printedSegments = new WeakMap<SegmentParse, Printed>();

/**
 * The last format of a document: its parse's segments, what each printed and which have hunks.
 * The next format of the same document takes over, run by run, the segments that are the same
 * objects as then at the same place counted from the start or from the end (the incremental parse
 * keeps unchanged segments) and are entered in the same layout state; it prints and lines up
 * only the others.
 */
interface Layout {
  segments: readonly SegmentParse[];
  printed: Printed[];
  /** Indices of the segments with hunks, ascending. */
  dirty: number[];
}

const layouts = new Map<string, Layout>();
/** Documents whose last format is kept (the most recently formatted). */
const MAX_LAYOUTS = 16;

/** Segments [at, at + length) are last time's [from, from + length), or (from -1) segment `at` was looked at on its own. */
interface Region {
  at: number;
  from: number;
  length: number;
}

/**
 * What segment `i` prints when entered in `state`: what a segment with the same text printed at
 * the same place last time (an edit undone makes a new segment object with the old text), what
 * this segment object printed before, or printed now.
 */
function printedFrom(segment: SegmentParse, i: number, state: LayoutState, old: Layout | undefined, shift: number): Printed {
  const key = state.key;
  if (old) {
    for (const c of [old.printed[i], old.printed[i - shift]]) {
      if (c !== undefined && c.entryKey === key && c.text === segment.text) {
        printedSegments.set(segment, c);
        return c;
      }
    }
  }
  let p = printedSegments.get(segment);
  if (p !== undefined && p.text === segment.text && p.entryKey === key) return p;
  const out = formatSegment(segment, state);
  p = { text: segment.text, entryKey: key, lines: out.lines, exit: out.exit, lead: out.lines[0] === '', hunks: [] };
  printedSegments.set(segment, p);
  return p;
}

/**
 * Hunks that turn the parsed text into its formatted text. `parsed` must have no syntax errors.
 * `documentKey` (the document's URI) names the document whose last format this one may build on.
 */
export function formatSegmented(parsed: ParseResult, documentKey?: string): SegmentedFormat {
  const segments = parsed.segments;
  const n = segments.length;
  const old = documentKey === undefined ? undefined : layouts.get(documentKey);
  if (documentKey !== undefined) layouts.delete(documentKey);
  const m = old ? old.segments.length : 0;
  // Last time's segment i is this time's i + shift when counted from the end.
  const shift = n - m;
  const printed: Printed[] = [];
  const regions: Region[] = [];
  let state = DOCUMENT_START;
  let i = 0;
  while (i < n) {
    const segment = segments[i]!;
    const from = !old ? -1 : old.segments[i] === segment ? i : old.segments[i - shift] === segment ? i - shift : -1;
    if (from >= 0 && old!.printed[from]!.entryKey === state.key) {
      // A run of last time's segments entered as then: each prints and leaves the layout as then.
      let length = 1;
      while (i + length < n && from + length < m && segments[i + length] === old!.segments[from + length]) length++;
      for (let k = from; k < from + length; k++) printed.push(old!.printed[k]!);
      regions.push({ at: i, from, length });
      i += length;
    } else {
      printed.push(printedFrom(segment, i, state, old, shift));
      regions.push({ at: i, from: -1, length: 1 });
      i++;
    }
    state = printed[i - 1]!.exit;
    // Only the last segment may end in the middle of a line (a text without a final line break).
    if (state.current !== null && i < n) return { kind: 'whole' };
  }
  // (A segment's first line is blank only after a line printed before it: the formatter's dropping
  // of the document's leading blank lines never applies. Its dropping of trailing ones may.)
  const lastSegment = printed[n - 1]!;
  const closing = closingLine(lastSegment.exit);
  if ((closing ?? lastPrintedLine(printed)) === '') return { kind: 'whole' };

  const hunksOf = (k: number): LineHunk[] => {
    const p = printed[k]!;
    const variant = k === n - 1 ? 2 : printed[k + 1]!.lead ? 1 : 0;
    return (p.hunks[variant] ??= segmentHunks(p, variant, closing));
  };
  // The segments with hunks: in a run taken over, last time's (but for the run's last segment,
  // which may now be followed by a different first line); the others looked at.
  const dirty: number[] = [];
  for (const r of regions) {
    const last = r.at + r.length - 1;
    if (r.from >= 0) {
      const end = r.from + r.length - 1;
      for (let x = firstAtLeast(old!.dirty, r.from); x < old!.dirty.length && old!.dirty[x]! < end; x++) dirty.push(old!.dirty[x]! + r.at - r.from);
    }
    if (hunksOf(last).length > 0) dirty.push(last);
  }

  const hunks: LineHunk[] = [];
  for (const k of dirty) {
    const line = segments[k]!.line;
    for (const h of hunksOf(k)) {
      const previous = hunks[hunks.length - 1];
      // Hunks of neighbouring segments that touch become one (two edits at one place would be ambiguous).
      if (previous && previous.aEnd === h.aStart + line) {
        previous.aEnd = h.aEnd + line;
        previous.lines = previous.lines.concat(h.lines);
      } else hunks.push({ aStart: h.aStart + line, aEnd: h.aEnd + line, lines: h.lines });
    }
  }
  if (documentKey !== undefined) {
    layouts.set(documentKey, { segments, printed, dirty });
    if (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
  }
  const lineCount = segments[n - 1]!.line + sourceLines(lastSegment).length;
  return { kind: 'hunks', hunks, lineCount, lineAt: (line) => lineOf(segments, printed, line) };
}

/** The first index of the ascending `list` whose value is at least `value`. */
function firstAtLeast(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function lastPrintedLine(printed: readonly Printed[]): string | undefined {
  for (let k = printed.length - 1; k >= 0; k--) {
    const lines = printed[k]!.lines;
    if (lines.length > 0) return lines[lines.length - 1];
  }
  return undefined;
}

/** The segment's share of the formatted lines against its source lines (see the module comment). */
function segmentHunks(p: Printed, variant: 0 | 1 | 2, closing: string | undefined): LineHunk[] {
  const all = sourceLines(p);
  const source = variant === 2 ? all : all.slice(0, -1);
  const formatted = p.lead ? p.lines.slice(1) : p.lines.slice();
  if (variant === 1) formatted.push('');
  if (variant === 2) {
    if (closing !== undefined) formatted.push(closing);
    // The formatted text ends with a line break: split at line ends, its last line is empty.
    formatted.push('');
  }
  return diffLines(source, formatted).map((h) => ({ aStart: h.aStart, aEnd: h.aEnd, lines: formatted.slice(h.bStart, h.bEnd) }));
}

/** A segment's text split at its line ends (LF or CRLF: a parse's text has no lone CR). */
function sourceLines(p: Printed): string[] {
  return (p.source ??= p.text.split(/\r?\n/));
}

/** The source line `n` of the document (found by its segment). */
function lineOf(segments: readonly SegmentParse[], printed: readonly Printed[], n: number): string {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.line <= n) low = mid;
    else high = mid - 1;
  }
  return sourceLines(printed[low]!)[n - segments[low]!.line] ?? '';
}
