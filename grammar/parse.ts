/**
 * The grammar's public entry point: text in, typed AST + syntax diagnostics + comments out.
 * Never throws on any input: lexing and parsing problems become located diagnostics.
 *
 * The document is parsed segment by segment (see segments.ts). Given the previous result for the
 * same document, `parse` re-lexes and re-parses only the segments whose text changed and moves the
 * others to their new place, so an edit costs about one segment, not the whole file.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as A from './ast';
import { AstBuilder } from './build-ast';
import type { Diagnostic } from './diagnostic';
import { lexer } from './lexer';
import { LineIndex, SegmentedLineIndex } from './line-index';
import { setMessageText } from './parse-messages';
import { trialParser } from './parser';
import { splitRange, splitSegments, type Segment } from './segments';
import { fits, type TextChange } from './text-change';
import { lastNewlineBefore, textOf, type SourceText } from './text-source';

export type { TextChange } from './text-change';
export type { SourceText, TextSource } from './text-source';

export interface ParseResult {
  ast: A.Document;
  /** Syntax diagnostics only (codes `syntax-*`, `dose-*`); semantic checks live in server/. */
  diagnostics: Diagnostic[];
  comments: A.Comment[];
  /** The significant tokens with document offsets, for the formatter and highlighting (computed on first use). */
  readonly tokens: IToken[];
  readonly lines: LineIndex;
  /** How the document was split, for reuse by the next parse of the same document. */
  readonly segments: readonly SegmentParse[];
}

/**
 * One segment's parse. Every position in its items, diagnostics and comments is relative to the
 * segment's `start` and `line` (line-index.ts `RelativePosition`) and reads as absolute for the
 * document it was last placed in: moving the segment is setting those two numbers.
 */
export interface SegmentParse {
  text: string;
  start: number;
  line: number;
  items: A.TopItem[];
  diagnostics: Diagnostic[];
  comments: A.Comment[];
  /**
   * Tokens with offsets relative to the segment. Lexed again from `text` on first use and then
   * kept: a check never needs them (only the formatter, hover and folding do), so a parse does
   * not hold every token of the document.
   */
  readonly relativeTokens: IToken[];
  /** The segment's own line index (relative to its start): the document's is made of these. */
  lines: LineIndex;
}

/**
 * Parse a document. Pass the previous result for the same document to reuse its unchanged
 * segments; the previous result must not be used afterwards (its segments move to the new one).
 * With `change`, where the edit from the previous text to this one lies (text-change.ts; the
 * editor's change events say it), the two texts are not compared to find it: a keystroke then
 * reads only the segments around it. A change that does not fit the two texts' lengths is ignored.
 *
 * The text may be a `TextSource` (text-source.ts: the editor's document, kept in pieces): with a
 * known change it is read only around the edit; otherwise it is made into one string.
 */
export function parse(input: SourceText, previous?: ParseResult, change?: TextChange): ParseResult {
  const kept = previous && texts.get(previous);
  // A result is reused once: its segments move to the new result, so its text no longer describes
  // them. Passed again, it is parsed from scratch (correct, only slower).
  if (previous) texts.delete(previous);
  if (kept !== undefined && previous && typeof input !== 'string') {
    // Read in parts: only when the edit is known and no lone CR can make the text differ from the
    // source (a lone CR turned into LF changes what the segments read).
    const near = change && input.slice(Math.max(change.start - 1, 0), change.newEnd + 2);
    if (change !== undefined && near !== undefined && fits(change, kept.length, input.length) && !withCarriageReturns.has(previous) && !hasLoneCarriageReturn(near, 0, change.newEnd + 1 - Math.max(change.start - 1, 0))) {
      const re = reparse(input, kept, previous, change.start, kept.length - change.oldEnd);
      return result(input, input, re.segments, re.window && { previous, ...re.window });
    }
  }
  const source = textOf(input);
  const before = kept === undefined ? undefined : textOf(kept);
  if (before !== undefined && previous) {
    // Compared with the previous text as given: when neither it nor the edited part of the new
    // one has a lone CR, the new text is the source itself and the whole text is not scanned.
    let text = source;
    const known = change !== undefined && fits(change, before.length, source.length);
    let prefix = known ? change.start : commonPrefix(source, before, Math.min(source.length, before.length));
    let suffix = known ? before.length - change.oldEnd : commonSuffix(source, before, Math.min(source.length, before.length) - prefix);
    if (withCarriageReturns.has(previous) || hasLoneCarriageReturn(source, prefix - 1, source.length - suffix + 1)) {
      // A lone CR turned into LF can join or split a CRLF at the edit's edges: compared again.
      text = withLineFeeds(source);
      prefix = commonPrefix(text, before, Math.min(text.length, before.length));
      suffix = commonSuffix(text, before, Math.min(text.length, before.length) - prefix);
    }
    const re = reparse(text, before, previous, prefix, suffix);
    return result(source, text, re.segments, re.window && { previous, ...re.window });
  }
  const text = withLineFeeds(source);
  return result(source, text, splitSegments(text).map((segment) => parseSegment(segment)));
}

