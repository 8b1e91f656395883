/**
 * A loading dose given after the maintenance dosing has started. A one-off dose larger than a
 * repeating dose of the same intervention is a loading dose (units-and-schedules.md §3.1: titration
 * and loading are steps of the regimen, FHIR Dosage.sequence); it comes first, on or before the first
 * maintenance day. `dose 300 mg oral daily from day 1` with `dose 600 mg oral on day 8` gives the
 * "loading" dose a week into treatment: the days are likely swapped or mistyped. Doses given under a
 * condition are retreatments, not loading doses, and are not judged. Amounts are compared through UCUM.
 */
import type * as A from '../../../../grammar/ast';
import { convert, formatNumber } from '../../../units';
import { doseSpan, itemDoses } from '../../facts';
import { itemRule } from '../../types';
import { referenceAmount } from './amounts';

const isOneOff = (d: A.DoseStmt): boolean =>
  (d.schedule?.days.length === 1 && (!d.frequency || (d.frequency.kind === 'named' && d.frequency.code === 'once'))) ||
  (!d.schedule && d.frequency?.kind === 'named' && d.frequency.code === 'once');

export const loadingDoseAfterMaintenance = itemRule({
  code: 'loading-dose-after-maintenance',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A one-off dose larger than the repeating dose (a loading dose) comes after the repeating dose has started.' },
  kinds: ['InterventionBlock', 'ArmBlock'],
  checkItem(item, model, report, ctx) {
    const groups = new Map<A.InterventionBlock | undefined, A.DoseStmt[]>();
    for (const { dose, intervention } of itemDoses(item, model)) {
      if (dose.condition || !dose.amount) continue;
      const list = groups.get(intervention) ?? [];
      list.push(dose);
      groups.set(intervention, list);
    }
    for (const [iv, doses] of groups) {
      const repeating = doses.filter((d) => !isOneOff(d) && d.frequency && !(d.schedule && d.schedule.days.length > 0));
      for (const load of doses.filter(isOneOff)) {
        ctx.at(load.range);
        const l = referenceAmount(load);
        const loadDay = doseSpan(load, iv).start;
        for (const m of repeating) {
          const r = referenceAmount(m);
          if (!l || !r || l.daily || r.daily) continue;
          const inM = convert(l.value, l.code, r.code, { ignoreAnnotations: true });
          if (inM === null || inM <= r.value) continue;
          const start = doseSpan(m, iv).start;
          if (loadDay <= start) continue;
          report((load.schedule ?? load.amount!).range, `this one-off ${load.amount!.value.written ?? load.amount!.value.value} ${load.amount!.unit.value} is larger than the repeating ${m.amount!.value.written ?? m.amount!.value.value} ${m.amount!.unit.value} that starts on day ${formatNumber(start)}: a loading dose comes first, on or before day ${formatNumber(start)}`, { loadDay, start });
          break;
        }
      }
    }
  },
});
