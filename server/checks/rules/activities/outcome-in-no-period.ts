import { armPeriods, statementsOf, studyCalendar, timePointStudyDay, type PeriodSpan } from '../../../model';
import { itemRule } from '../../types';

export const outcomeInNoPeriod = itemRule({
  code: 'outcome-in-no-period',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: "An outcome is measured at a time that falls in no period any arm goes through." },
  kinds: ['OutcomeBlock'],
  deps: (_o, model) => [model.schedule, ...model.arms.values()],
  checkItem(o, model, report, ctx) {
    const calendar = studyCalendar(model);
    if (calendar.periods.length === 0) return;
    const followed = new Set<PeriodSpan>();
    if (model.arms.size === 0) calendar.periods.forEach((p) => followed.add(p));
    for (const arm of model.arms.values()) for (const p of armPeriods(model, arm)) followed.add(p);
    for (const tf of statementsOf(o, 'TimeFrame')) {
      for (const p of tf.points) {
        ctx.at(p.range);
        const day = timePointStudyDay(p);
        if ([...followed].some((s) => s.startDay <= day && day <= s.endDay)) continue;
        report(p.range, `${p.unit.value} ${p.value.value} (study day ${day}) is in no period that an arm goes through, so no participant is in the study then`);
      }
    }
  },
});