/**
 * A fresh parse whose segments keep the tokens their parse lexed, for a caller that reads them
 * all at once (formatText): the editor's parses do not hold them (they are lexed again on first
 * use), which would lex the whole text twice.
 */
export function parseKeepingTokens(source: string): ParseResult {
  const text = withLineFeeds(source);
  return result(source, text, splitSegments(text).map((segment) => parseSegment(segment, true)));
}

/** Whether `text[from, to)` has a CR not followed by LF. */
function hasLoneCarriageReturn(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = Math.max(from, 0); i < end; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** The results whose source had a lone CR (their text differs from the source). */
const withCarriageReturns = new WeakSet<ParseResult>();

/**
 * Where the segments of a reparse differ from the previous result's: old segments [first, next)
 * were replaced by new segments [first, first + count). The lists of the result are then the
 * previous lists with that part replaced (array copies, not a walk over every segment).
 */
interface Window {
  previous: ParseResult;
  first: number;
  next: number;
  count: number;
}

/**
 * A lone CR (old Mac line ends) becomes LF: the same length, so every offset is unchanged, and the
 * lexer, segments and line counting need to know only LF and CRLF (the lexer's Newline is `\r?\n`).
 * Lines then agree with the editor's, where CR, LF and CRLF all end a line.
 */
export function withLineFeeds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/** The text each result was parsed from (kept aside so the result's shape stays as documented). */
const texts = new WeakMap<ParseResult, SourceText>();

/**
 * What an incremental parse changed in the previous result's items: the top-level items it no
 * longer has and the ones it has instead, at item index `at` (every other item is the same
 * object, moved). Lets the layers above (model, checks) update what they derived from the
 * previous result instead of recomputing it for the whole document.
 */
export interface ParseEdit {
  previous: ParseResult;
  at: number;
  removed: readonly A.TopItem[];
  added: readonly A.TopItem[];
  /** The previous result's segments that are not part of this one (parsed again or gone). */
  removedSegments: readonly SegmentParse[];
  /** Lines added (negative: removed) by the edit; the segments after it moved by as many. */
  lineDelta: number;
}

const edits = new WeakMap<ParseResult, ParseEdit>();

/** How `result` differs from the previous result it was parsed from; undefined for a fresh parse. */
export function editOf(result: ParseResult): ParseEdit | undefined {
  return edits.get(result);
}

function result(source: SourceText, text: SourceText, segments: SegmentParse[], window?: Window): ParseResult {
  let lines: LineIndex | undefined;
  let items: A.TopItem[];
  let diagnostics: Diagnostic[];
  let comments: A.Comment[];
  let itemsBefore = 0;
  if (window) {
    const old = window.previous.segments;
    const fresh = segments.slice(window.first, window.first + window.count);
    // Where the window starts in each list: one pass over the segments before it, for the three.
    let diagnosticsBefore = 0;
    let commentsBefore = 0;
    for (let k = 0; k < window.first; k++) {
      const s = old[k]!;
      itemsBefore += s.items.length;
      diagnosticsBefore += s.diagnostics.length;
      commentsBefore += s.comments.length;
    }
    items = splice(window.previous.ast.items, itemsBefore, old, window, fresh, (s) => s.items);
    diagnostics = splice(window.previous.diagnostics, diagnosticsBefore, old, window, fresh, (s) => s.diagnostics);
    comments = splice(window.previous.comments, commentsBefore, old, window, fresh, (s) => s.comments);
  } else {
    items = [];
    diagnostics = [];
    comments = [];
    for (const s of segments) {
      for (const x of s.items) items.push(x);
      for (const x of s.diagnostics) diagnostics.push(x);
      for (const x of s.comments) comments.push(x);
    }
  }
  let tokens: IToken[] | undefined;
  const parsed: ParseResult = {
    ast: { kind: 'Document', items, range: documentRange(text, segments) },
    diagnostics,
    comments,
    get tokens() {
      tokens ??= segments.flatMap((s) => s.relativeTokens.map((t) => absoluteToken(t, s)));
      return tokens;
    },
    get lines() {
      lines ??= new SegmentedLineIndex(segments, text.length);
      return lines;
    },
    segments,
  };
  texts.set(parsed, text);
  if (text !== source) withCarriageReturns.add(parsed);
  if (window) {
    edits.set(parsed, editFrom(window, itemsBefore, segments, parsed.ast.range.end.line));
    // Only one step back is kept: the chain of spent results would hold every old AST alive.
    edits.delete(window.previous);
  }
  return parsed;
}

function editFrom(w: Window, at: number, segments: readonly SegmentParse[], endLine: number): ParseEdit {
  const old = w.previous.segments;
  const before: A.TopItem[] = [];
  for (let k = w.first; k < w.next; k++) for (const x of old[k]!.items) before.push(x);
  const after: A.TopItem[] = [];
  for (let k = w.first; k < w.first + w.count; k++) for (const x of segments[k]!.items) after.push(x);
  // Segments of the window whose text did not change keep their items: neither removed nor added.
  const kept = new Set(before.filter((x) => after.includes(x)));
  const fresh = segments.slice(w.first, w.first + w.count);
  const removedSegments = old.slice(w.first, w.next).filter((x) => !fresh.includes(x));
  // The previous document's range was computed when it was parsed (its segments have moved since).
  const lineDelta = endLine - w.previous.ast.range.end.line;
  return { previous: w.previous, at, removed: before.filter((x) => !kept.has(x)), added: after.filter((x) => !kept.has(x)), removedSegments, lineDelta };
}


/**
 * A previous list with the part of old segments [first, next) — from index `before` — replaced by
 * the fresh segments' part (the previous list itself when that part is empty before and after: the
 * lists are never changed in place, and the previous result is spent).
 */
function splice<T>(list: readonly T[], before: number, old: readonly SegmentParse[], w: Window, fresh: readonly SegmentParse[], of: (s: SegmentParse) => readonly T[]): T[] {
  let replaced = 0;
  for (let k = w.first; k < w.next; k++) replaced += of(old[k]!).length;
  const middle: T[] = [];
  for (const s of fresh) for (const x of of(s)) middle.push(x);
  // Nothing taken out, nothing put in (most keystrokes, for diagnostics and comments): the same list.
  if (replaced === 0 && middle.length === 0) return list as T[];
  // A large part (a paste of a whole document) is not spread into arguments: concatenated.
  if (middle.length > 10_000) return list.slice(0, before).concat(middle, list.slice(before + replaced));
  // One copy (not three arrays: the two parts and their concatenation), then the window replaced in it.
  const out = list.slice();
  if (replaced === middle.length) for (let i = 0; i < replaced; i++) out[before + i] = middle[i]!;
  else out.splice(before, replaced, ...middle);
  return out;
}

/**
 * The segments of `text`, re-splitting and re-parsing only around the edit that turned `before`
 * into `text`: the common prefix and suffix of the two texts are found, the window from the start
 * of the segment holding the character before the edit to the first old segment start (with its
 * preceding newline) in the unchanged suffix is split again, and the segments after the window are
 * moved by the edit's offset and line delta. Falls back to the whole text when the window ends in
 * a different `"""` state (the segmentation after it could change).
 */
function reparse(text: SourceText, before: SourceText, previous: ParseResult, prefix: number, suffix: number): { segments: SegmentParse[]; window?: Omit<Window, 'previous'> } {
  const old = previous.segments;
  let low: number;
  let high: number;
  const delta = text.length - before.length;
  const oldChangedEnd = before.length - suffix;

  // First segment of the window: the one holding the newline before the edited line (an edit
  // anywhere on a line can make or unmake a top-level keyword at its start).
  const anchor = Math.max(prefix === 0 ? 0 : lastNewlineBefore(before, prefix), 0);
  let first = 0;
  low = 0;
  high = old.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (old[mid]!.start <= anchor) {
      first = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // First segment after the window: its start and the newline before it lie in the unchanged suffix.
  let next = first + 1;
  while (next < old.length && old[next]!.start - 1 < oldChangedEnd) next++;

  const lineDelta = countNewlines(text, prefix, text.length - suffix) - countNewlines(before, prefix, oldChangedEnd);
  const from = old[first]!.start;
  const to = next < old.length ? old[next]!.start + delta : text.length;
  const split = splitRange(text, from, to, old[first]!.line);
  if (split.insideTripleText && next < old.length) return { segments: splitSegments(textOf(text)).map((segment) => parseSegment(segment)) };

  const segments: SegmentParse[] = old.slice(0, first);
  // Old segments of the window whose text is unchanged are reused (moved to their new place).
  let candidate = first;
  for (const segment of split.segments) {
    let reused: SegmentParse | undefined;
    for (let k = candidate; k < next; k++) {
      if (old[k]!.text === segment.text) {
        reused = old[k];
        candidate = k + 1;
        break;
      }
    }
    if (reused) {
      reused.start = segment.start;
      reused.line = segment.line;
      segments.push(reused);
    } else segments.push(parseSegment(segment));
  }
  for (let k = next; k < old.length; k++) {
    const s = old[k]!;
    s.start += delta;
    s.line += lineDelta;
    segments.push(s);
  }
  return { segments, window: { first, next, count: split.segments.length } };
}

/**
 * Length of the common prefix of two texts: compared in blocks that double in size (a memory
 * compare each; one pass over the prefix), then character by character in the block that differs.
 */
function commonPrefix(a: string, b: string, max: number): number {
  let at = 0;
  let step = 256;
  while (at < max) {
    const n = Math.min(step, max - at);
    if (a.substring(at, at + n) !== b.substring(at, at + n)) break;
    at += n;
    if (step < 1 << 16) step *= 2;
  }
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Length of the common suffix of two texts, at most `max` (as commonPrefix, from the end). */
function commonSuffix(a: string, b: string, max: number): number {
  let at = 0;
  let step = 256;
  const la = a.length;
  const lb = b.length;
  while (at < max) {
    const n = Math.min(step, max - at);
    if (a.substring(la - at - n, la - at) !== b.substring(lb - at - n, lb - at)) break;
    at += n;
    if (step < 1 << 16) step *= 2;
  }
  while (at < max && a.charCodeAt(la - 1 - at) === b.charCodeAt(lb - 1 - at)) at++;
  return at;
}

function countNewlines(source: SourceText, from: number, to: number): number {
  // A source in pieces is read in the part only (an edit's part, on the per-keystroke path).
  const text = typeof source === 'string' ? source : source.slice(from, to);
  if (typeof source !== 'string') [from, to] = [0, text.length];
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The whole text's range without indexing every line (the index is built only when asked for):
 * the last segment's line plus the lines of its text.
 */
function documentRange(text: SourceText, segments: readonly SegmentParse[]): A.Range {
  const last = segments[segments.length - 1];
  const line = last ? last.line + countNewlines(last.text, 0, last.text.length) : countNewlines(text, 0, text.length);
  // The last segment starts at a line start: the last line starts in it (or with it).
  const lastLineStart = last ? last.start + last.text.lastIndexOf('\n') + 1 : textOf(text).lastIndexOf('\n') + 1;
  return { start: { line: 0, character: 0, offset: 0 }, end: { line, character: text.length - lastLineStart, offset: text.length } };
}

function parseSegment(segment: Segment, keepTokens = false): SegmentParse {
  // Kept tokens are the lexer's own; otherwise lent (reused by the next segment): nothing of this
  // parse holds a token after it (the AST, diagnostics and comments take images and offsets).
  const lexed = lexer.tokenize(segment.text, !keepTokens);
  const diagnostics: Diagnostic[] = [];
  // Positions relative to the segment (`parsed` is their base). While the segment is built they
  // read as offsets in the segment's text (base 0), as the AST builder computes with them; the
  // segment is put in its place at the end.
  const parsed = new ParsedSegment(segment.text, diagnostics, keepTokens ? lexed.tokens : undefined);
  const segmentLines = new LineIndex(segment.text, parsed);
  parsed.lines = segmentLines;

  for (const error of lexed.errors) {
    const found = segment.text.substr(error.offset, error.length);
    diagnostics.push({
      code: 'syntax-unknown-character',
      severity: 'error',
      message: `unexpected character${found.length > 1 ? 's' : ''} '${found.length > 20 ? found.slice(0, 20) + '…' : found}'`,
      range: segmentLines.range(error.offset, error.offset + error.length),
    });
  }

  const builder = new AstBuilder(segmentLines);
  let items: A.TopItem[] = [];
  setMessageText(segment.text);
  const parser = trialParser();
  // Chevrotain signals every recognition error with an exception, and recovery recurses: with a
  // high Error.stackTraceLimit (mocha sets Infinity, so may a host) each exception would capture
  // the whole deep stack, making a segment with n errors cost n². The parser needs no stacks.
  try {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let drafts;
    try {
      drafts = parser.parseDrafts(lexed.tokens);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    for (const error of parser.errors) diagnostics.push(syntaxDiagnostic(error, segmentLines, segment.text.length));
    items = builder.topItems(drafts);
    diagnostics.push(...builder.diagnostics);
  } catch (error) {
    // Chevrotain recovers from errors by recursion; a pathological segment could exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.push({
      code: 'syntax-error',
      severity: 'error',
      message: 'this part of the file has too many errors to read; fix the first one and the rest will follow',
      range: segmentLines.range(0, Math.min(segment.text.length, segment.text.indexOf('\n') >>> 0)),
    });
  }

  parsed.comments = (lexed.groups.comments ?? []).map((t) => ({
    text: t.image,
    range: segmentLines.range(t.startOffset, t.startOffset + t.image.length),
  }));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  parsed.items = items;
  parsed.start = segment.start;
  parsed.line = segment.line;
  return parsed;
}

/** A SegmentParse whose tokens are lexed again on first use unless kept (a class: an object literal with a getter is slow to make). */
class ParsedSegment implements SegmentParse {
  start = 0;
  line = 0;
  items: A.TopItem[] = [];
  comments: A.Comment[] = [];
  lines!: LineIndex;
  #tokens: IToken[] | undefined;
  constructor(
    readonly text: string,
    public diagnostics: Diagnostic[],
    tokens: IToken[] | undefined,
  ) {
    this.#tokens = tokens;
  }
  get relativeTokens(): IToken[] {
    return (this.#tokens ??= lexer.tokenize(this.text).tokens);
  }
}

/** A segment's token at its place in the document (the lexer's fields only: offsets, no lines). */
function absoluteToken(token: IToken, segment: SegmentParse): IToken {
  return { image: token.image, startOffset: token.startOffset + segment.start, tokenTypeIdx: token.tokenTypeIdx, tokenType: token.tokenType } as IToken;
}

function syntaxDiagnostic(error: IRecognitionException, lines: LineIndex, textLength: number): Diagnostic {
  const token = error.token;
  // At the end of the segment (or on a token inserted by recovery) point at the previous real token's end.
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  let start: number;
  let end: number;
  if (token && Number.isFinite(token.startOffset) && token.tokenType.name !== 'EOF') {
    start = token.startOffset;
    end = token.startOffset + Math.max(token.image.length, 1);
    if (token.tokenType.name === 'Newline') end = start;
  } else if (previous && Number.isFinite(previous.startOffset)) {
    start = end = previous.startOffset + previous.image.length;
  } else {
    start = end = textLength;
  }
  return { code: 'syntax-error', severity: 'error', message: error.message, range: lines.range(start, end) };
}
