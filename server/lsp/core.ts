/**
 * The one place where the language server meets the core (grammar/, server/checks, server/export,
 * server/import, grammar/format). Every editor feature goes through these functions, so the server
 * stays a thin adapter and the CLI and the editor give the same answers.
 *
 * Pure adapters: no LSP types here.
 */
import type { Diagnostic as CoreDiagnostic } from '../../grammar/diagnostic';
import { formatText as coreFormat, type FormatResult } from '../../grammar/format';
import { parse, type ParseResult, type SourceText, type TextChange } from '../../grammar/parse';
import { textOf } from '../../grammar/text-source';
import { checkParsed, quickFixes as coreQuickFixes, RULES, syntaxDiagnostics, type CheckOptions } from '../checks';
import { buildModel, type TrialModel } from '../model';
import type { TrialSettings } from './protocol';
import { isLargeDocument, sizeDiagnostic } from './size-policy';

export type { CoreDiagnostic, FormatResult };
export { alwaysShown, blocksExport } from '../checks';

export interface CheckOutcome {
  parse: ParseResult;
  model: TrialModel;
  diagnostics: CoreDiagnostic[];
  /** Over the size limit: syntax only, and the features size-policy.ts lists are off. */
  reduced?: boolean;
}

/** A quick fix as the checks describe it: a title and text edits (core ranges or offsets). */
export interface CoreFix {
  title: string;
  edits: { range: CoreRangeLike; newText: string }[];
  isPreferred?: boolean;
}

export type CoreRangeLike =
  | { start: { line: number; character: number; offset?: number }; end: { line: number; character: number; offset?: number } }
  | { start: number; end: number };

export interface RuleInfo {
  code: string;
  group?: string;
  description?: string;
}

let logger: (message: string) => void = () => undefined;
export function setCoreLogger(f: (message: string) => void): void {
  logger = f;
}
function log(message: string): void {
  logger(message);
}

/** The options the checks take, from the editor settings. */
export function checkOptions(settings: TrialSettings): CheckOptions {
  return { rules: { ...settings.rules }, severity: { ...settings.severity } };
}

/**
 * Parse, model and check a text: `checkText` of server/checks, given the previous parse of the same
 * document so that a keystroke re-parses one segment and re-checks only the items it touched.
 * `previous` must not be used afterwards (its segments move); `change` says where the text differs
 * from it (grammar/text-change.ts). Never throws: when the checks throw, the syntax diagnostics stay
 * and a `check-internal-error` says the checks failed.
 */
export function analyzeText(text: SourceText, settings: TrialSettings, previous?: ParseResult, change?: TextChange): CheckOutcome {
  return analyzeParsed(parse(text, previous, change), text, settings);
}

/**
 * `analyzeText` after the parse. A document over the size limit (size-policy.ts) gets its syntax
 * diagnostics and `document-too-large`, not the rule checks.
 */
export function analyzeParsed(parsed: ParseResult, text: SourceText, settings: TrialSettings): CheckOutcome {
  const options = checkOptions(settings);
  if (isLargeDocument(text)) {
    const diagnostics = sortByPlace([sizeDiagnostic(parsed, textOf(text)), ...syntaxDiagnostics(parsed, options)]);
    return { parse: parsed, model: buildModel(parsed), diagnostics, reduced: true };
  }
  try {
    return checkParsed(parsed, text, options);
  } catch (e) {
    log(`the checks threw: ${(e as Error).stack ?? e}`);
    const internal: CoreDiagnostic = {
      code: 'check-internal-error',
      severity: 'warning',
      message: `The checks failed on this document (${(e as Error).message}); only syntax errors are shown.`,
      range: parsed.lines.range(0, 0),
    };
    return { parse: parsed, model: buildModel(parsed), diagnostics: sortByPlace([...syntaxDiagnostics(parsed, options), internal]) };
  }
}

function sortByPlace(list: CoreDiagnostic[]): CoreDiagnostic[] {
  return list.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Quick fixes the checks offer for one of their diagnostics. */
export function quickFixesFor(text: string, diagnostic: CoreDiagnostic): CoreFix[] {
  return coreQuickFixes(text, diagnostic);
}

/** The rules the checks know (code → group). */
export function rules(): RuleInfo[] {
  return RULES.map((r) => ({ code: r.code, group: r.group, description: r.description }));
}

export function formatText(text: string): FormatResult {
  return coreFormat(text);
}
