import type * as A from '../../../../grammar/ast';
import { armPeriods, modelEditOf, statementsOf, studyCalendar, timePointStudyDay, type PeriodSpan } from '../../../model';
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
  const key = keptKey(model) ?? [...followedPeriods(model)].map((p) => `${p.startDay}..${p.endDay}`).sort().join(' ');
  followedKeys.set(model.arms, { periods: model.periods, key });
  return key;
}

/**
 * The key of the model before, when the edit that derived `model` kept the schedule's periods and
 * visits and replaced arms only by arms that go through the same periods (most arm edits): an
 * edit of one arm then does not go over every arm.
 */
function keptKey(model: TrialModel): string | undefined {
  const edit = modelEditOf(model);
  if (!edit || edit.previous.periods !== model.periods || edit.previous.visits !== model.visits) return undefined;
  const before = followedKeys.get(edit.previous.arms);
  if (!before || before.periods !== model.periods) return undefined;
  for (let i = 0; i < edit.paired; i++) {
    const now = edit.added[i]!;
    if (now.kind !== 'ArmBlock') continue;
    const was = armPeriods(edit.previous, edit.removed[i] as A.ArmBlock);
    const is = armPeriods(model, now);
    if (was.length !== is.length || was.some((p, k) => p !== is[k])) return undefined;
  }
  return before.key;
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
