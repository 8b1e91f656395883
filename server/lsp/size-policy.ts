/**
 * The editor's document-size policy (docs/editor.md, "Large documents"). A real protocol is tens of
 * kilobytes (the largest of the 210 real records imports to under 100 KB); beyond LARGE_DOCUMENT_CHARS
 * the server gives reduced service instead of making the editor wait: the document is parsed (in
 * parts, yielding between them: parse-in-parts.ts), syntax errors, outline, folding, hover,
 * go to definition and completion work, and one `document-too-large` diagnostic says what is off —
 * the rule checks, semantic tokens, inlay hints, code lenses, the Trial view and export (the CLI
 * `trial check` / `trial export` do everything at any size).
 *
 * Measured on the project's loaded 2-core machine: parsing costs about 0.45 s per MB and the checks
 * about as much again (1 MB: 2.5 s all told, 20 MB: 17.8 s); at the limit a whole analysis is about
 * a second, the longest the server then stays busy at once.
 */
import type { Diagnostic as CoreDiagnostic } from '../../grammar/diagnostic';
import type { ParseResult } from '../../grammar/parse';

/** 2,000,000 UTF-16 code units (about 2 MB of ASCII text): twenty times the largest real protocol. */
export const LARGE_DOCUMENT_CHARS = 2_000_000;

export function isLargeDocument(text: { length: number }): boolean {
  return text.length > LARGE_DOCUMENT_CHARS;
}

/** The one diagnostic of a large document: on its first line, saying what is off and how to get it. */
export function sizeDiagnostic(parsed: ParseResult, text: string): CoreDiagnostic {
  const newline = text.search(/[\r\n]/);
  const mb = (text.length / 1_000_000).toFixed(1);
  return {
    code: 'document-too-large',
    severity: 'information',
    message: `This document is ${mb} million characters, over the editor's limit of ${LARGE_DOCUMENT_CHARS / 1_000_000} million: only syntax is checked here, and semantic highlighting, inlay hints, code lenses, the Trial view and export are off. Split the protocol, or run \`trial check\` / \`trial export\` on it.`,
    range: parsed.lines.range(0, newline < 0 ? text.length : newline),
  };
}
