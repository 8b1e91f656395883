import { facts, interventionFacts } from '../../facts';
import { itemRule } from '../../types';
import { formatDays } from '../../util';

export const taperBeyondStudy = itemRule({
  code: 'taper-beyond-study',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A taper or stop ends after the planned study `duration`.' },
  kinds: ['InterventionBlock'],
  facts: (model) => [facts(model).studyDays],
  checkItem(iv, model, report, ctx) {
    const f = facts(model);
    if (f.studyDays === undefined) return;
    for (const t of interventionFacts(iv).tapers) {
      ctx.at(t.stmt.range);
      if (t.end <= f.studyDays + 0.5) continue;
      const where = t.stmt.kind === 'Taper' && t.stmt.over ? t.stmt.over.range : t.stmt.after.range;
      report(where, `this ${t.stmt.kind === 'Taper' ? 'taper ends' : 'stop comes'} on about day ${formatDays(Math.round(t.end))}, after the planned study duration (${formatDays(Math.round(f.studyDays))} days)`, {
        end: t.end,
        studyDays: f.studyDays,
      });
    }
  },
});
