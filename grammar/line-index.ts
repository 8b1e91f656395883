/**
 * Offset ↔ line/character conversion for one text, computed once per parse. Ranges in the AST
 * carry both, so consumers never rescan the text (a lesson from Langium's slow folding ranges).
 */
import type { Position, Range } from './ast';

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  /**
   * @param track when given, every Position this index creates is also pushed here, so that the
   *   owner can later move them all at once (parse.ts moves reused segments this way).
   */
  constructor(
    private readonly text: string,
    private readonly track?: Position[],
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
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
    const position = { line: low, character: clamped - this.starts[low], offset: clamped };
    this.track?.push(position);
    return position;
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
