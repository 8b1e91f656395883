/**
 * The same intervention scheduled twice on overlapping days in one arm, with no condition that
 * tells the two doses apart (a loading dose and a maintenance dose must not overlap).
 */
import type * as A from '../../../../grammar/ast';
import { doseSpan, perArm, armFindingsUnchanged, type DoseSpan, type PerArmCache } from '../../facts';
import type { TrialModel } from '../../../model';
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
  reads: ['ArmBlock', 'InterventionBlock'],
  namesLines: true,
  // Document-wide: a dose of an intervention is reported once, in the first arm where it overlaps.
  // Each arm's overlaps depend on the arm and the interventions it receives only, and are kept per
  // arm (facts.ts `perArm`); the message is written at report time (it names a line). An edit that
  // leaves the arms it can have changed without findings keeps the previous ones (`armFindingsUnchanged`).
  unchangedBy: (model) => armFindingsUnchanged(overlaps, model, (arm) => perArm(overlaps, arm, model, () => armOverlaps(arm, model))),
  check(model, report, ctx) {
    const seen = new Set<A.DoseStmt>();
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      for (const { name, a, b, day } of perArm(overlaps, arm, model, () => armOverlaps(arm, model))) {
        if (seen.has(b)) continue;
        seen.add(b);
        report(
          (b.schedule ?? b.amount ?? b).range,
          `${name} is already given on day ${day} in arm '${arm.id.value}' by the dose on line ${a.range.start.line + 1}; give the doses different days or a condition that tells them apart`,
          { arm: arm.id.value, intervention: name, day, other: a.range },
        );
      }
    }
  },
};


interface Overlap {
  name: string;
  a: A.DoseStmt;
  b: A.DoseStmt;
  day: number;
}

const overlaps = new WeakMap() as PerArmCache<readonly Overlap[]>;
const NONE: readonly Overlap[] = [];

/** Each dose of an arm given on a day an earlier dose of the same intervention (and condition) already covers. */
function armOverlaps(arm: A.ArmBlock, model: TrialModel): readonly Overlap[] {
  // The doses given in this arm, per intervention name. Most arms receive each intervention
  // once: then its doses are those of one `receives`, and no map is needed.
  let receives = 0;
  let several = false;
  for (const s of arm.statements) {
    if (s.kind !== 'Receives') continue;
    receives++;
    if (armDoses(s, model.interventions.get(s.intervention.value)).length >= 2) several = true;
  }
  if (!several && receives < 2) return NONE;
  const groups: [string, readonly A.DoseStmt[], A.InterventionBlock | undefined][] = [];
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
  const out: Overlap[] = [];
  for (const [name, doses, iv] of groups) {
    for (let j = 1; j < doses.length; j++) {
      const b = doses[j]!;
      for (let i = 0; i < j; i++) {
        const a = doses[i]!;
        if (conditionKey(a.condition) !== conditionKey(b.condition)) continue;
        const day = firstShared(doseSpan(a, iv), doseSpan(b, iv));
        if (day === undefined) continue;
        out.push({ name, a, b, day });
        break;
      }
    }
  }
  return out.length ? out : NONE;
}
