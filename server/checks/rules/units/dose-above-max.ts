/**
 * A dose above the declared maximum single administration. Per-kg doses are taken for a 70 kg
 * reference adult and per-m² doses for 1.73 m² (the assumption is stated in the message); a dose
 * per time (mg/kg/d) is divided into its administrations per day (`in N divided doses`, or the
 * frequency) before the comparison. Conversions go through UCUM.
 */
import { interventionFacts, itemDoses, perDay, receivedInterventions } from '../../facts';
import { analyzeUnit, convert, formatNumber } from '../../../units';
import { itemRule } from '../../types';

export const REFERENCE_WEIGHT_KG = 70;
export const REFERENCE_SURFACE_M2 = 1.73;

export const doseAboveMax = itemRule({
  code: 'dose-above-max',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A dose is above the maximum dose declared for its intervention (per-kg doses for a 70 kg adult, per-m² doses for 1.73 m²).' },
  kinds: ['InterventionBlock', 'ArmBlock'],
  deps: (item, model) => (item.kind === 'ArmBlock' ? receivedInterventions(item, model) : []),
  checkItem(item, model, report, ctx) {
    for (const { dose, intervention } of itemDoses(item, model)) {
      if (!intervention || !dose.amount) continue;
      const amount = dose.amount;
      ctx.at(amount.range);
      const max = interventionFacts(intervention).maxDose;
      if (!max) continue;
      const a = analyzeUnit(amount.unit.value);
      const m = analyzeUnit(max.amount.unit.value);
      if (!a.code || !m.code || !a.dimension || !m.dimension) continue;
      let code = a.code;
      let value = amount.value.value;
      const assumptions: string[] = [];
      if (a.dimension.basis && !m.dimension.basis) {
        if (a.dimension.basis === 'weight') {
          code = `(${code}).kg`;
          value *= REFERENCE_WEIGHT_KG;
          assumptions.push(`for a ${REFERENCE_WEIGHT_KG} kg adult`);
        } else {
          code = `(${code}).m2`;
          value *= REFERENCE_SURFACE_M2;
          assumptions.push(`for a body surface of ${REFERENCE_SURFACE_M2} m²`);
        }
      }
      if (a.dimension.perTime && !m.dimension.perTime) {
        const n = dose.divided?.value ?? perDay(dose);
        if (!n) continue;
        code = `(${code}).d`;
        value /= n;
        assumptions.push(n === 1 ? 'given once a day' : `split into ${formatNumber(n)} administrations a day`);
      }
      const inMaxUnit = convert(value, code, m.code, { ignoreBasis: true, ignoreAnnotations: true });
      if (inMaxUnit === null) continue;
      if (inMaxUnit <= max.amount.value.value * (1 + 1e-9)) continue;
      const written = `${formatNumber(amount.value.value)} ${amount.unit.value}`;
      const each = `${formatNumber(Number(inMaxUnit.toPrecision(4)))} ${max.amount.unit.value}`;
      report(
        amount.range,
        assumptions.length
          ? `this dose (${written}) is about ${each} per administration ${assumptions.join(', ')}, above the maximum dose of ${formatNumber(max.amount.value.value)} ${max.amount.unit.value}`
          : `this dose (${written}) is above the maximum dose of ${formatNumber(max.amount.value.value)} ${max.amount.unit.value}`,
        { dose: inMaxUnit, max: max.amount.value.value, unit: max.amount.unit.value, referenceWeightKg: REFERENCE_WEIGHT_KG, referenceSurfaceM2: REFERENCE_SURFACE_M2 },
      );
    }
  },
});
