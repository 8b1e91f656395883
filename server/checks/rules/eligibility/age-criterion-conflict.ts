/**
 * An inclusion criterion that states an age ("Aged 18 to 75 years", "65 years or older") other than
 * the protocol's `age` limits, which are what the registry records as the eligible ages
 * (registry-format.md §2 eligibilityModule; QC: "Information here appears inconsistent with
 * information in other parts of the record", §7a). Only ages in years written with the word "age"
 * or "years" next to the numbers are read; a difference of a year or less (`< 18 years` is a maximum of 17 years)
 * is not reported. A population's criterion (`population "…" { … }`) may be narrower than the limits;
 * only an age outside them is reported.
 */
import type * as A from '../../../../grammar/ast';
import { criteriaGroupsOf, criteriaOf, statementsOf } from '../../../model';
import { quantityDays } from '../../facts';
import { itemRule } from '../../types';

const Y = '(?:years?|yrs?)(?:\\s+(?:of\\s+age|old))?';
const RANGE = new RegExp(`\\b(?:aged?|ages)\\s*(?:of\\s*|between\\s*|from\\s*)?(\\d{1,3})\\s*(?:-|–|to|and)\\s*(\\d{1,3})\\s*${Y}`, 'i');
const MIN_A = new RegExp(`\\b(?:aged?|ages)\\s*(?:≥|>=|>|of\\s+at\\s+least|at\\s+least|over|older\\s+than|above|greater\\s+than)\\s*(\\d{1,3})\\s*(?:${Y})?`, 'i');
const MIN_B = new RegExp(`\\b(\\d{1,3})\\s*${Y}\\s*(?:or|and)\\s*(?:older|over|above)\\b`, 'i');
const MAX_A = new RegExp(`\\b(?:aged?|ages)\\s*(?:≤|<=|<|under|below|younger\\s+than|up\\s+to|less\\s+than)\\s*(\\d{1,3})\\s*(?:${Y})?`, 'i');

const ABOUT_AGE = /^\s*(?:[(]?[a-z0-9ivx]{1,3}[).]\s*)?(?:(?:male|female|men|women|patients?|subjects?|participants?|adults?|children|volunteers?)(?:\s+(?:and|or)\s+(?:male|female|men|women))?\s+)?(?:must\s+be\s+|who\s+are\s+)?(?:aged?|ages)\b/i;
const AGE_WORD = /\b(?:aged?|ages)\b/gi;

interface Stated {
  min?: number;
  max?: number;
}

export function agesInText(text: string): Stated | undefined {
  const r = RANGE.exec(text);
  if (r) return { min: Number(r[1]), max: Number(r[2]) };
  const out: Stated = {};
  const a = MIN_A.exec(text) ?? MIN_B.exec(text);
  if (a) out.min = Number(a[1]);
  const b = MAX_A.exec(text);
  if (b) out.max = Number(b[1]);
  return out.min !== undefined || out.max !== undefined ? out : undefined;
}

const years = (q: A.Quantity | undefined): number | undefined => {
  const d = quantityDays(q);
  return d === undefined ? undefined : d / 365.25;
};

export const ageCriterionConflict = itemRule({
  code: 'age-criterion-conflict',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: "An inclusion criterion states an age that differs from the protocol's age limits." },
  kinds: ['EligibilityBlock'],
  checkItem(block, _model, report, ctx) {
    const age = statementsOf(block, 'Age')[0];
    if (!age) return;
    const min = years(age.min);
    const max = years(age.max);
    // Criteria joined by an "OR" line are alternatives, not all required: an age among them is not the limit.
    if (criteriaOf(block).some((c) => c.text && /^\s*(or|and\s*\/\s*or)\s*$/i.test(c.text.value))) return;
    for (const { population, criteria } of criteriaGroupsOf(block)) for (const c of criteria) {
      if (c.polarity.value !== 'include' || !c.text) continue;
      ctx.at(c.text.range);
      // Only a criterion about age itself ("Aged 18 to 75 years", "Age ≥ 60 years"): an age inside
      // another criterion is a condition on it ("ECOG 0-1 (age ≥ 16 years)"), not the age limit.
      if (!ABOUT_AGE.test(c.text.value) || (c.text.value.match(AGE_WORD) ?? []).length > 1) continue;
      const stated = agesInText(c.text.value);
      if (!stated) continue;
      const problems: string[] = [];
      // A population may rightly be narrower than the study's limits ("Children 6–17", "Adults 18–65"):
      // only an age outside them conflicts.
      if (population) {
        if (stated.min !== undefined && min !== undefined && stated.min < min - 1) problems.push(`a minimum age of ${stated.min} years, below the age limits' ${age.min!.value.value} ${age.min!.unit.value}`);
        if (stated.max !== undefined && max !== undefined && stated.max > max + 1) problems.push(`a maximum age of ${stated.max} years, above the age limits' ${age.max!.value.value} ${age.max!.unit.value}`);
      } else if (stated.min !== undefined && (min === undefined ? stated.min > 0 : Math.abs(stated.min - min) > 1)) {
        problems.push(`a minimum age of ${stated.min} years, but the age limits say ${min === undefined ? 'no minimum' : `${age.min!.value.value} ${age.min!.unit.value}`}`);
      }
      if (!population && stated.max !== undefined && (max === undefined || Math.abs(stated.max - max) > 1)) {
        problems.push(`a maximum age of ${stated.max} years, but the age limits say ${max === undefined ? 'no maximum' : `${age.max!.value.value} ${age.max!.unit.value}`}`);
      }
      if (problems.length === 0) continue;
      report(c.text.range, `this criterion states ${problems.join(', and ')}: the registry records the \`age\` statement, so make them agree`, { stated });
    }
  },
});
