/**
 * A range whose low end is above its high end (`dose 0.08 to 0.05 mg/kg/d`, `target 8 to 5 ng/mL`,
 * `window 3 to -3 days`): the ends were swapped. The export writes the range as given, so the
 * registry would show a range no one can read; the checks that compare doses take the high end.
 */
import { itemRule } from '../../types';
import { amountsOf, QUANTITY_ITEMS } from './quantities';
import { writtenNumber as written } from '../../../units';

export const amountRangeReversed = itemRule({
  code: 'amount-range-reversed',
  group: 'units',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A range runs from a higher number to a lower one (`8 to 5 ng/mL`).' },
  kinds: QUANTITY_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const a of amountsOf(item)) {
      ctx.at(a.range);
      if (!a.low || a.low.value <= a.value.value) continue;
      const low = written(a.low);
      const high = written(a.value);
      report({ start: a.low.range.start, end: a.value.range.end }, `this range runs from ${low} down to ${high} ${a.unit.value}: write the low end first (${high} to ${low} ${a.unit.value})`, {
        fixes: [{
          title: `Swap to '${high} to ${low}'`,
          edits: [{ range: a.low.range, newText: high }, { range: a.value.range, newText: low }],
          isPreferred: true,
        }],
      });
    }
  },
});
