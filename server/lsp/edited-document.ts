/**
 * An open document kept in pieces, so that an edit costs what it changes. The library's
 * TextDocument (vscode-languageserver-textdocument) keeps one string and an array of line offsets:
 * every change builds a new string, which the next read copies whole (V8 flattens it), and moves
 * every later line offset — a copy of the document per keystroke (≈ 0.1 ms and 230 KB at 5,000
 * lines, 0.5 ms and 940 KB at 20,000). Here the text is a list of chunks of whole lines (a few KB
 * each): an edit rebuilds the chunks it touches and copies the list (one pointer per chunk).
 *
 * Each version's text is a `ChunkedText` (grammar/text-source.ts `TextSource`) that never changes:
 * the analysis reads it in parts (the parse reads only the segments around the edit) and the whole
 * string is made only when something asks for it (`getText()`, once per version).
 *
 * Lines, offsets and positions are the library's to the letter: LF, CR and CRLF end a line, a
 * position past a line's end is clamped to it (before its line break), one inside a CRLF to before
 * it. Every chunk but the last ends with LF, so no CRLF is split between chunks and a chunk's lines
 * are the document's.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextSource } from '../../grammar/text-source';

/** Chunks are cut at a line end after this many characters (and a longer one is cut again). */
const CHUNK = 4096;

/** One version of the text: its chunks, where each starts (offset and line), and its length. */
export class ChunkedText implements TextSource {
  #whole: string | undefined;
  /** Per chunk, the offsets (in the chunk) of its lines after the first, made on first use. */
  readonly #lineStarts: (number[] | undefined)[];

  constructor(
    readonly chunks: readonly string[],
    /** Offset of each chunk's first character. */
    readonly starts: readonly number[],
    /** Line of each chunk's first character (each chunk starts a line). */
    readonly lines: readonly number[],
    readonly length: number,
    readonly lineCount: number,
    lineStarts: (number[] | undefined)[],
  ) {
    this.#lineStarts = lineStarts;
  }

  static of(text: string): ChunkedText {
    const chunks = cut(text);
    const starts: number[] = [];
    const lines: number[] = [];
    let offset = 0;
    let line = 0;
    for (const c of chunks) {
      starts.push(offset);
      lines.push(line);
      offset += c.length;
      line += breaks(c);
    }
    return new ChunkedText(chunks, starts, lines, offset, line + 1, new Array(chunks.length));
  }

