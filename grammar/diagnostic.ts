/**
 * The one diagnostic shape of the core. The grammar emits syntax diagnostics in it, the checks in
 * `server/` emit theirs in it, and the LSP adapter and the CLI only translate it. Ranges are the
 * AST's (zero-based lines and characters, as in LSP).
 */
import type { Range } from './ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Diagnostic {
  /** Stable code, documented in docs/diagnostics.md; the key for quick fixes and `trial-ignore`. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** What a quick fix needs (a replacement text, a missing element …); machine-only. */
  data?: Record<string, unknown>;
}
