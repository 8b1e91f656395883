import { statementsOf } from '../../../model';
import { facts } from '../../facts';
import { itemRule } from '../../types';
import { formatDays, timePointDays } from '../../util';

export const outcomeBeyondStudy = itemRule({
  code: 'outcome-beyond-study',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: "An outcome's time frame is after the planned study `duration`." },
  kinds: ['OutcomeBlock'],
  facts: (model) => [facts(model).studyDays],
  checkItem(o, model, report, ctx) {
    const f = facts(model);
    if (f.studyDays === undefined) return;
    for (const tf of statementsOf(o, 'TimeFrame')) {
      for (const p of tf.points) {
        ctx.at(p.range);
        const days = timePointDays(p);
        if (days <= f.studyDays + 0.5) continue;
        report(p.range, `${p.unit.value} ${p.value.value} (about day ${formatDays(Math.round(days))}) is after the planned study duration (${formatDays(Math.round(f.studyDays))} days)`, {
          days,
          studyDays: f.studyDays,
        });
      }
    }
  },
});
