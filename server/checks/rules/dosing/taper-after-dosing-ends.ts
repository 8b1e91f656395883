/**
 * A taper (or stop) that starts after every full dose of the intervention has already ended: `dose …
 * for 3 months` with `taper after 6 months` tapers a drug no longer given. The taper's day comes
 * from the same arithmetic as the other schedule checks (Day 1 = first day of treatment, a month is
 * 30.4375 days; units-and-schedules.md §3.2). Dosing with no end, or ended by the taper itself, is fine.
 */
import { formatNumber } from '../../../units';
import { doseSpan, interventionFacts } from '../../facts';
import { itemRule } from '../../types';

export const taperAfterDosingEnds = itemRule({
  code: 'taper-after-dosing-ends',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A taper or stop starts after the full-dose period has already ended.' },
  kinds: ['InterventionBlock'],
  checkItem(iv, _model, report, ctx) {
    const f = interventionFacts(iv);
    if (f.tapers.length === 0 || f.doses.length === 0) return;
    let lastDay = -Infinity;
    for (const dose of f.doses) {
      if (dose.schedule?.days.length === 0 && !dose.schedule?.to && !dose.schedule?.for) return; // runs on until the taper
      if (!dose.schedule) return;
      const s = doseSpan(dose, undefined);
      if (!Number.isFinite(s.end)) return;
      lastDay = Math.max(lastDay, s.end);
    }
    for (const t of f.tapers) {
      ctx.at(t.stmt.range);
      if (t.start <= lastDay + 1) continue;
      report(t.stmt.after.range, `the ${t.stmt.kind === 'Taper' ? 'taper' : 'stop'} starts on day ${formatNumber(Math.round(t.start))}, but the last dose is on day ${formatNumber(Math.round(lastDay))}: the full-dose period has already ended`, { start: t.start, lastDay });
    }
  },
});
