/**
 * A threshold no measurement can have: a negative count, mass, volume, time or activity (a
 * concentration of a substance may be a difference, such as base excess, so it is not judged), and a
 * percentage outside 0–100 % unless the measure is a ratio to a reference ("% predicted", "% of
 * normal", a change), and a range whose lower end is above its upper end (`10 to 5 g/dL`). The
 * dimension comes from UCUM (server/units). Such a criterion either admits everyone or no one: the
 * protocol contradicts itself or has a typo (a sign, a unit, two numbers swapped).
 */
import type * as A from '../../../../grammar/ast';
import { criteriaOf } from '../../../model';
import { analyzeUnit } from '../../../units';
import { itemRule, type Report } from '../../types';

const NON_NEGATIVE = new Set(['mass', 'volume', 'count', 'time', 'catalytic', 'length', 'area', 'arbitrary', 'equivalents']);
const RELATIVE = /predicted|normal|change|increase|decrease|reduction|baseline|relative|reference|ULN|LLN|ratio|improvement/i;

export const criterionThresholdImpossible = itemRule({
  code: 'criterion-threshold-impossible',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A criterion threshold is impossible for its measure: a negative count, mass, volume or time, a percentage outside 0–100 %, a range whose lower end is above its upper end.' },
  kinds: ['EligibilityBlock'],
  deps: (block, model) => criteriaOf(block).map((c) => (c.measure ? model.measures.get(c.measure.value) : undefined)),
  checkItem(block, model, report, ctx) {
    for (const c of criteriaOf(block)) {
      if (!c.threshold || !(c.comparator || c.low)) continue;
      ctx.at(c.threshold.range);
      const d = analyzeUnit(c.threshold.unit.value).dimension;
      if (!d) continue;
      const v = c.threshold.value.value;
      const label = (c.measure ? model.measures.get(c.measure.value)?.label.value : undefined) ?? c.measure?.value ?? '';
      const plainPercent = d.kind === 'fraction' && !d.perTime && !d.perVolume && !d.perOther && !d.perMass && /%/.test(c.threshold.unit.value);
      if (c.low) {
        rangeImpossible(c, c.low, label, plainPercent, d, report);
        continue;
      }
      const shown = `${c.threshold.value.written ?? v} ${c.threshold.unit.value}`;
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

/**
 * A range (`7.0 to 10.5 %`): empty when its lower end is above its upper end; impossible when even its
 * upper end is a negative count, mass …; a percentage range reaching outside 0–100 %. A negative lower
 * end of an otherwise possible range only says nothing, so it is not reported.
 */
function rangeImpossible(c: A.CriterionStmt, low: A.NumberValue, label: string, plainPercent: boolean, d: NonNullable<ReturnType<typeof analyzeUnit>['dimension']>, report: Report): void {
  const high = c.threshold!;
  const at: A.Range = { start: low.range.start, end: high.range.end };
  const shown = `${low.written ?? low.value} to ${high.value.written ?? high.value.value} ${high.unit.value}`;
  const nobody = c.polarity.value === 'include' ? 'this criterion leaves no one eligible' : 'this criterion excludes no one';
  if (low.value > high.value.value) {
    report(at, `${shown}: the lower end is above the upper end, so no value is in this range and ${nobody} (swap the two numbers)`, { value: low.value });
    return;
  }
  if (plainPercent) {
    if ((low.value < 0 || high.value.value > 100) && !RELATIVE.test(label) && !RELATIVE.test(c.note?.value ?? '')) {
      report(at, `${shown} reaches outside 0–100 %: a proportion of ${label || 'this measure'} cannot be ${low.value < 0 ? 'negative' : 'above 100 %'} (if it is a ratio to a reference, say so in the measure's label, e.g. "% of predicted")`, { value: low.value < 0 ? low.value : high.value.value }, 'warning');
    }
    return;
  }
  const nonNegative = (NON_NEGATIVE.has(d.kind) && !d.isConcentration && d.kind !== 'count') || d.isCountPerVolume || (d.isConcentration && d.kind === 'mass');
  if (high.value.value < 0 && nonNegative) report(at, `${shown}: a ${d.label} cannot be negative, so ${nobody}`, { value: high.value.value });
}

function criterionMeaning(c: A.CriterionStmt): string {
  const below = c.comparator!.value === '<' || c.comparator!.value === '<=' || c.comparator!.value === '=';
  const noOne = (c.polarity.value === 'include') === below;
  return noOne ? 'this criterion leaves no one eligible' : 'this criterion is true of everyone';
}
