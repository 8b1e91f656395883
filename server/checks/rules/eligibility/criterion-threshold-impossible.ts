/**
 * A threshold no measurement can have: a negative count, mass, volume, time or activity (a
 * concentration of a substance may be a difference, such as base excess, so it is not judged), and a
 * percentage outside 0–100 % unless the measure is a ratio to a reference ("% predicted", "% of
 * normal", a change). The dimension comes from UCUM (server/units). Such a criterion either admits
 * everyone or no one: the protocol contradicts itself or has a typo (a sign, a unit).
 */
import type * as A from '../../../../grammar/ast';
import { statementsOf } from '../../../model';
import { analyzeUnit } from '../../../units';
import { itemRule } from '../../types';

const NON_NEGATIVE = new Set(['mass', 'volume', 'count', 'time', 'catalytic', 'length', 'area', 'arbitrary', 'equivalents']);
const RELATIVE = /predicted|normal|change|increase|decrease|reduction|baseline|relative|reference|ULN|LLN|ratio|improvement/i;

export const criterionThresholdImpossible = itemRule({
  code: 'criterion-threshold-impossible',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A criterion threshold is impossible for its measure: a negative count, mass, volume or time, a percentage outside 0–100 %.' },
  kinds: ['EligibilityBlock'],
  deps: (block, model) => statementsOf(block, 'Criterion').map((c) => (c.measure ? model.measures.get(c.measure.value) : undefined)),
  checkItem(block, model, report, ctx) {
    for (const c of statementsOf(block, 'Criterion')) {
      if (!c.threshold || !c.comparator) continue;
      ctx.at(c.threshold.range);
      const d = analyzeUnit(c.threshold.unit.value).dimension;
      if (!d) continue;
      const v = c.threshold.value.value;
      const label = (c.measure ? model.measures.get(c.measure.value)?.label.value : undefined) ?? c.measure?.value ?? '';
      const shown = `${c.threshold.value.written ?? v} ${c.threshold.unit.value}`;
      const plainPercent = d.kind === 'fraction' && !d.perTime && !d.perVolume && !d.perOther && !d.perMass && /%/.test(c.threshold.unit.value);
      if (plainPercent) {
        if ((v < 0 || v > 100) && !RELATIVE.test(label) && !RELATIVE.test(c.note?.value ?? '')) {
          report(c.threshold.range, `${shown} is outside 0–100 %: a proportion of ${label || 'this measure'} cannot be ${v < 0 ? 'negative' : 'above 100 %'} (if it is a ratio to a reference, say so in the measure's label, e.g. "% of predicted")`, { value: v }, 'warning');
        }
        continue;
      }
      if (v < 0 && NON_NEGATIVE.has(d.kind) && !d.isConcentration && d.kind !== 'count') {
        report(c.threshold.range, `${shown}: a ${d.label} cannot be negative, so ${criterionMeaning(c)}`, { value: v });
      } else if (v < 0 && (d.isCountPerVolume || (d.isConcentration && d.kind === 'mass'))) {
        report(c.threshold.range, `${shown}: a ${d.label} cannot be negative, so ${criterionMeaning(c)}`, { value: v });
      }
    }
  },
});

function criterionMeaning(c: A.CriterionStmt): string {
  const below = c.comparator!.value === '<' || c.comparator!.value === '<=' || c.comparator!.value === '=';
  const noOne = (c.polarity.value === 'include') === below;
  return noOne ? 'this criterion leaves no one eligible' : 'this criterion is true of everyone';
}