  toString(): string {
    return (this.#whole ??= this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join(''));
  }

  slice(from: number, to: number): string {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    if (this.#whole !== undefined) return this.#whole.slice(from, to);
    if (from === to) return '';
    let i = this.chunkAt(from);
    const first = this.chunks[i]!;
    const start = this.starts[i]!;
    if (to <= start + first.length) return first.slice(from - start, to - start);
    let out = first.slice(from - start);
    for (i++; this.starts[i]! + this.chunks[i]!.length < to; i++) out += this.chunks[i]!;
    return out + this.chunks[i]!.slice(0, to - this.starts[i]!);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.chunkAt(offset);
    return this.chunks[i]!.charCodeAt(offset - this.starts[i]!);
  }

  /** The chunk holding `offset` (the last one for the text's end; the first of two a boundary lies between, when `left`). */
  chunkAt(offset: number, left = false): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const s = this.starts[mid]!;
      if (s < offset || (s === offset && !left)) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The chunk holding the start of `line` (0 ≤ line < lineCount). */
  private chunkOfLine(line: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid]! <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private localStarts(i: number): number[] {
    return (this.#lineStarts[i] ??= lineStartsOf(this.chunks[i]!));
  }

  /** Offset of the start of `line` (0 ≤ line < lineCount). */
  lineOffset(line: number): number {
    const i = this.chunkOfLine(line);
    const k = line - this.lines[i]!;
    return this.starts[i]! + (k === 0 ? 0 : this.localStarts(i)[k - 1]!);
  }

  /** Line and line start of `offset` (0 ≤ offset ≤ length). */
  lineOf(offset: number): { line: number; start: number } {
    // At a chunk boundary the offset starts the later chunk's first line.
    const i = this.chunkAt(offset);
    const local = offset - this.starts[i]!;
    const starts = this.localStarts(i);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! > local) high = mid;
      else low = mid + 1;
    }
    return { line: this.lines[i]! + low, start: this.starts[i]! + (low === 0 ? 0 : starts[low - 1]!) };
  }

  /** This text with [start, end) replaced by `text`: the chunks around it rebuilt, the others shared. */
  replaced(start: number, end: number, text: string): ChunkedText {
    if (this.length === 0) return ChunkedText.of(text);
    let i = this.chunkAt(start, true);
    let j = this.chunkAt(end, true);
    let middle = this.chunks[i]!.slice(0, start - this.starts[i]!) + text + this.chunks[j]!.slice(end - this.starts[j]!);
    // Every chunk but the last ends with LF; a short one is joined to the next.
    while (j + 1 < this.chunks.length && (middle.charCodeAt(middle.length - 1) !== 10 || middle.length < CHUNK / 8)) middle += this.chunks[++j]!;
    // An emptied chunk at the end joins the one before, which then ends the text.
    if (middle.length === 0 && j + 1 === this.chunks.length && i > 0) middle = this.chunks[--i]!;
    const pieces = cut(middle);
    const n = this.chunks.length - (j - i + 1) + pieces.length;
    const chunks = new Array<string>(n);
    const starts = new Array<number>(n);
    const lines = new Array<number>(n);
    const lineStarts = new Array<number[] | undefined>(n);
    for (let k = 0; k < i; k++) {
      chunks[k] = this.chunks[k]!;
      starts[k] = this.starts[k]!;
      lines[k] = this.lines[k]!;
      lineStarts[k] = this.#lineStarts[k];
    }
    let offset = this.starts[i]!;
    let line = this.lines[i]!;
    let k = i;
    for (const p of pieces) {
      chunks[k] = p;
      starts[k] = offset;
      lines[k] = line;
      offset += p.length;
      line += breaks(p);
      k++;
    }
    const delta = offset - (j + 1 < this.chunks.length ? this.starts[j + 1]! : this.length);
    const lineDelta = line - (j + 1 < this.chunks.length ? this.lines[j + 1]! : this.lineCount - 1);
    for (let m = j + 1; m < this.chunks.length; m++, k++) {
      chunks[k] = this.chunks[m]!;
      starts[k] = this.starts[m]! + delta;
      lines[k] = this.lines[m]! + lineDelta;
      lineStarts[k] = this.#lineStarts[m];
    }
    return new ChunkedText(chunks, starts, lines, this.length + delta, this.lineCount + lineDelta, lineStarts);
  }
}

/** A text cut into chunks of whole lines of about CHUNK characters (one chunk, maybe empty, for a short text). */
function cut(text: string): string[] {
  if (text.length <= 2 * CHUNK) return [text];
  const out: string[] = [];
  let at = 0;
  while (text.length - at > 2 * CHUNK) {
    const newline = text.indexOf('\n', at + CHUNK);
    if (newline === -1) break;
    out.push(text.slice(at, newline + 1));
    at = newline + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function isEol(c: number): boolean {
  return c === 13 || c === 10;
}

/** The offsets after each line break of a chunk (LF, CR, CRLF: as the library counts them). */
function lineStartsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isEol(c)) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    out.push(i + 1);
  }
  return out;
}

function breaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  // A CR not followed by LF ends a line too (rare: searched for only when there is a CR).
  if (text.indexOf('\r') !== -1) for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

export class EditedDocument implements TextDocument {
  #text: ChunkedText;
  #version: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.#version = version;
    this.#text = ChunkedText.of(content);
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    return this.#text.lineCount;
  }

  /** The current version's text, to read in parts (it stays as it is when the document changes). */
  get source(): ChunkedText {
    return this.#text;
  }

  getText(range?: Range): string {
    if (!range) return this.#text.toString();
    return this.#text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    const text = this.#text;
    if (position.line >= text.lineCount) return text.length;
    if (position.line < 0) return 0;
    const lineOffset = text.lineOffset(position.line);
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < text.lineCount ? text.lineOffset(position.line + 1) : text.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  positionAt(offset: number): Position {
    const text = this.#text;
    offset = Math.max(Math.min(offset, text.length), 0);
    const { line, start } = text.lineOf(offset);
    return { line, character: this.beforeEol(offset, start) - start };
  }

  getLineRange(line: number): Range {
    const text = this.#text;
    if (line >= text.lineCount) {
      const last = text.lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: text.length - text.lineOffset(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = text.lineOffset(line);
    const next = line + 1 < text.lineCount ? text.lineOffset(line + 1) : text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const text = this.#text;
    if (line >= text.lineCount || line < 0) return '';
    const start = text.lineOffset(line);
    const next = line + 1 < text.lineCount ? text.lineOffset(line + 1) : text.length;
    return text.slice(this.beforeEol(next, start), next);
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.#text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Apply change events (as TextDocument.update: each range in the text the ones before made). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const c of changes) {
      if ('range' in c && c.range) {
        const { start, end } = wellFormed(c.range);
        this.#text = this.#text.replaced(this.offsetAt(start), this.offsetAt(end), c.text);
      } else if ('text' in c) this.#text = ChunkedText.of(c.text);
      else throw new Error('Unknown change event received');
    }
    this.#version = version;
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
