/**
 * A `max dose` (or `max cumulative dose`) that cannot be compared with the intervention's doses: a
 * cap in mL on doses in mg, a cap per kg on fixed doses that have no weight to convert. Then
 * `dose-above-max` cannot judge the doses and the cap protects no one. Conversion and
 * commensurability through UCUM (units-and-schedules.md §3.2: "mg/kg vs mg/m2 not interconvertible
 * (ucum-lhc commensurability)"; "declared caps must be ≥ a single dose").
 */
import { analyzeUnit, convert } from '../../../units';
import { interventionFacts, itemDoses } from '../../facts';
import { itemRule } from '../../types';
import { referenceAmount } from './amounts';

export const maxDoseIncommensurable = itemRule({
  code: 'max-dose-incommensurable',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A maximum dose is in a unit that cannot be compared with the doses (mL against mg, per kg against a fixed dose).' },
  kinds: ['InterventionBlock'],
  checkItem(iv, model, report, ctx) {
    const facts = interventionFacts(iv);
    for (const max of [facts.maxDose, facts.maxCumulativeDose]) {
      if (!max) continue;
      ctx.at(max.amount.range);
      const m = analyzeUnit(max.amount.unit.value);
      if (!m.code || !m.dimension?.isDoseAmount) continue; // a wrong kind of unit is unit-wrong-dimension's
      for (const { dose } of itemDoses(iv, model)) {
        const ref = referenceAmount(dose);
        if (!ref) continue;
        const perTimeCap = m.dimension.perTime;
        let code = ref.code;
        if (ref.daily && !perTimeCap) code = `(${code}).d`;
        if (!ref.daily && perTimeCap) continue; // a daily cap on single doses needs the frequency: not judged here
        const mCode = m.dimension.basis === 'weight' ? `(${m.code}).kg` : m.dimension.basis === 'surface' ? `(${m.code}).m2` : m.code;
        const d = analyzeUnit(dose.amount!.unit.value).dimension;
        // Per kg against per m²: not interconvertible (no body size turns one into the other).
        const basesDiffer = !!d?.basis && !!m.dimension.basis && d.basis !== m.dimension.basis;
        if (!basesDiffer && convert(1, code, mCode, { ignoreAnnotations: true, ignoreBasis: true }) !== null) continue;
        report(max.amount.unit.range, `the ${max.cumulative ? 'maximum cumulative dose' : 'maximum dose'} is in ${max.amount.unit.value} (a ${m.dimension.label}), which cannot be compared with the dose of ${dose.amount!.value.value} ${dose.amount!.unit.value}${d ? ` (a ${d.label})` : ''}: write the cap in the doses' kind of unit`, { unit: max.amount.unit.value });
        break;
      }
    }
  },
});
