import { itemRule } from '../../types';
import { DOSE_ITEMS, scheduleDays } from './days';

export const doseDayNegative = itemRule({
  code: 'dose-day-negative',
  group: 'schedule',
  defaultSeverity: 'error',
  doc: { summary: 'A dose is scheduled on a negative day, before the first day of treatment.' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const { day } of scheduleDays(item)) {
      ctx.at(day.range);
      if (day.value >= 0) continue;
      report(day.range, `this dose is given on day ${day.value}, before treatment starts: day 1 is the first day of treatment, so a dose is on day 1 or later (negative days are for screening visits)`);
    }
  },
});
