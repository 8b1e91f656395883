import { facts } from '../../facts';
import type { Rule } from '../../types';
import { replaceFix } from '../../util';

export const unitTrap: Rule = {
  code: 'unit-trap',
  group: 'units',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A unit is valid UCUM but means something else than it seems (`mL/min/1.73.m2`, `G/L`).' },
  check(model, report, ctx) {
    for (const u of facts(model).units) {
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
};
