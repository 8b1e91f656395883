/**
 * A length, interval or count that cannot be what it says: `every 0 weeks` never repeats,
 * `for 0 days` gives nothing, `in 0 divided doses` divides by nothing, a negative dose or window
 * has no meaning. Usually a typo, or a sign written where the grammar wants none (`window -3 days`
 * for `window -3 to 3 days`). The schedule checks cannot place such a dose, so they say nothing.
 */
import { itemRule } from '../../types';
import { boundedNumbersOf, QUANTITY_ITEMS } from './quantities';
import { writtenNumber as written } from '../../../units';

export const quantityNotPositive = itemRule({
  code: 'quantity-not-positive',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'An interval, length or count is 0 or negative (`every 0 weeks`, `for 0 days`), or a dose or window is negative.' },
  kinds: QUANTITY_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const { value, what, zeroAllowed, unit } of boundedNumbersOf(item)) {
      ctx.at(value.range);
      if (value.value > 0 || (zeroAllowed && value.value === 0)) continue;
      const why = value.value < 0 ? 'it cannot be negative' : 'it must be more than 0';
      const hint = what === 'the visit window' ? ' (a window is ±: `window 3 days`, or `window -3 to 3 days`)' : '';
      report(value.range, `${what} is ${written(value)}${unit ? ` ${unit}` : ''}: ${why}${hint}`, {});
    }
  },
});
