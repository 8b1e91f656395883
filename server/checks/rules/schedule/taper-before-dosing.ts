import { allDoses, facts } from '../../facts';
import type { Rule } from '../../types';
import { formatDays } from '../../util';

export const taperBeforeDosing: Rule = {
  code: 'taper-before-dosing',
  group: 'schedule',
  defaultSeverity: 'error',
  doc: { summary: 'A taper or stop starts before the dosing it tapers or stops has started.' },
  check(model, report, ctx) {
    const f = facts(model);
    const doses = allDoses(model);
    for (const [iv, tapers] of f.tapers) {
      const starts = doses.filter((d) => d.intervention === iv).map((d) => f.spans.get(d.dose)?.start).filter((s): s is number => s !== undefined);
      if (starts.length === 0) continue;
      const first = Math.min(...starts);
      for (const t of tapers) {
        ctx.at(t.stmt.after.range);
        if (t.start >= first) continue;
        const what = t.stmt.kind === 'Taper' ? 'taper starts' : 'dosing stops';
        report(t.stmt.after.range, `the ${what} on about day ${formatDays(Math.round(t.start))}, before ${iv.id.value} is first given (day ${formatDays(first)}); 'after' counts from day 1`, {
          start: t.start,
          firstDose: first,
        });
      }
    }
  },
};
