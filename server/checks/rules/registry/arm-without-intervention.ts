import { statementsOf } from '../../../model';
import { itemRule } from '../../types';
import { armType } from './arms';

export const armWithoutIntervention = itemRule({
  code: 'arm-without-intervention',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'An arm (other than a no-intervention arm) receives no intervention.' },
  kinds: ['ArmBlock'],
  checkItem(arm, _model, report, ctx) {
    ctx.at(arm.id.range);
    // An observational group is observed, not assigned: it may have no exposure at all.
    if (arm.group) return;
    if (armType(arm) === 'NO_INTERVENTION' || statementsOf(arm, 'Receives').length > 0) return;
    report(arm.id.range, `arm '${arm.id.value}' receives no intervention; add \`receives …\`, or give it \`type no intervention\``, { arm: arm.id.value });
  },
});
