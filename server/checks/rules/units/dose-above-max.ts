/**
 * A dose above the declared maximum single administration. Per-kg doses are taken for a 70 kg
 * reference adult and per-m² doses for 1.73 m² (the assumption is stated in the message); a dose
 * per time (mg/kg/d) is divided into its administrations per day (`in N divided doses`, or the
 * frequency) before the comparison. Conversions go through UCUM.
 */
import { interventionFacts, itemDoses, receivedInterventions } from '../../facts';
import { analyzeUnit, convert, formatNumber, REFERENCE_SURFACE_M2, REFERENCE_WEIGHT_KG } from '../../../units';
import { itemRule } from '../../types';
import { oneAdministration, referenceAmount } from '../dosing/amounts';

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
      const m = analyzeUnit(max.amount.unit.value);
      if (!m.code || !m.dimension) continue;
      // A cap per kg (or per m²) is compared with the dose per kg as written; a plain cap with the dose
      // at the reference body. A plain dose against a per-kg cap would need the body the other way
      // round, so it is left alone rather than guessed.
      const capBasis = m.dimension.basis;
      const reference = referenceAmount(dose, capBasis);
      if (!reference || (capBasis && analyzeUnit(amount.unit.value).dimension?.basis !== capBasis)) continue;
      const each = oneAdministration(dose, reference.value, reference.code, reference.daily && !m.dimension.perTime);
      if (!each) continue;
      const assumptions = [...reference.assumptions];
      if (each.perDayCount !== null) assumptions.push(each.perDayCount === 1 ? 'given once a day' : `split into ${formatNumber(each.perDayCount)} administrations a day`);
      const inMaxUnit = convert(each.value, each.code, m.code, { ignoreBasis: true, ignoreAnnotations: true });
      if (inMaxUnit === null) continue;
      if (inMaxUnit <= max.amount.value.value * (1 + 1e-9)) continue;
      const written = `${formatNumber(amount.value.value)} ${amount.unit.value}`;
      const shown = `${formatNumber(Number(inMaxUnit.toPrecision(4)))} ${max.amount.unit.value}`;
      report(
        amount.range,
        assumptions.length
          ? `this dose (${written}) is about ${shown} per administration ${assumptions.join(', ')}, above the maximum dose of ${formatNumber(max.amount.value.value)} ${max.amount.unit.value}`
          : `this dose (${written}) is above the maximum dose of ${formatNumber(max.amount.value.value)} ${max.amount.unit.value}`,
        { dose: inMaxUnit, max: max.amount.value.value, unit: max.amount.unit.value, referenceWeightKg: REFERENCE_WEIGHT_KG, referenceSurfaceM2: REFERENCE_SURFACE_M2 },
      );
    }
  },
});
