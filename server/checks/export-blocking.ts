/**
 * The codes whose errors stop `trial export` whatever hides them (issue 13, item 6): a
 * `// trial-ignore` comment, a severity override or a rule group switched off changes what the
 * editor shows, never what the registry accepts. They are the registry's required elements,
 * placeholders a writer has not answered yet, and what the record's schema (or the record
 * builder) refuses. Every other error stops the export only while it is shown (docs/export.md,
 * "Refusal").
 *
 * A diagnostic blocks only as an error: `registry-missing-element` reports the elements no source
 * makes required as warnings, and those never block.
 */
import type { Diagnostic } from '../../grammar/diagnostic';

export const EXPORT_BLOCKING_CODES: ReadonlyMap<string, string> = new Map([
  ['registry-missing-element', 'an element the registry requires is missing'],
  ['why-stopped-missing', 'the registry requires the reason a study stopped'],
  ['placeholder-value', 'a placeholder has not been answered'],
  ['word-unknown', 'a word names no registry value'],
  ['date-invalid', 'the schema refuses the date'],
  ['nct-id-format', 'the schema refuses the NCT number'],
  ['age-not-whole', 'the schema refuses the age'],
  ['enrollment-count', 'the schema refuses the enrollment'],
  ['registry-text-too-long', 'the registry refuses the text length'],
]);

/** The engine's error on a `trial-ignore` code that silenced an export blocker. */
export const IGNORE_BLOCKS_EXPORT = 'ignore-blocks-export';

export function blocksExport(d: Pick<Diagnostic, 'code' | 'severity'>): boolean {
  return d.severity === 'error' && EXPORT_BLOCKING_CODES.has(d.code);
}

/** Codes no setting switches off or re-levels (syntax codes are the parser's own). */
export function alwaysShown(code: string): boolean {
  return code.startsWith('syntax-') || code === IGNORE_BLOCKS_EXPORT;
}

/** What an `ignore-blocks-export` diagnostic carries: the diagnostics its comment silenced. */
export function silencedBlockers(d: Diagnostic): Diagnostic[] {
  const blocked = d.code === IGNORE_BLOCKS_EXPORT ? d.data?.blocked : undefined;
  return Array.isArray(blocked) ? (blocked as Diagnostic[]) : [];
}
