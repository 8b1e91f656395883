import { statementsOf } from '../../../model';
import { quantityDays } from '../../facts';
import type { Rule } from '../../types';

export const ageMinAboveMax: Rule = {
  code: 'age-min-above-max',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'The minimum age is above the maximum age.' },
  check(model, report, ctx) {
    for (const a of statementsOf(model.eligibility, 'Age')) {
      ctx.at(a.range);
      const min = quantityDays(a.min);
      const max = quantityDays(a.max);
      if (min === undefined || max === undefined || min <= max) continue;
      report(a.min!.range, `the minimum age (${a.min!.value.value} ${a.min!.unit.value}) is above the maximum age (${a.max!.value.value} ${a.max!.unit.value})`, {});
    }
  },
};
