/** Core ↔ LSP conversions: ranges, severities, diagnostics. */
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import type { LineIndex } from '../../grammar/line-index';
import { codeDocLink } from './code-docs';
import type { CoreDiagnostic, CoreRangeLike } from './core';
import { DIAGNOSTIC_SOURCE, type SeverityLevel } from './protocol';

export function toRange(r: A.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** A core range given as positions or as offsets, in LSP form. */
export function coreRangeToLsp(r: CoreRangeLike, lines: LineIndex): Range {
  if (typeof r.start === 'number' && typeof r.end === 'number') return toRange(lines.range(r.start, r.end));
  const p = r as { start: { line: number; character: number }; end: { line: number; character: number } };
  return { start: { line: p.start.line, character: p.start.character }, end: { line: p.end.line, character: p.end.character } };
}

const SEVERITY: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function toSeverity(level: string): DiagnosticSeverity {
  return SEVERITY[level] ?? 1;
}

/**
 * A core diagnostic as the editor shows it. `data` carries the code, the version it was computed
 * for and the core's payload, so a code action can give the diagnostic back to `quickFixes`
 * exactly as the checks produced it (the client round-trips `data` untouched): code actions trust
 * `data` (the server's own range and version), not the range a client echoes back, which some
 * clients convert to byte columns. `codeDescription` links the code to its documentation.
 */
export function toLspDiagnostic(d: CoreDiagnostic, severity: SeverityLevel | undefined, version: number): Diagnostic {
  const level = severity && severity !== 'off' ? severity : d.severity;
  const href = codeDocLink(d.code);
  return {
    range: toRange(d.range),
    severity: toSeverity(level),
    code: d.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    data: { code: d.code, version, core: d },
  };
}

/** Position helpers over LSP positions. */
export function contains(range: Range, pos: { line: number; character: number }): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }): boolean =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
