/**
 * Eligibility criteria → the registry's customary free-text layout:
 *
 *   Inclusion Criteria:
 *
 *   * idiopathic MN with or without diagnostic biopsy
 *   * Proteinuria ≥ 4 g/24 h using the average from …
 *
 *   Exclusion Criteria:
 *
 *   * pregnancy or breast feeding
 *
 * A free-text criterion is written as is (continuation lines of a multi-line text stay as they
 * are, so nested lists survive). A structured one reads: measure label, comparator (≥ ≤ > < =),
 * value and unit as clinicians write them (`g/24 h`, `mL/min/1.73 m²`, `1 month`), then the note;
 * a range reads `HbA1c 7.0–10.5%`.
 * A section with no criteria is left out. Pure core.
 */
import type * as A from '../../grammar/ast';
import { formatNumber, formatQuantity, writtenNumber } from '../units';
import type { MeasureLabels } from './render-dosing';
import { criterionWordingAgrees } from '../import/extract/agree';

export const INCLUSION_HEADER = 'Inclusion Criteria:';
export const EXCLUSION_HEADER = 'Exclusion Criteria:';

const COMPARATOR_SYMBOLS: Readonly<Record<A.Comparator, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };

function labelOf(measures: MeasureLabels | undefined, id: string): string {
  const label = measures instanceof Map ? measures.get(id) : (measures as Record<string, string> | undefined)?.[id];
  return label ?? id.replace(/_/g, ' ');
}

/** One criterion as a line of text (without the list marker). */
export function renderCriterion(c: A.CriterionStmt, measures?: MeasureLabels): string {
  if (c.text !== undefined && c.measure === undefined) return c.text.value;
  // The criterion's own sentence, while it still says this criterion (docs/export.md, kept wordings).
  if (c.wording && c.measure) {
    const label = measures instanceof Map ? measures.get(c.measure.value) : (measures as Record<string, string> | undefined)?.[c.measure.value];
    if (criterionWordingAgrees(c, label)) return c.wording.value;
  }
  const parts: string[] = [];
  if (c.measure) parts.push(labelOf(measures, c.measure.value));
  if (c.comparator) parts.push(COMPARATOR_SYMBOLS[c.comparator.value]);
  if (c.threshold) parts.push(`${c.low ? `${writtenNumber(c.low)}–` : ''}${formatQuantity(c.threshold.value, c.threshold.unit.value)}`);
  if (c.limit) parts.push(`${formatNumber(c.limit.multiple.value)} × ${c.limit.of.value}`);
  if (c.note) parts.push(c.note.value);
  if (c.text) parts.push(c.text.value);
  return parts.join(' ');
}

/** The whole `eligibilityCriteria` text, or undefined when there are no criteria. */
export function renderEligibilityCriteria(criteria: A.CriterionStmt[], measures?: MeasureLabels): string | undefined {
  const include = criteria.filter((c) => c.polarity.value === 'include').map((c) => renderCriterion(c, measures));
  const exclude = criteria.filter((c) => c.polarity.value === 'exclude').map((c) => renderCriterion(c, measures));
  return renderCriteriaLists(include, exclude);
}

/** Layout of two lists of criterion texts (shared with the importer's round-trip test). */
export function renderCriteriaLists(include: string[], exclude: string[]): string | undefined {
  const sections: string[] = [];
  if (include.length > 0) sections.push(`${INCLUSION_HEADER}\n\n${include.map((t) => `* ${t}`).join('\n')}`);
  if (exclude.length > 0) sections.push(`${EXCLUSION_HEADER}\n\n${exclude.map((t) => `* ${t}`).join('\n')}`);
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
