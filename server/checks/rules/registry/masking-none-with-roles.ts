import { registryValue, statementsOf } from '../../../model';
import type { Rule } from '../../types';

export const maskingNoneWithRoles: Rule = {
  code: 'masking-none-with-roles',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'Masking is `none` (open label) but masked roles are listed.' },
  check(model, report, ctx) {
    for (const m of statementsOf(model.design, 'Masking')) {
      ctx.at(m.range);
      if (registryValue(m.level.value, 'DesignMasking') !== 'NONE' || m.roles.length === 0) continue;
      const range = { start: m.roles[0]!.range.start, end: m.roles[m.roles.length - 1]!.range.end };
      report(range, 'masking is none (open label), so no one is masked: remove the roles, or give the masking level', {
        fixes: [{ title: 'Remove the masked roles', edits: [{ range: { start: m.level.range.end, end: range.end }, newText: '' }], isPreferred: true }],
      });
    }
  },
};
