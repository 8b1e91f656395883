import { facts, itemDoses, modelSpan, receivedInterventions } from '../../facts';
import { itemRule } from '../../types';
import { formatDays } from '../../util';
import { DOSE_ITEMS } from './days';

export const doseBeyondStudy = itemRule({
  code: 'dose-beyond-study',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A dose is scheduled after the planned study `duration`.' },
  kinds: DOSE_ITEMS,
  facts: (model) => [facts(model).studyDays],
  deps: (item, model) => (item.kind === 'ArmBlock' ? receivedInterventions(item, model) : []),
  checkItem(item, model, report, ctx) {
    const f = facts(model);
    if (f.studyDays === undefined) return;
    const limit = f.studyDays + 0.5;
    const total = formatDays(Math.round(f.studyDays));
    for (const { dose, intervention, receives } of itemDoses(item, model)) {
      const s = dose.schedule;
      if (!s) continue;
      ctx.at(s.range);
      const late = [...s.days, ...(s.from ? [s.from] : []), ...(s.to ? [s.to] : [])].filter((d) => d.value > limit);
      for (const d of late) report(d.range, `day ${d.value} is after the planned study duration (${total} days)`, { day: d.value, studyDays: f.studyDays });
      if (late.length === 0 && s.for && !s.to) {
        const span = modelSpan(model, dose, intervention, receives);
        if (span && span.end !== Infinity && span.end > limit) {
          report(s.for.range, `this dosing runs to about day ${formatDays(Math.round(span.end))}, after the planned study duration (${total} days)`, { end: span.end, studyDays: f.studyDays });
        }
      }
    }
  },
});
