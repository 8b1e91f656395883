import type { Rule } from '../../types';
import { replaceFix } from '../../util';
import { scheduleDays } from './days';

export const doseDayZero: Rule = {
  code: 'dose-day-zero',
  group: 'schedule',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A dose is scheduled on day 0; study days start at day 1.' },
  check(model, report, ctx) {
    for (const { day } of scheduleDays(model)) {
      ctx.at(day.range);
      if (day.value !== 0) continue;
      report(day.range, 'this dose is given on day 0; study days start at day 1 (the first day of treatment), there is no day 0', {
        fixes: [replaceFix('Change to day 1', day.range, '1')],
      });
    }
  },
};
