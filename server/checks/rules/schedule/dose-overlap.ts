/**
 * The same intervention scheduled twice on overlapping days in one arm, with no condition that
 * tells the two doses apart (a loading dose and a maintenance dose must not overlap).
 */
import type * as A from '../../../../grammar/ast';
import { armInterventions } from '../../../model';
import { facts, type DoseSpan } from '../../facts';
import type { Rule } from '../../types';

function conditionKey(c: A.Condition | undefined): string {
  if (!c) return '';
  return `${c.measure.value}|${c.comparator?.value ?? ''}|${c.threshold ? `${c.threshold.value.value} ${c.threshold.unit.value}` : ''}`;
}

function firstShared(a: DoseSpan, b: DoseSpan): number | undefined {
  if (a.days && b.days) return a.days.find((d) => b.days!.includes(d));
  if (a.days) return a.days.find((d) => d >= b.start && d <= b.end);
  if (b.days) return b.days.find((d) => d >= a.start && d <= a.end);
  return a.start <= b.end && b.start <= a.end ? Math.max(a.start, b.start) : undefined;
}

export const doseOverlap: Rule = {
  code: 'dose-overlap',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'The same intervention is scheduled twice on overlapping days in one arm, with nothing to tell the doses apart.' },
  check(model, report, ctx) {
    const { spans } = facts(model);
    const seen = new Set<A.DoseStmt>();
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      const byIntervention = new Map<string, A.DoseStmt[]>();
      for (const ai of armInterventions(model, arm)) {
        const list = byIntervention.get(ai.receives.intervention.value) ?? [];
        list.push(...ai.doses);
        byIntervention.set(ai.receives.intervention.value, list);
      }
      for (const [name, doses] of byIntervention) {
        for (let j = 1; j < doses.length; j++) {
          const b = doses[j]!;
          if (seen.has(b)) continue;
          for (let i = 0; i < j; i++) {
            const a = doses[i]!;
            if (conditionKey(a.condition) !== conditionKey(b.condition)) continue;
            const sa = spans.get(a);
            const sb = spans.get(b);
            if (!sa || !sb) continue;
            const day = firstShared(sa, sb);
            if (day === undefined) continue;
            seen.add(b);
            report(
              (b.schedule ?? b.amount).range,
              `${name} is already given on day ${day} in arm '${arm.id.value}' by the dose on line ${a.range.start.line + 1}; give the doses different days or a condition that tells them apart`,
              { arm: arm.id.value, intervention: name, day, other: a.range },
            );
            break;
          }
        }
      }
    }
  },
};
