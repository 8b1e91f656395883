import { measureDeps, measuredUnits, UNIT_ITEMS } from '../../facts';
import { itemRule } from '../../types';

export const unitNeedsMolecularWeight = itemRule({
  code: 'unit-needs-molecular-weight',
  group: 'units',
  defaultSeverity: 'warning',
  doc: { summary: 'A threshold is a mass where its measure is an amount of substance (or the reverse): comparing them needs the molecular weight.' },
  kinds: UNIT_ITEMS,
  deps: measureDeps,
  checkItem(item, model, report, ctx) {
    for (const { use: u, measure, comparison: c } of measuredUnits(item, model, (range) => ctx.at(range))) {
      if (c.status !== 'needs-molecular-weight' && c.status !== 'needs-charge') continue;
      report(
        u.unit.range,
        `'${u.unit.value}' and the unit of ${measure.id.value}, '${measure.unit.value}', convert only with the ${c.status === 'needs-charge' ? 'charge (and molecular weight)' : 'molecular weight'} of the substance (mass vs amount of substance, e.g. mg/g vs mg/mmol). Write the threshold in '${measure.unit.value}'.`,
        { unit: u.unit.value, measureUnit: measure.unit.value, measure: u.measure },
      );
    }
  },
});
