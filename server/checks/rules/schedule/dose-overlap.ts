/**
 * The same intervention scheduled twice on overlapping days in one arm, with no condition that
 * tells the two doses apart (a loading dose and a maintenance dose must not overlap).
 */
import type * as A from '../../../../grammar/ast';
import { doseSpan, type DoseSpan } from '../../facts';
import type { Rule } from '../../types';
import { armDoses } from './dose-condition-outside-treatment';

const conditionKeys = new WeakMap<A.Condition, string>();

function conditionKey(c: A.Condition | undefined): string {
  if (!c) return '';
  let key = conditionKeys.get(c);
  if (key === undefined) {
    key = `${c.measure.value}|${c.comparator?.value ?? ''}|${c.threshold ? `${c.threshold.value.value} ${c.threshold.unit.value}` : ''}`;
    conditionKeys.set(c, key);
  }
  return key;
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
  // Document-wide: a dose of an intervention is reported once, in the first arm where it overlaps.
  check(model, report, ctx) {
    const seen = new Set<A.DoseStmt>();
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      // The doses given in this arm, per intervention name. Most arms receive each intervention
      // once: then its doses are those of one `receives`, and no map is needed.
      // Built only when some intervention has two doses or more (few arms): less garbage per check.
      let groups: [string, readonly A.DoseStmt[], A.InterventionBlock | undefined][] | undefined;
      let receives = 0;
      let several = false;
      for (const s of arm.statements) {
        if (s.kind !== 'Receives') continue;
        receives++;
        if (armDoses(s, model.interventions.get(s.intervention.value)).length >= 2) several = true;
      }
      if (!several && receives < 2) continue;
      groups = [];
      for (const r of arm.statements) {
        if (r.kind !== 'Receives') continue;
        const name = r.intervention.value;
        const iv = model.interventions.get(name);
        const doses = armDoses(r, iv);
        let group: (typeof groups)[number] | undefined;
        for (const g of groups) if (g[0] === name) group = g;
        if (group) group[1] = [...group[1], ...doses];
        else groups.push([name, doses, iv]);
      }
      for (const [name, doses, iv] of groups) {
        if (doses.length < 2) continue;
        for (let j = 1; j < doses.length; j++) {
          const b = doses[j]!;
          if (seen.has(b)) continue;
          for (let i = 0; i < j; i++) {
            const a = doses[i]!;
            if (conditionKey(a.condition) !== conditionKey(b.condition)) continue;
            const sa: DoseSpan = doseSpan(a, iv);
            const sb: DoseSpan = doseSpan(b, iv);
            const day = firstShared(sa, sb);
            if (day === undefined) continue;
            seen.add(b);
            report(
              (b.schedule ?? b.amount ?? b).range,
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
