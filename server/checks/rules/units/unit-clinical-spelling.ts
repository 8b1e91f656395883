import { itemUnits, UNIT_ITEMS } from '../../facts';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

/** Time words are the language's own words for durations and ages: never reported. */
const TIME_WORD = /^(days?|weeks?|months?|years?|hours?|minutes?)$/i;

export const unitClinicalSpelling = itemRule({
  code: 'unit-clinical-spelling',
  group: 'units',
  defaultSeverity: 'information',
  fixable: true,
  doc: { summary: 'A unit is written the way clinicians write it; it is accepted, and the UCUM code it means is shown.' },
  kinds: UNIT_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const u of itemUnits(item)) {
      ctx.at(u.unit.range);
      const a = u.analysis;
      if (a.status !== 'clinical-spelling' || !a.code || TIME_WORD.test(u.unit.value.trim())) continue;
      report(
        u.unit.range,
        `'${u.unit.value}' is read as the UCUM unit '${a.code}'${a.name ? ` (${a.name})` : ''}.`,
        { unit: u.unit.value, ucum: a.code, fixes: [replaceFix(`Write '${a.code}'`, u.unit.range, a.code)] },
      );
    }
  },
});
