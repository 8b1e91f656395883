/**
 * start ≤ primary completion ≤ completion. Partial dates are compared at the precision both
 * have: 2024-12 and 2024-12-20 are in order either way.
 */
import type * as A from '../../../../grammar/ast';
import { isPlaceholderWord } from '../../../../grammar/placeholder';
import { dateField, DATE_FIELD_NAMES as NAMES } from '../../../model';
import type { Rule } from '../../types';

export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}


export const dateOrder: Rule = {
  code: 'date-order',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'The start, primary completion and completion dates are not in that order.' },
  check(model, report, ctx) {
    const order: A.DateField[] = ['start', 'primaryCompletion', 'completion'];
    // A placeholder (`TODO`) is no date to compare: placeholder-value reports it.
    const dates = order.map((f) => dateField(model.trial, f)).map((d) => (d && isPlaceholderWord(d.date.value) ? undefined : d));
    for (let j = 1; j < dates.length; j++) {
      const later = dates[j];
      if (!later) continue;
      ctx.at(later.date.range);
      for (let i = j - 1; i >= 0; i--) {
        const earlier = dates[i];
        if (!earlier) continue;
        if (comparePartialDates(later.date.value, earlier.date.value) < 0) {
          report(later.date.range, `the ${NAMES[later.field]} (${later.date.value}) is before the ${NAMES[earlier.field]} (${earlier.date.value})`, {
            field: later.field,
            before: earlier.field,
          });
          break;
        }
      }
    }
  },
};
