/**
 * `receives X in P` whose dosing runs past the end of P: its days count from P's day 1 (docs/
 * language.md, periods), so `dose 10 mg oral daily for 12 weeks` received in an 8-week period goes
 * on through the washout or the next period — in a crossover, into the other treatment. The arm's
 * own doses (an override block) count when it has them, else the intervention's. A warning: the
 * writer may mean the dose to continue, but then it belongs to the next period too.
 */
import { dosesOf, statementsOf, studyCalendar } from '../../../model';
import { doseSpan, receivedInterventions } from '../../facts';
import { itemRule } from '../../types';
import { formatDays } from '../../util';

export const doseBeyondPeriod = itemRule({
  code: 'dose-beyond-period',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'An intervention received in a period is dosed past the end of that period.' },
  kinds: ['ArmBlock'],
  facts: (model) => [studyCalendar(model)],
  deps: (arm, model) => receivedInterventions(arm, model),
  checkItem(arm, model, report, ctx) {
    const calendar = studyCalendar(model);
    for (const r of statementsOf(arm, 'Receives')) {
      if (!r.period) continue;
      const period = calendar.periodByName.get(r.period.value);
      const iv = model.interventions.get(r.intervention.value);
      if (!period || !iv) continue;
      ctx.at(r.range);
      // An empty override block gives no doses of its own and says nothing of the intervention's.
      const doses = r.doses.length > 0 ? r.doses : r.overrideBlock === undefined ? dosesOf(iv) : [];
      let end = -Infinity;
      for (const dose of doses) {
        const span = doseSpan(dose, iv);
        const last = span.days ? Math.max(...span.days) : span.end;
        if (Number.isFinite(last)) end = Math.max(end, last);
      }
      if (end <= period.lengthDays + 0.5) continue;
      report(r.period.range, `${r.intervention.value} is dosed to about day ${formatDays(Math.round(end))} of period '${r.period.value}', which lasts ${formatDays(period.lengthDays)} days: the dosing would go on into the next period; shorten it or the period`, { end, periodDays: period.lengthDays });
    }
  },
});
