import { itemRule } from '../../types';
import { replaceFix } from '../../util';
import { DOSE_ITEMS, scheduleDays } from './days';

export const doseDayZero = itemRule({
  code: 'dose-day-zero',
  group: 'schedule',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A dose is scheduled on day 0; study days start at day 1.' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const { day } of scheduleDays(item)) {
      ctx.at(day.range);
      if (day.value !== 0) continue;
      report(day.range, 'this dose is given on day 0; study days start at day 1 (the first day of treatment), there is no day 0', {
        fixes: [replaceFix('Change to day 1', day.range, '1')],
      });
    }
  },
});
