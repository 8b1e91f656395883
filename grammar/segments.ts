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

/** `measure`, `intervention x {`, `primary outcome "…"` … at the very start of a line. */
const TOP_LEVEL_LINE = /(?:trial|design|sponsors|eligibility|schedule|measure|intervention|arm|site|reference|(?:primary|secondary|other)[ \t]+outcome)(?![A-Za-z0-9_])/iy;

export interface Segment {
  /** Offset of the segment's first character in the document. */
  start: number;
  /** Zero-based line of the segment's first character. */
  line: number;
  text: string;
}

export function splitSegments(text: string): Segment[] {
  const starts: { offset: number; line: number }[] = [{ offset: 0, line: 0 }];
  let insideTripleText = false;
  let offset = 0;
  let line = 0;
  // The next `"""` at or after `offset`, searched for once and reused line after line.
  let nextTriple = text.indexOf('"""');
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    if (!insideTripleText && offset > 0) {
      // Sticky match at the line start: no per-line string is allocated on this per-keystroke path.
      TOP_LEVEL_LINE.lastIndex = offset;
      if (TOP_LEVEL_LINE.test(text)) starts.push({ offset, line });
    }
    // A line with an odd number of `"""` opens or closes a multi-line text.
    let count = 0;
    while (nextTriple !== -1 && nextTriple < end) {
      count++;
      nextTriple = text.indexOf('"""', nextTriple + 3);
    }
    if (count % 2 === 1) insideTripleText = !insideTripleText;
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  return starts.map((s, i) => ({
    start: s.offset,
    line: s.line,
    text: text.slice(s.offset, i + 1 < starts.length ? starts[i + 1].offset : text.length),
  }));
}
