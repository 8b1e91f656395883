import { armPeriods, statementsOf, studyCalendar, timePointStudyDay, type PeriodSpan } from '../../../model';
import type { TrialModel } from '../../../model';
import { itemRule } from '../../types';

/**
 * The days of the periods some arm goes through, as one string (compared by value between runs):
 * what an outcome's finding depends on besides the outcome. Kept per arms and periods maps (an
 * incremental model keeps them while no arm or period is replaced), so an edit elsewhere does not
 * go over every arm, and an edit of an arm re-checks the outcomes only when the days change.
 */
const followedKeys = new WeakMap<ReadonlyMap<string, unknown>, { periods: ReadonlyMap<string, unknown>; key: string }>();

function followedKey(model: TrialModel): string {
  const hit = followedKeys.get(model.arms);
  if (hit && hit.periods === model.periods) return hit.key;
  const days = [...followedPeriods(model)].map((p) => `${p.startDay}..${p.endDay}`).sort();
  const key = days.join(' ');
  followedKeys.set(model.arms, { periods: model.periods, key });
  return key;
}

function followedPeriods(model: TrialModel): Set<PeriodSpan> {
  const followed = new Set<PeriodSpan>();
  if (model.arms.size === 0) studyCalendar(model).periods.forEach((p) => followed.add(p));
  for (const arm of model.arms.values()) for (const p of armPeriods(model, arm)) followed.add(p);
  return followed;
}

export const outcomeInNoPeriod = itemRule({
  code: 'outcome-in-no-period',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: "An outcome is measured at a time that falls in no period any arm goes through." },
  kinds: ['OutcomeBlock'],
  facts: (model) => [model.schedule, followedKey(model)],
  checkItem(o, model, report, ctx) {
    const calendar = studyCalendar(model);
    if (calendar.periods.length === 0) return;
    const followed = followedPeriods(model);
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
