/**
 * Allocation against the arms (registry definitions of DesignAllocation, registry-format.md §3,
 * §7c): participants are randomized between arms, so a randomized study has two or more; `na` is
 * the registry's value for a single-arm study.
 */
import type { Rule } from '../../types';
import { designAllocation, isInterventional } from './arms-of';

export const allocationArmsMismatch: Rule = {
  code: 'allocation-arms-mismatch',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A randomized study has one arm, or a study with several arms gives allocation `na`.' },
  check(model, report, ctx) {
    const a = designAllocation(model);
    if (!a || !isInterventional(model)) return;
    ctx.at(a.stmt.range);
    const arms = model.arms.size;
    if (arms === 0) return;
    if (a.value === 'RANDOMIZED' && arms === 1) {
      report(a.stmt.words.range, 'a randomized study assigns participants to arms by chance, but the protocol has one arm: add the other arms, or use `allocation na` for a single-arm study', {
        fixes: [{ title: "Change to 'allocation na'", edits: [{ range: a.stmt.words.range, newText: 'na' }], isPreferred: false }],
      });
    } else if (a.value === 'NA' && arms > 1) {
      report(a.stmt.words.range, `allocation na is for single-arm studies, but the protocol has ${arms} arms: say whether they are randomized or non randomized`, {}, 'warning');
    }
  },
};
