import { statementsOf } from '../../../model';
import type { Rule } from '../../types';
import { armType } from './arms';

export const armWithoutIntervention: Rule = {
  code: 'arm-without-intervention',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'An arm (other than a no-intervention arm) receives no intervention.' },
  check(model, report, ctx) {
    for (const arm of model.arms.values()) {
      ctx.at(arm.id.range);
      if (armType(arm) === 'NO_INTERVENTION' || statementsOf(arm, 'Receives').length > 0) continue;
      report(arm.id.range, `arm '${arm.id.value}' receives no intervention; add \`receives …\`, or give it \`type no intervention\``, { arm: arm.id.value });
    }
  },
};
