import { measureDeps, measuredUnits, UNIT_ITEMS } from '../../facts';
import { analyzeUnit } from '../../../units';
import { itemRule } from '../../types';

export const unitMeasureMismatch = itemRule({
  code: 'unit-measure-mismatch',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: "A threshold's unit cannot be compared with the unit declared for its measure." },
  kinds: UNIT_ITEMS,
  deps: measureDeps,
  checkItem(item, model, report, ctx) {
    for (const { use: u, measure, comparison: c } of measuredUnits(item, model, (range) => ctx.at(range))) {
      if (c.status === 'invalid' || c.status === 'needs-molecular-weight' || c.status === 'needs-charge') continue;
      const name = `${measure.label.value} (${measure.id.value})`;
      if (c.status === 'commensurable' && c.annotationsDiffer) {
        report(
          u.unit.range,
          `'${u.unit.value}' and the unit of ${name}, '${measure.unit.value}', differ in normalisation (${c.from} vs ${c.to}): a value per 1.73 m² body surface is not the same as an absolute value, even though the numbers convert 1:1.`,
          { unit: u.unit.value, measureUnit: measure.unit.value, measure: u.measure },
        );
      } else if (c.status !== 'commensurable' || c.basisDiffers) {
        report(
          u.unit.range,
          `'${u.unit.value}' cannot be compared with ${name}, which is measured in '${measure.unit.value}' (${u.analysis.dimension?.label ?? u.unit.value} vs ${compareUnitsLabel(measure.unit.value)}).`,
          { unit: u.unit.value, measureUnit: measure.unit.value, measure: u.measure },
        );
      }
    }
  },
});

function compareUnitsLabel(unit: string): string {
  return analyzeUnit(unit).dimension?.label ?? unit;
}
