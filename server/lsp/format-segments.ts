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

/** Hunks that turn the parsed text into its formatted text. `parsed` must have no syntax errors. */
export function formatSegmented(parsed: ParseResult): SegmentedFormat {
  const segments = parsed.segments;
  const printed: Printed[] = new Array(segments.length);
  let state = DOCUMENT_START;
  let printedAny = false;
  let lastPrinted: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    let p = printedSegments.get(segment);
    if (p === undefined || p.text !== segment.text || p.entryKey !== state.key) {
      const out = formatSegment(segment, state);
      p = { text: segment.text, entryKey: state.key, lines: out.lines, exit: out.exit, lead: out.lines[0] === '', hunks: [] };
      printedSegments.set(segment, p);
    }
    // A blank first line of the document is dropped by the formatter: not this partition's case.
    if (p.lead && !printedAny) return { kind: 'whole' };
    if (p.lines.length > 0) {
      printedAny = true;
      lastPrinted = p.lines[p.lines.length - 1];
    }
    // Only the last segment may end in the middle of a line (a text without a final line break).
    if (p.exit.current !== null && i < segments.length - 1) return { kind: 'whole' };
    printed[i] = p;
    state = p.exit;
  }
  const closing = closingLine(state);
  if ((closing ?? lastPrinted) === '') return { kind: 'whole' };

  const hunks: LineHunk[] = [];
  for (let i = 0; i < segments.length; i++) {
    const p = printed[i]!;
    const last = i === segments.length - 1;
    const variant = last ? 2 : printed[i + 1]!.lead ? 1 : 0;
    const relative = (p.hunks[variant] ??= segmentHunks(p, variant, closing));
    const line = segments[i]!.line;
    for (const h of relative) {
      const previous = hunks[hunks.length - 1];
      // Hunks of neighbouring segments that touch become one (two edits at one place would be ambiguous).
      if (previous && previous.aEnd === h.aStart + line) {
        previous.aEnd = h.aEnd + line;
        previous.lines = previous.lines.concat(h.lines);
      } else hunks.push({ aStart: h.aStart + line, aEnd: h.aEnd + line, lines: h.lines });
    }
  }
  const lastSegment = segments[segments.length - 1];
  const lineCount = lastSegment ? lastSegment.line + sourceLines(printed[segments.length - 1]!).length : 1;
  return { kind: 'hunks', hunks, lineCount, lineAt: (n) => lineOf(segments, printed, n) };
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
