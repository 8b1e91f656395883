import { doseSpan, facts, interventionFacts } from '../../facts';
import { itemRule } from '../../types';
import { formatDays } from '../../util';

export const taperBeforeDosing = itemRule({
  code: 'taper-before-dosing',
  group: 'schedule',
  defaultSeverity: 'error',
  doc: { summary: 'A taper or stop starts before the dosing it tapers or stops has started.' },
  kinds: ['InterventionBlock'],
  // The arms that receive it may give their own doses, which count too.
  deps: (iv, model) => facts(model).receivers.get(iv.id.value) ?? [],
  checkItem(iv, model, report, ctx) {
    const tapers = interventionFacts(iv).tapers;
    if (tapers.length === 0) return;
    let first = Infinity;
    for (const s of iv.statements) if (s.kind === 'Dose') first = Math.min(first, doseSpan(s, iv).start);
    for (const arm of facts(model).receivers.get(iv.id.value) ?? []) {
      for (const r of arm.statements) {
        if (r.kind !== 'Receives' || r.intervention.value !== iv.id.value) continue;
        // Only an override (a `{ … }` with doses) has spans of its own.
        if (r.overrideBlock === undefined || r.doses.length === 0) continue;
        for (const d of r.doses) first = Math.min(first, doseSpan(d, iv).start);
      }
    }
    if (first === Infinity) return;
    for (const t of tapers) {
      ctx.at(t.stmt.after.range);
      if (t.start >= first) continue;
      const what = t.stmt.kind === 'Taper' ? 'taper starts' : 'dosing stops';
      report(t.stmt.after.range, `the ${what} on about day ${formatDays(Math.round(t.start))}, before ${iv.id.value} is first given (day ${formatDays(first)}); 'after' counts from day 1`, {
        start: t.start,
        firstDose: first,
      });
    }
  },
});
