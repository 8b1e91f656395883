/**
 * A conditional dose (`if cd19 > 5 10*6/L`, `depending on …`) on days outside the arm's treatment
 * period. The period is the span of the arm's unconditional dosing — from its first day to its
 * last, taper and stop included — and is known only when at least one of those doses runs over a
 * period (`from day …`, `to day …`, `for …`, or continuing until a taper or stop); an arm dosed
 * only on listed days has no stated period, and is not checked.
 */
import type * as A from '../../../../grammar/ast';
import { armInterventions } from '../../../model';
import { facts } from '../../facts';
import type { Rule } from '../../types';
import { formatDays } from '../../util';

export const doseConditionOutsideTreatment: Rule = {
  code: 'dose-condition-outside-treatment',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: "A conditional dose falls on days outside the arm's treatment period." },
  check(model, report, ctx) {
    const { spans } = facts(model);
    const seen = new Set<number>();
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      const doses = armInterventions(model, arm).flatMap((ai) => ai.doses);
      const plain = doses.filter((d) => !d.condition).map((d) => spans.get(d)).filter((s) => !!s);
      if (!plain.some((s) => !s.days)) continue;
      const start = Math.min(...plain.map((s) => s.start));
      const end = Math.max(...plain.map((s) => s.end));
      for (const dose of doses) {
        if (!dose.condition || !dose.schedule) continue;
        const outside: A.Located<number>[] = [...dose.schedule.days, ...(dose.schedule.from ? [dose.schedule.from] : []), ...(dose.schedule.to ? [dose.schedule.to] : [])]
          .filter((d) => d.value >= 1 && (d.value < start || d.value > end));
        for (const day of outside) {
          if (seen.has(day.range.start.offset)) continue;
          seen.add(day.range.start.offset);
          report(
            day.range,
            `this conditional dose is on day ${day.value}, outside the treatment period of arm '${arm.id.value}' (day ${formatDays(start)} to ${end === Infinity ? 'the end of treatment' : `day ${formatDays(Math.floor(end))}`})`,
            { arm: arm.id.value, start, end: end === Infinity ? null : end },
          );
        }
      }
    }
  },
};
