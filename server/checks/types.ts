/**
 * The shapes of the check engine: a rule is a small pure function of the semantic model that
 * reports diagnostics through `report`; a quick fix is a title and text edits.
 */
import type { Range, TopItem } from '../../grammar/ast';
import type { Diagnostic, Severity } from '../../grammar/diagnostic';
import type { LineIndex } from '../../grammar/line-index';
import type { TrialModel } from '../model';

export type RuleGroup = 'units' | 'schedule' | 'registry' | 'names';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface Report {
  /**
   * Report a finding at `range` (the offending token). `data` carries what a quick fix needs; put
   * ready-made fixes in `data.fixes` (QuickFix[]) and the engine's `quickFixes` returns them.
   */
  (range: Range, message: string, data?: Record<string, unknown>, severity?: Severity): void;
}

export interface RuleDoc {
  /** One line: what the rule finds. */
  summary: string;
}

interface RuleBase {
  /** Stable kebab-case code, documented in docs/diagnostics.md. */
  code: string;
  group: RuleGroup;
  defaultSeverity: Severity;
  doc: RuleDoc;
  /** True when the rule's diagnostics carry quick fixes. */
  fixable?: boolean;
}

/**
 * A rule that looks at the whole document at once (duplicates, required elements, cross-links …).
 * Runs on every check, so it must stay cheap: linear in the document, no allocation per node it
 * does not report on.
 */
export interface DocumentRule extends RuleBase {
  scope?: 'document';
  /** Pure function of the model. `context.at(range)` names the node being checked (for internal errors). */
  check(model: TrialModel, report: Report, context: RuleContext): void;
  /**
   * The item kinds whose content the rule reads (besides the model's names and today's date).
   * When given, the rule's findings are reused while an edit replaces only items of other kinds
   * (document-cache.ts). Leave it out when unsure: the rule then runs on every check.
   */
  reads?: readonly ItemKind[];
  /**
   * With `reads`: true when the edit that derived `model` from the previous one (model.ts
   * `modelEditOf`), though it replaced items of kinds the rule reads, changed none of its findings
   * (e.g. the replaced arms had none and have none): the previous findings are then reused too.
   */
  unchangedBy?(model: TrialModel): boolean;
  /** True when messages name lines (`… on line 12`): findings are not reused once lines move. */
  namesLines?: boolean;
}

/** The top-level items a per-item rule can ask for. */
export type ItemKind = TopItem['kind'];
export type ItemOf<K extends ItemKind> = Extract<TopItem, { kind: K }>;

/**
 * A rule that looks at one top-level item at a time (the model's items: the first `trial`,
 * `design` … block, the first declaration of each name, every outcome, site and reference). The
 * engine caches its diagnostics per item object — parse.ts keeps the objects of unchanged
 * segments — and re-checks an item only when the item, one of its `deps`, or the rule's `facts`
 * changed. So `checkItem` must read nothing of the document but:
 * - the item itself;
 * - what `facts(model)` returns (document-wide values: the study duration, the status …);
 * - what `deps(item, model)` returns (other items it reads: the measures its thresholds name, the
 *   interventions an arm receives …).
 * Both lists are compared element by element with `===` against the previous check's. Positions
 * a rule reports (ranges, quick-fix edits in `data`) must lie inside the item or inside one of
 * the top-level items of `deps`; messages must not mention lines or offsets (they would go stale
 * when the item moves), unless the rule says `namesLines`.
 */
export interface ItemRule<K extends ItemKind = ItemKind> extends RuleBase {
  scope: 'item';
  kinds: readonly K[];
  facts?(model: TrialModel): readonly unknown[];
  deps?(item: ItemOf<K>, model: TrialModel): readonly unknown[];
  checkItem(item: ItemOf<K>, model: TrialModel, report: Report, context: RuleContext): void;
  /**
   * True when messages name lines of the item (`repeats the criterion on line 12`): a cached
   * diagnostic is then checked again when its item moves to other lines.
   */
  namesLines?: boolean;
}

export type Rule = DocumentRule | ItemRule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declare a per-item rule (keeps the item type of `kinds` in `checkItem` and `deps`). */
export function itemRule<K extends ItemKind>(rule: Omit<ItemRule<K>, 'scope'>): ItemRule<K> {
  return { scope: 'item', ...rule };
}

export function isItemRule(rule: Rule): rule is ItemRule<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return rule.scope === 'item';
}

/**
 * What the fixes read of the document: parts of it. The editor's document is kept in pieces
 * (RuleContext `source`), and a fix computed on a keystroke reads the lines it edits, not a copy
 * of the whole text.
 */
export type TextReader = Pick<string, 'slice' | 'length'>;

export interface RuleContext {
  /** Call before checking a node, so a throw is reported on that node. */
  at(range: Range): void;
  lines: LineIndex;
  /** The whole text (made on first use when the document is kept in pieces: prefer `source` for parts). */
  text: string;
  /** The text to read in parts (`slice`, `length`): on the editor's path, without making the whole text. */
  source: TextReader;
  /** Today's date `yyyy-mm-dd` (UTC), for rules about dates already reached; `CheckOptions.today` in tests. */
  today: string;
}

export type SeverityLevel = Severity | 'off';

export interface CheckOptions {
  /** Rule groups on/off (`names` is always on). Missing groups are on. */
  rules?: Partial<Record<'units' | 'schedule' | 'registry', boolean>>;
  /** Code → severity override; `off` drops the diagnostic. */
  severity?: Record<string, SeverityLevel>;
  /** Extra rules (tests); run after the registered ones. */
  extraRules?: Rule[];
  /** Today's date `yyyy-mm-dd`, for the date-vs-status rules; defaults to the current UTC date (tests inject one). */
  today?: string;
  /** Replace the registered rules (tests). */
  onlyRules?: Rule[];
}

export type { Diagnostic, Severity };
