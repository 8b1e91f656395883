/**
 * The total given over the whole schedule against `max cumulative dose` (the cap protocols state for
 * anthracyclines, bleomycin, radiotherapy …). For each arm that receives the intervention, its doses
 * there (the intervention's, or the arm's own) are summed: per administration × administrations, or
 * a daily amount × treatment days; per-kg and per-m² doses at 70 kg and 1.73 m². A dosing with no
 * end cannot be summed and is left out (the message says so when it is the only one).
 * units-and-schedules.md §3.2 (cycles: total = n × length; plausibility of caps).
 */
import type * as A from '../../../../grammar/ast';
import { armInterventions, dosesOf, modelEditOf, type TrialModel } from '../../../model';
import { analyzeUnit, convert, formatNumber } from '../../../units';
import { doseSpan, interventionFacts, receivedInterventions } from '../../facts';
import type { Rule } from '../../types';
import { administrations, referenceAmount, treatmentDays } from './amounts';

function total(doses: A.DoseStmt[], iv: A.InterventionBlock, maxCode: string, keep: 'weight' | 'surface' | null): { sum: number; assumptions: Set<string> } | null {
  let sum = 0;
  const assumptions = new Set<string>();
  for (const dose of doses) {
    if (dose.condition) continue; // given only if a condition holds: not part of the planned total
    const ref = referenceAmount(dose, keep);
    if (!ref) continue;
    const span = doseSpan(dose, iv);
    const count = ref.daily ? treatmentDays(span) : administrations(dose, span);
    if (count === null) return null;
    const code = ref.daily ? `(${ref.code}).d` : ref.code;
    const v = convert(ref.value * count, code, maxCode, { ignoreBasis: true, ignoreAnnotations: true });
    if (v === null) return null;
    sum += v;
    ref.assumptions.forEach((a) => assumptions.add(a));
  }
  return { sum, assumptions };
}

export const cumulativeDoseAboveMax: Rule = {
  code: 'cumulative-dose-above-max',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'The total dose over the whole schedule is above the `max cumulative dose` declared for the intervention.' },
  // A function of the interventions and the arms (their doses there) only: kept while an edit replaces other items.
  reads: ['InterventionBlock', 'ArmBlock'],
  unchangedBy: noCapTouched,
  check(model, report, ctx) {
    for (const iv of model.interventions.values()) {
      const max = interventionFacts(iv).maxCumulativeDose;
      if (!max) continue;
      ctx.at(max.range);
      const m = analyzeUnit(max.amount.unit.value);
      const maxCode = m.code;
      if (!maxCode) continue;
      const keep = m.dimension?.basis ?? null;
      const plans: { where: string; doses: A.DoseStmt[] }[] = [];
      for (const arm of model.arms.values()) {
        for (const ai of armInterventions(model, arm)) if (ai.intervention === iv) plans.push({ where: `in arm '${arm.id.value}'`, doses: ai.doses });
      }
      if (plans.length === 0) plans.push({ where: '', doses: dosesOf(iv) });
      for (const plan of plans) {
        const t = total(plan.doses, iv, maxCode, keep);
        if (!t || t.sum <= max.amount.value.value * (1 + 1e-9)) continue;
        const shown = formatNumber(Number(t.sum.toPrecision(4)));
        const how = t.assumptions.size ? ` (${[...t.assumptions].join(', ')})` : '';
        report(max.amount.range, `the schedule gives ${iv.id.value} about ${shown} ${max.amount.unit.value} in total${plan.where ? ' ' + plan.where : ''}${how}, above the maximum cumulative dose of ${max.amount.value.written ?? max.amount.value.value} ${max.amount.unit.value}`, { total: t.sum });
        break;
      }
    }
  },
};

function capped(iv: A.InterventionBlock | undefined): boolean {
  return iv !== undefined && interventionFacts(iv).maxCumulativeDose !== undefined;
}

/**
 * The findings are those of the model before when the edit that derived `model` replaced no
 * intervention with a `max cumulative dose` (before or after) and no arm receiving one (before or
 * after): only such interventions are summed, over the arms receiving them.
 */
function noCapTouched(model: TrialModel): boolean {
  const edit = modelEditOf(model);
  if (!edit) return false;
  for (let i = 0; i < edit.paired; i++) {
    const old = edit.removed[i]!;
    const now = edit.added[i]!;
    if (now.kind === 'InterventionBlock' && (capped(old as A.InterventionBlock) || capped(now))) return false;
    if (now.kind === 'ArmBlock') {
      if (receivedInterventions(old as A.ArmBlock, edit.previous).some(capped) || receivedInterventions(now, model).some(capped)) return false;
    }
  }
  return true;
}
