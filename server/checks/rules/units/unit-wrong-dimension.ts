import { itemUnits, UNIT_ITEMS, type UnitPlace } from '../../facts';
import { itemRule } from '../../types';

const NEEDS: Partial<Record<UnitPlace, { test: 'dose' | 'time'; what: string }>> = {
  dose: { test: 'dose', what: 'a dose must be an amount (mass, volume, units or activity), optionally per kg or per m² and per time' },
  'max-dose': { test: 'dose', what: 'a maximum dose must be an amount (mass, volume, units or activity)' },
  age: { test: 'time', what: 'an age is a time (years, months, weeks, days)' },
  duration: { test: 'time', what: 'a duration is a time (days, weeks, months, years)' },
  interval: { test: 'time', what: 'a dosing interval is a time (h, days, weeks)' },
  'schedule-for': { test: 'time', what: 'how long a dose is given is a time (days, weeks, months) or a number of cycles' },
};

export const unitWrongDimension = itemRule({
  code: 'unit-wrong-dimension',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A unit has the wrong kind of quantity for its place: a dose that is not an amount, an age or duration that is not a time.' },
  kinds: UNIT_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const u of itemUnits(item)) {
      ctx.at(u.unit.range);
      const need = NEEDS[u.place];
      const d = u.analysis.dimension;
      if (!need || !d || u.analysis.traps.length > 0) continue;
      const ok = need.test === 'dose' ? d.isDoseAmount : d.isTime;
      if (ok) continue;
      report(u.unit.range, `'${u.unit.value}' is a ${d.label}, but ${need.what}.`, { unit: u.unit.value, place: u.place, found: d.label });
    }
  },
});
