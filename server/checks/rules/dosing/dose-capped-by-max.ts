/**
 * Where a per-kg or per-m² dose meets its `max dose`: at 10 mg/kg with a maximum of 1000 mg,
 * participants over 100 kg get less than 10 mg/kg. Reported (as information) when that happens
 * within the range of adult body sizes — up to 150 kg or 2.5 m² — and above the reference 70 kg /
 * 1.73 m² (below it, the dose is above the maximum for the reference adult: `dose-above-max`).
 * The writer then knows the cap is active for heavy participants and can say so in the protocol.
 * units-and-schedules.md §3.2 ("per-kg dose × reference weight (e.g. 70 kg) and per-m² × 1.73–2.0 m²
 * compared with the cap").
 */
import { analyzeUnit, convert, formatNumber, REFERENCE_SURFACE_M2, REFERENCE_WEIGHT_KG } from '../../../units';
import { interventionFacts, itemDoses, receivedInterventions } from '../../facts';
import { itemRule } from '../../types';
import { oneAdministration } from './amounts';

const HEAVIEST_KG = 150;
const LARGEST_M2 = 2.5;

export const doseCappedByMax = itemRule({
  code: 'dose-capped-by-max',
  group: 'units',
  defaultSeverity: 'information',
  doc: { summary: 'A per-kg or per-m² dose reaches its maximum dose within adult body sizes: heavier participants get a lower dose per kg.' },
  kinds: ['InterventionBlock', 'ArmBlock'],
  deps: (item, model) => (item.kind === 'ArmBlock' ? receivedInterventions(item, model) : []),
  checkItem(item, model, report, ctx) {
    for (const { dose, intervention } of itemDoses(item, model)) {
      if (!intervention || !dose.amount) continue;
      const max = interventionFacts(intervention).maxDose;
      if (!max) continue;
      ctx.at(dose.amount.range);
      const a = analyzeUnit(dose.amount.unit.value);
      const m = analyzeUnit(max.amount.unit.value);
      const basis = a.dimension?.basis;
      if (!a.code || !m.code || !basis || m.dimension?.basis) continue;
      const each = oneAdministration(dose, dose.amount.value.value, a.code, a.dimension!.perTime && !m.dimension!.perTime);
      if (!each) continue;
      // The dose for one kg (or one m²), in the cap's unit.
      const perUnitSize = convert(each.value, `(${each.code}).${basis === 'weight' ? 'kg' : 'm2'}`, m.code, { ignoreBasis: true, ignoreAnnotations: true });
      if (perUnitSize === null || perUnitSize <= 0) continue;
      const size = max.amount.value.value / perUnitSize;
      const reference = basis === 'weight' ? REFERENCE_WEIGHT_KG : REFERENCE_SURFACE_M2;
      const largest = basis === 'weight' ? HEAVIEST_KG : LARGEST_M2;
      if (size < reference || size >= largest) continue;
      const shown = basis === 'weight' ? `${formatNumber(Math.round(size))} kg` : `${formatNumber(Number(size.toPrecision(3)))} m²`;
      report(dose.amount.range, `at ${dose.amount.value.written ?? dose.amount.value.value} ${dose.amount.unit.value} the maximum dose of ${max.amount.value.written ?? max.amount.value.value} ${max.amount.unit.value} is reached at ${shown}: participants above that get the maximum, less than ${dose.amount.value.written ?? dose.amount.value.value} ${dose.amount.unit.value}; say so in the protocol if that is intended`, { size });
    }
  },
});
