/**
 * A conditional dose (`if cd19 > 5 10*6/L`, `depending on …`) on days outside the arm's treatment
 * period. The period is the span of the arm's unconditional dosing — from its first day to its
 * last, taper and stop included — and is known only when at least one of those doses runs over a
 * period (`from day …`, `to day …`, `for …`, or continuing until a taper or stop); an arm dosed
 * only on listed days has no stated period, and is not checked.
 */
import type * as A from '../../../../grammar/ast';
import { doseSpan, interventionFacts, perArm, armFindingsUnchanged, type PerArmCache } from '../../facts';
import type { TrialModel } from '../../../model';
import type { Rule } from '../../types';
import { formatDays } from '../../util';

export const doseConditionOutsideTreatment: Rule = {
  code: 'dose-condition-outside-treatment',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: "A conditional dose falls on days outside the arm's treatment period." },
  reads: ['ArmBlock', 'InterventionBlock'],
  // Document-wide: a conditional dose of an intervention is reported once, in the first arm that
  // gives it outside its period. Each arm's findings depend on the arm and the interventions it
  // receives only, and are kept per arm (facts.ts `perArm`); an edit that leaves
  // the arms it can have changed without findings keeps the previous ones (`armFindingsUnchanged`).
  unchangedBy: (model) => armFindingsUnchanged(findings, model, (arm) => perArm(findings, arm, model, () => armFindings(arm, model))),
  check(model, report, ctx) {
    const seen = new Set<A.Located<number>>();
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      const found = perArm(findings, arm, model, () => armFindings(arm, model));
      for (const { day, start, end } of found) {
        if (seen.has(day)) continue;
        seen.add(day);
        report(
          day.range,
          `this conditional dose is on day ${day.value}, outside the treatment period of arm '${arm.id.value}' (day ${formatDays(start)} to ${end === Infinity ? 'the end of treatment' : `day ${formatDays(Math.floor(end))}`})`,
          { arm: arm.id.value, start, end: end === Infinity ? null : end },
        );
      }
    }
  },
};


interface Finding {
  day: A.Located<number>;
  start: number;
  end: number;
}

const findings = new WeakMap() as PerArmCache<readonly Finding[]>;
const NONE: readonly Finding[] = [];

/** The conditional dose days of one arm outside its treatment period. */
function armFindings(arm: A.ArmBlock, model: TrialModel): readonly Finding[] {
  // The span of the arm's unconditional doses, and whether one of them runs over a period.
  let start = Infinity;
  let end = -Infinity;
  let period = false;
  let conditional = false;
  for (const r of arm.statements) {
    if (r.kind !== 'Receives') continue;
    const iv = model.interventions.get(r.intervention.value);
    for (const d of armDoses(r, iv)) {
      if (d.condition) {
        conditional = true;
        continue;
      }
      const s = doseSpan(d, iv);
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
      if (!s.days) period = true;
    }
  }
  if (!period || !conditional) return NONE;
  const out: Finding[] = [];
  for (const r of arm.statements) {
    if (r.kind !== 'Receives') continue;
    for (const dose of armDoses(r, model.interventions.get(r.intervention.value))) {
      if (!dose.condition || !dose.schedule) continue;
      const { days, from, to } = dose.schedule;
      for (let k = 0; k < days.length + 2; k++) {
        const day: A.Located<number> | undefined = k < days.length ? days[k] : k === days.length ? from : to;
        if (!day || !(day.value >= 1 && (day.value < start || day.value > end))) continue;
        out.push({ day, start, end });
      }
    }
  }
  return out.length ? out : NONE;
}

const NO_DOSES: readonly A.DoseStmt[] = [];

/** The doses that apply in an arm for one `receives`: its override, else the intervention's (as `armInterventions`). */
export function armDoses(r: A.ReceivesStmt, iv: A.InterventionBlock | undefined): readonly A.DoseStmt[] {
  if (r.overrideBlock !== undefined && r.doses.length > 0) return r.doses;
  return iv ? interventionFacts(iv).doses : NO_DOSES;
}
