/**
 * The check engine: runs the registered rules over one semantic model, isolates a rule that
 * throws (one `internal-error` diagnostic on the node it was checking), applies `trial-ignore`
 * comments, rule-group switches and severity overrides, and sorts the result.
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic, Severity } from '../../grammar/diagnostic';
import type { LineIndex } from '../../grammar/line-index';
import { textOf, type SourceText } from '../../grammar/text-source';
import type { TrialModel } from '../model';
import { applySuppressions, findSuppressions } from './suppression';
import { isItemRule, type CheckOptions, type Rule, type RuleContext } from './types';
import { reusable, store } from './document-cache';
import { prepare, runItemRules, type RunningRule } from './item-cache';
import { closest, deleteLines, replaceFix } from './util';
import { alwaysShown, blocksExport, EXPORT_BLOCKING_CODES, IGNORE_BLOCKS_EXPORT } from './export-blocking';

/** Codes the engine itself emits (documented like the rules' codes). */
export const ENGINE_CODES = [
  {
    code: 'internal-error',
    group: 'engine',
    defaultSeverity: 'error' as Severity,
    doc: { summary: 'A check failed on this part of the document; the other checks still ran.' },
  },
  {
    code: 'ignore-unknown-code',
    group: 'engine',
    defaultSeverity: 'warning' as Severity,
    doc: { summary: 'A `// trial-ignore` comment names a code that no check has.' },
    fixable: true,
  },
  {
    code: IGNORE_BLOCKS_EXPORT,
    group: 'engine',
    defaultSeverity: 'error' as Severity,
    doc: { summary: 'A `// trial-ignore` code silences a diagnostic that still stops the export (a required element, a placeholder, what the schema refuses).' },
    fixable: true,
  },
  {
    code: 'ignore-unused',
    group: 'engine',
    defaultSeverity: 'hint' as Severity,
    doc: { summary: 'A `// trial-ignore` code silences nothing on the next statement.' },
    fixable: true,
  },
  {
    // Emitted by the language server, not the engine (server/lsp/size-policy.ts); listed here so it is documented and known to `trial-ignore`.
    code: 'document-too-large',
    group: 'engine',
    defaultSeverity: 'information' as Severity,
    doc: { summary: 'The document is over the editor\'s size limit: only syntax is checked in the editor.' },
  },
  {
    // Emitted by the language server when the check engine as a whole throws (server/lsp/core.ts); listed so it is documented.
    code: 'check-internal-error',
    group: 'engine',
    defaultSeverity: 'warning' as Severity,
    doc: { summary: 'The checks failed on this document; only syntax errors are shown.' },
  },
] as const;

export function ruleEnabled(rule: Pick<Rule, 'code' | 'group'>, options: CheckOptions): boolean {
  if (rule.group !== 'names' && options.rules && options.rules[rule.group as 'units'] === false) return false;
  return options.severity?.[rule.code] !== 'off';
}

