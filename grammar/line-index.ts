/**
 * Offset ↔ line/character conversion for one text, computed once per parse. Ranges in the AST
 * carry both, so consumers never rescan the text (a lesson from Langium's slow folding ranges).
 */
import type { Position, Range } from './ast';

/** Where a part of a document starts (its first character's offset and line). */
export interface PositionBase {
  start: number;
  line: number;
}

/**
 * A position inside a part of a document (a segment), stored relative to the part's start: its
 * `line` and `offset` read the part's current place, so an edit above it moves every position of
 * the part by changing two numbers. Reads and writes like a plain Position (`toJSON` gives the
 * plain one); only `character` is an own property, so compare positions by their values (JSON),
 * not by `deepStrictEqual` on the objects.
 */
export class RelativePosition implements Position {
  readonly #base: PositionBase;
  #line: number;
  #offset: number;
  character: number;
  constructor(base: PositionBase, line: number, character: number, offset: number) {
    this.#base = base;
    this.#line = line;
    this.#offset = offset;
    this.character = character;
  }
  get line(): number {
    return this.#base.line + this.#line;
  }
  set line(value: number) {
    this.#line = value - this.#base.line;
  }
  get offset(): number {
    return this.#base.start + this.#offset;
  }
  set offset(value: number) {
    this.#offset = value - this.#base.start;
  }
  toJSON(): Position {
    return { line: this.line, character: this.character, offset: this.offset };
  }
}

export class LineIndex {
  /** Offset at which each line starts (relative to the part's start when the index has a base). */
  readonly starts: number[];

  /**
   * @param base when given, the text is a part of a document starting at `base` (a segment of
   *   parse.ts), and every Position this index creates is relative to it: moving the part is
   *   changing `base`, whatever number of positions it holds.
   */
  constructor(
    private readonly text: string,
    private readonly base?: PositionBase,
  ) {
    // CR, LF and CRLF each end a line, as in LSP and every editor (a CRLF is one break). Without
    // a CR (parse.ts turns lone CRs into LFs) the line feeds are found by indexOf, not char by char.
    if (text.indexOf('\r') === -1) {
      // Counted first and stored in a list of that size: a segment's index is kept with its parse,
      // and a list grown by pushes from one element holds room for 17 (most segments have a few lines).
      let count = 1;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
      const starts: number[] = new Array(count);
      starts[0] = 0;
      for (let i = text.indexOf('\n'), k = 1; i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
      this.starts = starts;
      return;
    }
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Length of the indexed text. */
  get textLength(): number {
    return this.text.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    if (this.base) return new RelativePosition(this.base, low, clamped - this.starts[low], clamped);
    return { line: low, character: clamped - this.starts[low], offset: clamped };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offsetAt(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    if (line < 0) return 0;
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), lineEnd);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}

/** One part of a document for `SegmentedLineIndex`: where it starts and its own line index. */
export interface IndexedPart {
  start: number;
  line: number;
  lines: LineIndex;
}

/**
 * The line index of a whole document made of parts that each have their own index (parse.ts's
 * segments): built in no time, as a keystroke must not rescan the document; a lookup finds the
 * part by binary search, then the line in it. The parts must be in order, cover the text without
 * gaps, and every part but the last end right after a line break (a segment does).
 */
export class SegmentedLineIndex extends LineIndex {
  constructor(
    private readonly parts: readonly IndexedPart[],
    private readonly length: number,
  ) {
    super('');
  }

  override get lineCount(): number {
    const last = this.parts[this.parts.length - 1];
    return last ? last.line + last.lines.lineCount : 1;
  }

  /** The last part starting at or before `offset` (by `key`). */
  private partAt(value: number, key: 'start' | 'line'): IndexedPart | undefined {
    const parts = this.parts;
    let low = 0;
    let high = parts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (parts[mid]![key] <= value) low = mid;
      else high = mid - 1;
    }
    return parts[low];
  }

  override position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const part = this.partAt(clamped, 'start');
    if (!part) return { line: 0, character: clamped, offset: clamped };
    const local = clamped - part.start;
    const starts = part.lines.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= local) low = mid;
      else high = mid - 1;
    }
    return { line: part.line + low, character: local - starts[low]!, offset: clamped };
  }

  override offsetAt(line: number, character: number): number {
    if (line >= this.lineCount) return this.length;
    if (line < 0) return 0;
    const part = this.partAt(line, 'line');
    if (!part) return Math.min(Math.max(0, character), this.length);
    const local = line - part.line;
    const starts = part.lines.starts;
    const lineEnd = part.start + (local + 1 < starts.length ? starts[local + 1]! : part.lines.textLength);
    return Math.min(part.start + starts[local]! + Math.max(0, character), lineEnd);
  }

  override lineStart(line: number): number {
    const clamped = Math.max(0, Math.min(line, this.lineCount - 1));
    const part = this.partAt(clamped, 'line');
    return part ? part.start + part.lines.starts[clamped - part.line]! : 0;
  }
}
