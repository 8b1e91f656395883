import { statementsOf, studyCalendar, timePointStudyDay, visitBounds } from '../../../model';
import { itemRule } from '../../types';
import { insertInBlock } from '../../util';

export const outcomeNotAVisit = itemRule({
  code: 'outcome-not-a-visit',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'An outcome is measured at a time that no visit of the `schedule` block covers (its window included).' },
  kinds: ['OutcomeBlock'],
  // The visits, their windows and periods, and the quick fix's place, come from the schedule block.
  deps: (_o, model) => [model.schedule],
  checkItem(o, model, report, ctx) {
    const schedule = model.schedule;
    if (!schedule) return;
    const bounds = studyCalendar(model).visits.map(visitBounds).filter((b): b is { first: number; last: number } => !!b);
    const names = new Set(model.visits.keys());
    for (const tf of statementsOf(o, 'TimeFrame')) {
      for (const p of tf.points) {
        ctx.at(p.range);
        const day = timePointStudyDay(p);
        if (bounds.some((b) => b.first <= day && day <= b.last)) continue;
        let id = `${p.unit.value}${p.value.value}`.replace(/[^A-Za-z0-9_]/g, '_');
        while (names.has(id)) id += '_';
        const line = `visit ${id} at ${p.unit.value} ${p.value.value}`;
        report(p.range, `no visit of the schedule takes place at ${p.unit.value} ${p.value.value}; add a visit at that time (or widen a window to cover it), or measure the outcome at a scheduled visit`, {
          fixes: [{ title: `Add '${line}' to the schedule`, edits: [insertInBlock(ctx.source, ctx.lines, schedule, line)], isPreferred: true }],
        });
      }
    }
  },
});
