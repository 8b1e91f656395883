/**
 * Parsing a large document without holding the server: the text is parsed as a growing prefix,
 * each prefix ending where a top-level item starts (grammar/segments.ts), each step given the
 * previous step's result — so it parses only the part it adds (grammar/parse.ts re-uses the
 * unchanged segments) — with `turn()` awaited between steps, so requests and cancellations queued
 * meanwhile are answered. The last step parses the whole text with the previous prefix: by the
 * parser's incremental = fresh property the result is the whole text's parse.
 *
 * PARTS bounds the number of steps whatever the size, so the extra work (each step compares its
 * prefix with the previous one, and moves the previous segments) stays linear: at most PARTS times
 * the text.
 */
import { parse, withLineFeeds, type ParseResult } from '../../grammar/parse';
import { splitSegments } from '../../grammar/segments';

export const PARTS = 16;
/** Below this a part is not worth a turn of the event loop (about 50 ms of parsing on a slow machine). */
export const MIN_PART_CHARS = 100_000;

/** Where the prefixes end: segment starts about text.length / PARTS apart (none for a small text). */
export function partEnds(text: string): number[] {
  if (text.length <= MIN_PART_CHARS) return [];
  const size = Math.max(MIN_PART_CHARS, Math.ceil(text.length / PARTS));
  const ends: number[] = [];
  let next = size;
  for (const s of splitSegments(withLineFeeds(text))) {
    if (s.start >= next && s.start < text.length) {
      ends.push(s.start);
      next = s.start + size;
    }
  }
  return ends;
}

/**
 * The parse of `text`, in parts with `turn()` between them. `previous` (the document's last parse)
 * is spent, as with `parse`. Returns the same result as `parse(text, previous)`.
 */
export async function parseInParts(text: string, previous: ParseResult | undefined, turn: () => Promise<void>): Promise<ParseResult> {
  let parsed = previous;
  for (const end of partEnds(text)) {
    parsed = parse(text.slice(0, end), parsed);
    await turn();
  }
  return parse(text, parsed);
}
