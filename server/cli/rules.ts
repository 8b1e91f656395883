/**
 * Rule metadata for SARIF (`tool.driver.rules`): summary, description and help per diagnostic code.
 * Codes the checks document come from their RULES table; syntax and export codes are described here.
 */
import type { Severity } from '../../grammar/diagnostic';
import { ALL_RULES, RULES } from '../checks';

export interface RuleInfo {
  summary: string;
  description: string;
  help: string;
  severity: Severity;
}

// No helpUri: the project has no published home yet, and a made-up link is worse than none. The help
// text names docs/diagnostics.md and the code's section there.
const LOCAL: Record<string, RuleInfo> = {
  'syntax-error': {
    summary: 'The line does not follow the language grammar.',
    description: 'A statement could not be read; the rest of the file is still checked.',
    help: 'Compare the line with docs/language.md; the message says what was expected where.',
    severity: 'error',
  },
  'syntax-unknown-character': {
    summary: 'A character the language does not use.',
    description: 'The lexer found a character that starts no token.',
    help: 'Remove the character, or put the text in quotes.',
    severity: 'error',
  },
  'syntax-unclosed-text': {
    summary: 'A quoted text has no closing quote on its line.',
    description: 'A one-line text must end on its line; use """ … """ for text over several lines.',
    help: 'Close the quote, or use triple quotes for a multi-line text.',
    severity: 'error',
  },
  'export-unknown-value': {
    summary: 'A word that names no registry value.',
    description: 'The exporter writes registry enumeration values only; this word maps to none.',
    help: 'Use one of the values listed in docs/language.md (the registry value in lower case, with spaces).',
    severity: 'error',
  },
  'export-age': {
    summary: 'An age the registry cannot take.',
    description: 'Registry ages are a whole number of years, months, weeks, days, hours or minutes.',
    help: 'Write the age as a whole number with a time unit, e.g. `age 18 years to 80 years`.',
    severity: 'error',
  },
};

type ChecksRule = { code: string; severity?: Severity; summary?: string; description?: string; help?: string; message?: string; title?: string };

/** The checks' RULES table (code, default severity, summary) with each rule's documentation. */
const checksRules = new Map<string, ChecksRule>(RULES.map((r) => {
  const doc = ALL_RULES.find((x) => x.code === r.code)?.doc as { summary?: string; details?: string; help?: string; fix?: string } | undefined;
  return [r.code, { code: r.code, severity: r.defaultSeverity, summary: r.description, description: doc?.details ?? r.description, help: doc?.help ?? doc?.fix ?? doc?.details ?? r.description }];
}));

export function ruleInfo(code: string): RuleInfo {
  const r = checksRules.get(code);
  if (r) {
    const summary = r.summary ?? r.title ?? r.description ?? code;
    return {
      summary,
      description: r.description ?? summary,
      help: `${r.help ?? r.description ?? summary} See docs/diagnostics.md#${code}.`,
      severity: r.severity ?? 'warning',
    };
  }
  const local = LOCAL[code];
  if (local) return local;
  return { summary: code, description: `Diagnostic ${code}.`, help: `See docs/diagnostics.md (${code}).`, severity: 'warning' };
}
