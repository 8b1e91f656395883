/**
 * Splitting a document into top-level segments that are parsed on their own.
 *
 * A segment starts at a line that begins, in column 0, with a top-level item's keyword (`trial`,
 * `intervention`, `primary outcome`, `site` …) outside a triple-quoted text, and runs to the next
 * such line. Parsing segment by segment buys three things:
 * - an edit re-lexes and re-parses only the segment it touches (the editor's per-keystroke path);
 * - a block left without its `}` while typing ends at the next top-level item instead of swallowing
 *   the rest of the file;
 * - error recovery, which Chevrotain implements by recursion, stays shallow however many errors a
 *   large file has.
 */

import type { SourceText } from './text-source';

/** `measure`, `intervention x {`, `primary outcome "…"` … at the very start of a line. */
const TOP_LEVEL_LINE = /(?:trial|design|sponsors|eligibility|schedule|measure|intervention|arm|group|oversight|ipd[ \t]+sharing|site|reference|link|(?:primary|secondary|other)[ \t]+outcome)(?![A-Za-z0-9_])/iy;

/** True when `line` opens a top-level item in column 0 (a segment start, outside `"""` texts). */
export function startsTopLevelItem(line: string): boolean {
  TOP_LEVEL_LINE.lastIndex = 0;
  return TOP_LEVEL_LINE.test(line);
}

export interface Segment {
  /** Offset of the segment's first character in the document. */
  start: number;
  /** Zero-based line of the segment's first character. */
  line: number;
  text: string;
}

export function splitSegments(text: string): Segment[] {
  return splitRange(text, 0, text.length, 0).segments;
}

/**
 * Split the part [from, to) of a text, where `from` is 0 or a segment start (so outside any `"""`
 * text) on line `line`, and `to` is the end of the text or a line start. `from` always starts a
 * segment; the last segment ends at `to`. Also returns whether the scan ends inside a `"""` text,
 * so that parse.ts can tell whether the segmentation after `to` is unchanged.
 */
export function splitRange(text: SourceText, from: number, to: number, line: number): { segments: Segment[]; insideTripleText: boolean } {
  const starts: number[] = [from];
  const lines: number[] = [line];
  let insideTripleText = false;
  let offset = from;
  const atEnd = to >= text.length;
  // Everything is read in the part [from, to) (a copy of it, see `detached`), with offsets of the
  // text: a keystroke's window never scans, nor needs, the rest of the document. A `"""` holds no
  // line break, so every one that counts lies there; the next one is searched for once and
  // reused line after line.
  const part = typeof text === 'string' && from === 0 && atEnd ? text : detached(text.slice(from, to));
  const tripleAt = (at: number): number => {
    const i = part.indexOf('"""', at - from);
    return i === -1 ? -1 : i + from;
  };
  let nextTriple = tripleAt(from);
  while (offset <= to) {
    if (offset === to && (!atEnd || offset > from)) break;
    const found = part.indexOf('\n', offset - from);
    // Before the end of the text, `to` is a line start: the part ends with that line's newline.
    const newline = found !== -1 ? found + from : atEnd ? -1 : to - 1;
    const end = newline === -1 ? from + part.length : newline;
    if (!insideTripleText && offset > from) {
      // Sticky match at the line start: no per-line string is allocated on this per-keystroke path.
      TOP_LEVEL_LINE.lastIndex = offset - from;
      if (TOP_LEVEL_LINE.test(part)) {
        starts.push(offset);
        lines.push(line);
      }
    }
    // A line with an odd number of `"""` opens or closes a multi-line text.
    let count = 0;
    while (nextTriple !== -1 && nextTriple < end) {
      count++;
      nextTriple = tripleAt(nextTriple + 3);
    }
    if (count % 2 === 1) insideTripleText = !insideTripleText;
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  const segments: Segment[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    segments[i] = { start: starts[i]!, line: lines[i]!, text: part.slice(starts[i]! - from, (i + 1 < starts.length ? starts[i + 1]! : to) - from) };
  }
  return { segments, insideTripleText };
}

/**
 * A copy of `slice` that does not hold the string it was sliced from. V8 makes a slice of a long
 * string a view on it, and the segment's text, its tokens' images and the AST's names and texts
 * would keep the whole document of that version alive as long as the segment lives: a session of
 * keystrokes each re-parsing a segment would hold one document text per segment. Prefixed and cut
 * again, the slice is copied once into a string of its own (the cut is a view on that copy only).
 */
function detached(slice: string): string {
  return (' ' + slice).slice(1);
}
