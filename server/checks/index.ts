/**
 * The checks: public API shared by the CLI, the language server and the tests.
 *
 *   checkText(text, options?, previous?) → { parse, model, diagnostics }  syntax + rule diagnostics, sorted;
 *                                  with `previous` (the last parse of the same document) only what
 *                                  the edit touched is parsed and checked again (see engine.ts)
 *   syntaxDiagnostics(parse, options?) → the parse's diagnostics under the severity settings
 *   checkModel(model, options?)    → Diagnostic[]                   rule diagnostics of a built model
 *   quickFixes(text, diagnostic)   → QuickFix[]                     text edits computed in the core
 *   RULES                          → every code with group, default severity, summary, fixable
 *   EXPORT_BLOCKING_CODES, blocksExport → the errors that stop the export whatever hides them
 *
 * Options have the shape of the editor settings (`TrialSettings` in server/lsp/protocol.ts):
 * `{ rules?: { units, schedule, registry }, severity?: Record<code, level | 'off'> }`.
 */
import type { Diagnostic, Severity } from '../../grammar/diagnostic';
import { parse, type ParseResult, type SourceText } from '../../grammar/parse';
import { buildModel, type TrialModel } from '../model';
import { ENGINE_CODES, runRules } from './engine';
import { ALL_RULES } from './rules';
import type { CheckOptions, QuickFix, Rule, TextEdit } from './types';

export type { CheckOptions, QuickFix, Rule, TextEdit } from './types';
export { ALL_RULES } from './rules';
export { alwaysShown, blocksExport, EXPORT_BLOCKING_CODES, IGNORE_BLOCKS_EXPORT, silencedBlockers } from './export-blocking';

export interface RuleInfo {
  code: string;
  group: Rule['group'] | 'engine';
  defaultSeverity: Severity;
  description: string;
  fixable: boolean;
}

export const RULES: readonly RuleInfo[] = [
  ...ALL_RULES.map((r) => ({ code: r.code, group: r.group, defaultSeverity: r.defaultSeverity, description: r.doc.summary, fixable: !!r.fixable })),
  ...ENGINE_CODES.map((e) => ({ code: e.code, group: e.group, defaultSeverity: e.defaultSeverity, description: e.doc.summary, fixable: 'fixable' in e && !!e.fixable })),
];

export interface CheckResult {
  parse: ParseResult;
  model: TrialModel;
  diagnostics: Diagnostic[];
}

function rulesFor(options: CheckOptions): readonly Rule[] {
  const base = options.onlyRules ?? ALL_RULES;
  return options.extraRules ? [...base, ...options.extraRules] : base;
}

export function checkModel(model: TrialModel, options: CheckOptions = {}, text?: string): Diagnostic[] {
  return runRules(model, rulesFor(options), options, text ?? reconstruct(model));
}

/**
 * Parse, model and check a text. Pass `previous`, the parse of the same document's previous
 * version, and the parse re-uses its unchanged segments (grammar/parse.ts) while the per-item
 * rules re-use their diagnostics on the unchanged items (item-cache.ts): the result is the same
 * as without it, only faster. `previous` is spent afterwards (its segments move to the new parse).
 */
export function checkText(text: string, options: CheckOptions = {}, previous?: ParseResult): CheckResult {
  return checkParsed(parse(text, previous), text, options);
}

/** The rule and syntax diagnostics of a parsed text (what checkText does after parsing). */
export function checkParsed(parsed: ParseResult, text: SourceText, options: CheckOptions = {}): CheckResult {
  const model = buildModel(parsed);
  const ruleDiagnostics = runRules(model, rulesFor(options), options, text);
  const diagnostics = [...syntaxDiagnostics(parsed, options), ...ruleDiagnostics].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { parse: parsed, model, diagnostics };
}

/** Syntax diagnostics under the severity settings (`off` drops one; a level replaces its severity). */
export function syntaxDiagnostics(parsed: ParseResult, options: CheckOptions = {}): Diagnostic[] {
  const syntax: Diagnostic[] = [];
  for (const d of parsed.diagnostics) {
    const override = options.severity?.[d.code];
    if (override === 'off') continue;
    syntax.push(override ? { ...d, severity: override } : d);
  }
  return syntax;
}

/** Quick fixes for a diagnostic the checks reported on `text` (the fixes travel in `data.fixes`). */
export function quickFixes(text: string, diagnostic: Diagnostic): QuickFix[] {
  const fixes = diagnostic.data?.fixes;
  if (!Array.isArray(fixes)) return [];
  return (fixes as QuickFix[]).filter((f) => f && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every((e) => inText(text, e)));
}

function inText(text: string, e: TextEdit): boolean {
  return e.range.start.offset >= 0 && e.range.end.offset <= text.length && e.range.start.offset <= e.range.end.offset;
}

/** Apply quick-fix edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

/** The text of a model when only the model is at hand (ranges cover the whole document). */
function reconstruct(model: TrialModel): string {
  // The model does not keep the text; rules only need it for quick-fix indentation. Rebuild the
  // line structure from the tokens so offsets stay valid.
  const length = model.document.range.end.offset;
  const chars = new Array<string>(length).fill(' ');
  for (const t of model.parse.tokens) for (let i = 0; i < t.image.length; i++) chars[t.startOffset + i] = t.image[i]!;
  for (const c of model.parse.comments) for (let i = 0; i < c.text.length; i++) chars[c.range.start.offset + i] = c.text[i]!;
  return chars.join('');
}
