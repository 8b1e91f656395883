/**
 * An enrollment that is not a count of people: a fraction or a negative number. The registry's
 * `enrollmentInfo.count` is an integer (OAS205, registry-format.md §2 designModule); a negative
 * count contradicts itself.
 */
import { statementsOf } from '../../../model';
import { itemRule } from '../../types';

export const enrollmentCount = itemRule({
  code: 'enrollment-count',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'The enrollment is not a whole, non-negative number of participants.' },
  kinds: ['TrialBlock'],
  checkItem(trial, _model, report, ctx) {
    for (const e of statementsOf(trial, 'Enrollment')) {
      if (!e.count) continue; // `enrollment TODO`: placeholder-value
      ctx.at(e.count.range);
      const n = e.count.value;
      if (Number.isInteger(n) && n >= 0) continue;
      report(e.count.range, n < 0 ? `the enrollment is ${n}: a number of participants cannot be negative` : `the enrollment is ${n}: it is a number of participants, a whole number`, {});
    }
  },
});
