import { itemUnits, UNIT_ITEMS } from '../../facts';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

export const unitTrap = itemRule({
  code: 'unit-trap',
  group: 'units',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A unit is valid UCUM but means something else than it seems (`mL/min/1.73.m2`, `G/L`).' },
  kinds: UNIT_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const u of itemUnits(item)) {
      ctx.at(u.unit.range);
      for (const trap of u.analysis.traps) {
        report(u.unit.range, trap.message, {
          unit: u.unit.value,
          trap: trap.kind,
          ...(trap.fix ? { fixes: [replaceFix(`Change to '${trap.fix}'`, u.unit.range, trap.fix)] } : {}),
        });
      }
    }
  },
});