/** Today's UTC date `yyyy-mm-dd`, formatted again only when the day changes (not at every check). */
let dayStart = NaN;
let dayText = '';
function utcToday(): string {
  const now = Date.now();
  if (!(now >= dayStart && now < dayStart + 86_400_000)) {
    dayStart = now - (now % 86_400_000);
    dayText = new Date(now).toISOString().slice(0, 10);
  }
  return dayText;
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * `source` may be the editor's document in pieces (grammar/text-source.ts): the whole text is made
 * only when a rule or a fix reads it (most keystrokes re-check an item that needs none of it).
 */
export function runRules(model: TrialModel, rules: readonly Rule[], options: CheckOptions, source: SourceText): Diagnostic[] {
  let whole: string | undefined;
  const wholeText = (): string => (whole ??= textOf(source));
  const found: Diagnostic[] = [];
  const itemRules: RunningRule[] = [];
  const today = options.today ?? utcToday();

  // One context for every rule of the run (not one per rule per keystroke): each rule starts at the
  // document's first item, and every item check starts with `at` (item-cache.ts).
  let current: A.Range | undefined;
  const context: RuleContext = {
    at: (range) => {
      current = range;
    },
    // The line index is built on first use: most checks never need it.
    get lines() {
      return model.parse.lines;
    },
    get text() {
      return wholeText();
    },
    source,
    today,
  };
  for (const rule of rules) {
    if (!ruleEnabled(rule, options)) continue;
    current = model.document.items[0]?.range;
    const internalError = (e: unknown): void => {
      const reason = e instanceof Error ? e.message : String(e);
      found.push({
        code: 'internal-error',
        severity: 'error',
        message: `the check '${rule.code}' failed here (${reason}); the other checks still ran. Please report this.`,
        range: current ?? model.parse.lines.range(0, 0),
        data: { rule: rule.code, reason },
      });
    };
    if (isItemRule(rule)) {
      itemRules.push(prepare(rule, model, context, internalError));
      continue;
    }
    const kept = reusable(rule, model, today);
    if (kept) {
      for (const d of kept) found.push(d);
      continue;
    }
    const reported: Diagnostic[] = [];
    try {
      rule.check(
        model,
        (range, message, data, severity) => {
          reported.push({ code: rule.code, severity: severity ?? rule.defaultSeverity, message, range, ...(data ? { data } : {}) });
        },
        context,
      );
    } catch (e) {
      for (const d of reported) found.push(d);
      internalError(e);
      continue;
    }
    for (const d of store(rule, model, reported, today)) found.push(d);
  }

  // Per-item rules, all together: one pass over the items (item-cache.ts).
  runItemRules(itemRules, model, found);

  // trial-ignore comments.
  const suppressions = findSuppressions(model.parse, source);
  if (suppressions.length === 0) return finish(found, options);
  const known = new Set(rules.map((r) => r.code));
  // The codes of the rules that ran (only needed here: most documents have no trial-ignore comment).
  const ran = new Set<string>();
  for (const rule of rules) if (ruleEnabled(rule, options)) ran.add(rule.code);
  const { kept, used } = applySuppressions(found, suppressions);
  const knownList = [...known];
  for (const s of suppressions) {
    if (s.codes.length === 0) {
      kept.push({ code: 'ignore-unknown-code', severity: 'warning', message: '`trial-ignore` needs the code(s) to silence, e.g. `// trial-ignore unit-unknown`', range: s.comment, data: { code: '' } });
    }
    for (const c of s.codes) {
      if (!known.has(c.value)) {
        const suggestion = closest(c.value, knownList, 0.4);
        kept.push({
          code: 'ignore-unknown-code',
          severity: 'warning',
          message: `'${c.value}' is not a diagnostic code, so this comment silences nothing${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
          range: c.range,
          data: { code: c.value, ...(suggestion ? { fixes: [replaceFix(`Change to '${suggestion}'`, c.range, suggestion)] } : {}) },
        });
      } else if (!used.has(c) && ran.has(c.value)) {
        kept.push({
          code: 'ignore-unused',
          severity: 'hint',
          message: `nothing on the next statement is reported as '${c.value}', so this code silences nothing`,
          range: c.range,
          data: { code: c.value, fixes: [removeFix(s, c)] },
        });
      } else {
        const blockers = (used.get(c) ?? []).filter(blocksExport);
        if (blockers.length > 0) kept.push(ignoreBlocksExport(c, blockers, removeFix(s, c)));
      }
    }
  }

  return finish(kept, options);

  function removeFix(s: (typeof suppressions)[number], c: A.Located<string>) {
    const text = wholeText();
    return s.codes.length === 1
      ? { title: 'Remove this trial-ignore comment', edits: [deleteLines(text, model.parse.lines, s.comment)], isPreferred: true }
      : { title: `Remove '${c.value}'`, edits: [removeWord(model.parse.lines, text, c.range)], isPreferred: true };
  }
}

/**
 * A `trial-ignore` code that silenced export blockers: the squiggles go, the refusal stays, so the
 * check says so at the comment (and `trial check` and `trial export` keep agreeing). The silenced
 * diagnostics travel in `data.blocked` (without their fixes), for the export's message.
 */
function ignoreBlocksExport(c: A.Located<string>, blockers: Diagnostic[], fix: { title: string; edits: { range: A.Range; newText: string }[]; isPreferred: boolean }): Diagnostic {
  const blocked = blockers.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
  const where = blockers.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ');
  return {
    code: IGNORE_BLOCKS_EXPORT,
    severity: 'error',
    message: `'${c.value}' is silenced here, but the export still refuses the record (${EXPORT_BLOCKING_CODES.get(c.value)}): ${where}`,
    range: c.range,
    data: { code: c.value, blocked, fixes: [fix] },
  };
}

/** Severity overrides, then sort. */
function finish(kept: Diagnostic[], options: CheckOptions): Diagnostic[] {
  const severity = options.severity;
  if (!severity) return kept.sort(compare);
  const result: Diagnostic[] = [];
  for (const d of kept) {
    const override = alwaysShown(d.code) ? undefined : severity[d.code];
    if (override === 'off') continue;
    result.push(override ? { ...d, severity: override } : d);
  }
  return result.sort(compare);
}

/** Remove one word of a list and the blank before it. */
function removeWord(lines: LineIndex, text: string, range: A.Range) {
  let start = range.start.offset;
  while (start > 0 && /[ \t,]/.test(text[start - 1]!)) start--;
  return { range: lines.range(start, range.end.offset), newText: '' };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(compare);
}
