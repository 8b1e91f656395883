/**
 * An eligibility age the registry cannot hold: it takes a whole number of years, months, weeks,
 * days, hours or minutes ("18 Years"; registry-format.md §2 eligibilityModule, OAS205 pattern).
 * Uses the exporter's own conversion (server/registry/age.ts). Ages in non-time units are
 * `unit-wrong-dimension`'s.
 */
import { statementsOf } from '../../../model';
import { registryAge } from '../../../registry/age';
import { timeUnitCode } from '../../../units';
import { itemRule } from '../../types';

export const ageNotWhole = itemRule({
  code: 'age-not-whole',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'An eligibility age is not a whole number of years, months, weeks, days, hours or minutes.' },
  kinds: ['EligibilityBlock'],
  checkItem(block, _model, report, ctx) {
    for (const a of statementsOf(block, 'Age')) {
      for (const q of [a.min, a.max]) {
        if (!q) continue;
        ctx.at(q.range);
        if (!timeUnitCode(q.unit.value)) continue;
        if (registryAge(q.value.value, q.unit.value) !== undefined) continue;
        const hint = q.value.value < 0 ? 'an age cannot be negative' : 'write it in a smaller unit (6 months rather than 0.5 years)';
        report(q.range, `the registry takes an age as a whole number of years, months, weeks, days, hours or minutes, not ${q.value.written ?? q.value.value} ${q.unit.value}: ${hint}`, {});
      }
    }
  },
});
