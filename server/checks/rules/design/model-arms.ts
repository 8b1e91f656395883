/**
 * The intervention model against the arms (registry definitions of InterventionalAssignment,
 * registry-format.md §3, §7c): a single-group study has one arm; parallel, crossover and factorial
 * designs compare two or more; a factorial design crosses at least two interventions.
 */
import { statementsOf } from '../../../model';
import type { Rule } from '../../types';
import { designModel, isInterventional } from './arms-of';

export const modelArmsMismatch: Rule = {
  code: 'model-arms-mismatch',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'The intervention model does not fit the arms: single group with several arms, a comparison design with one arm.' },
  check(model, report, ctx) {
    const m = designModel(model);
    if (!m || !isInterventional(model)) return;
    ctx.at(m.stmt.range);
    const arms = model.arms.size;
    if (arms === 0) return;
    const range = m.stmt.model.range;
    if (m.value === 'SINGLE_GROUP' && arms > 1) {
      report(range, `the model is single group (the registry's model for a study with a single arm), but the protocol has ${arms} arms: use parallel, crossover, factorial or sequential, or merge the arms`, { arms });
    } else if ((m.value === 'PARALLEL' || m.value === 'CROSSOVER' || m.value === 'FACTORIAL') && arms === 1) {
      report(range, `a ${m.stmt.model.value} design compares groups, but the protocol has one arm: use single group, or add the other arms`, { arms });
    } else if (m.value === 'FACTORIAL') {
      const interventions = new Set<string>();
      for (const arm of model.arms.values()) for (const r of statementsOf(arm, 'Receives')) interventions.add(r.intervention.value);
      if (interventions.size < 2) report(range, 'a factorial design crosses two or more interventions, but the arms receive at most one', { interventions: interventions.size });
    }
  },
};
