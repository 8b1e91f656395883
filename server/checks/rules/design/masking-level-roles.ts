/**
 * The masking level counts the parties masked (registry definitions: Single = one party, Double =
 * two, Triple = three, Quadruple = four; registry-format.md §3 DesignMasking and WhoMasked): a level
 * that disagrees with the roles listed contradicts itself. `none` with roles is
 * `masking-none-with-roles`.
 */
import { registryValue, statementsOf } from '../../../model';
import type { Rule } from '../../types';

const LEVELS: Record<string, number> = { SINGLE: 1, DOUBLE: 2, TRIPLE: 3, QUADRUPLE: 4 };
const WORDS = ['', 'single', 'double', 'triple', 'quadruple'];

export const maskingLevelRoles: Rule = {
  code: 'masking-level-roles',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'The masking level (single, double, triple, quadruple) does not match the number of masked roles listed.' },
  check(model, report, ctx) {
    for (const m of statementsOf(model.design, 'Masking')) {
      ctx.at(m.range);
      const level = registryValue(m.level.value, 'DesignMasking');
      const expected = level ? LEVELS[level] : undefined;
      if (expected === undefined || m.roles.length === 0) continue;
      const roles = new Set(m.roles.map((r) => registryValue(r.value, 'WhoMasked') ?? r.value));
      if (roles.size === expected) continue;
      const n = roles.size;
      const fixes = n >= 1 && n <= 4 ? [{ title: `Change to 'masking ${WORDS[n]}'`, edits: [{ range: m.level.range, newText: WORDS[n]! }], isPreferred: true }] : [];
      report(m.level.range, `masking ${m.level.value} means ${expected} masked ${expected === 1 ? 'party' : 'parties'}, but ${n} ${n === 1 ? 'role is' : 'different roles are'} listed: the level is the number of roles masked`, { expected, listed: n, fixes });
    }
  },
};
