/** Where a view element comes from: a zero-based line and character (LSP style), so a click can move the cursor there. */
import type * as A from '../../grammar/ast';

export interface SourceRef {
  line: number;
  character: number;
}

export function sourceOf(range: A.Range | undefined): SourceRef {
  return range ? { line: range.start.line, character: range.start.character } : { line: 0, character: 0 };
}
