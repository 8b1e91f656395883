import { statementsOf } from '../../../model';
import { itemRule } from '../../types';
import { insertInBlock, timePointDays } from '../../util';

export const outcomeNotAVisit = itemRule({
  code: 'outcome-not-a-visit',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: "An outcome is measured at a time that is not a visit of the `schedule` block." },
  kinds: ['OutcomeBlock'],
  // The visits, and the quick fix's place, come from the schedule block.
  deps: (_o, model) => [model.schedule],
  checkItem(o, model, report, ctx) {
    const schedule = model.schedule;
    if (!schedule) return;
    const visits = schedule.statements.map((v) => ({ v, days: timePointDays(v.at) }));
    const names = new Set(visits.map((x) => x.v.id.value));
    for (const tf of statementsOf(o, 'TimeFrame')) {
      for (const p of tf.points) {
        ctx.at(p.range);
        const days = timePointDays(p);
        if (visits.some((x) => Math.abs(x.days - days) < 0.5)) continue;
        let id = `${p.unit.value}${p.value.value}`.replace(/[^A-Za-z0-9_]/g, '_');
        while (names.has(id)) id += '_';
        const line = `visit ${id} at ${p.unit.value} ${p.value.value}`;
        report(p.range, `${p.unit.value} ${p.value.value} is not a visit of the schedule; add a visit at that time or measure the outcome at a scheduled visit`, {
          fixes: [{ title: `Add '${line}' to the schedule`, edits: [insertInBlock(ctx.text, ctx.lines, schedule, line)], isPreferred: true }],
        });
      }
    }
  },
});
