import { studyCalendar } from '../../../model';
import { itemRule } from '../../types';

export const visitOutsidePeriod = itemRule({
  code: 'visit-outside-period',
  group: 'schedule',
  defaultSeverity: 'error',
  doc: { summary: 'A visit falls outside its period (`in …`), or outside every period of the schedule.' },
  kinds: ['ScheduleBlock'],
  checkItem(schedule, model, report, ctx) {
    if (model.schedule !== schedule) return;
    const calendar = studyCalendar(model);
    if (calendar.periods.length === 0) return;
    const first = calendar.periods[0]!;
    const last = calendar.periods[calendar.periods.length - 1]!;
    for (const t of calendar.visits) {
      if (t.day === null) continue; // an unknown period: name-undefined says so
      ctx.at(t.visit.at.range);
      const named = t.visit.period ? calendar.periodByName.get(t.visit.period.value) : undefined;
      if (named) {
        if (t.day >= named.startDay && t.day <= named.endDay) continue;
        report(t.visit.at.range, `period '${named.period.id.value}' lasts ${named.lengthDays} days (its days 1 to ${named.lengthDays}); ${t.visit.at.unit.value} ${t.visit.at.value.value} of it is outside it`);
      } else if (!t.period) {
        report(t.visit.at.range, `visit '${t.visit.id.value}' (study day ${t.day}) is in no period: the periods of the schedule run from day ${first.startDay} to day ${last.endDay}`);
      }
    }
  },
});
