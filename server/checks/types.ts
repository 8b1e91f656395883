/**
 * The shapes of the check engine: a rule is a small pure function of the semantic model that
 * reports diagnostics through `report`; a quick fix is a title and text edits.
 */
import type { Range } from '../../grammar/ast';
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

export interface Rule {
  /** Stable kebab-case code, documented in docs/diagnostics.md. */
  code: string;
  group: RuleGroup;
  defaultSeverity: Severity;
  doc: RuleDoc;
  /** True when the rule's diagnostics carry quick fixes. */
  fixable?: boolean;
  /** Pure function of the model. `enter(node)` names the node being checked (for internal errors). */
  check(model: TrialModel, report: Report, context: RuleContext): void;
}

export interface RuleContext {
  /** Call before checking a node, so a throw is reported on that node. */
  at(range: Range): void;
  lines: LineIndex;
  text: string;
}

export type SeverityLevel = Severity | 'off';

export interface CheckOptions {
  /** Rule groups on/off (`names` is always on). Missing groups are on. */
  rules?: Partial<Record<'units' | 'schedule' | 'registry', boolean>>;
  /** Code → severity override; `off` drops the diagnostic. */
  severity?: Record<string, SeverityLevel>;
  /** Extra rules (tests); run after the registered ones. */
  extraRules?: Rule[];
  /** Replace the registered rules (tests). */
  onlyRules?: Rule[];
}

export type { Diagnostic, Severity };
