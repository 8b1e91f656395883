import { statementsOf } from '../../../model';
import { itemRule } from '../../types';
import { deleteLines } from '../../util';
import { armType } from './arms';

export const armNoInterventionReceives = itemRule({
  code: 'arm-no-intervention-receives',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'An arm of type `no intervention` receives an intervention.' },
  kinds: ['ArmBlock'],
  checkItem(arm, _model, report, ctx) {
    if (armType(arm) !== 'NO_INTERVENTION') return;
    for (const r of statementsOf(arm, 'Receives')) {
      ctx.at(r.intervention.range);
      report(r.intervention.range, `arm '${arm.id.value}' is a no-intervention arm, so it cannot receive ${r.intervention.value}; change its type or remove this line`, {
        arm: arm.id.value,
        fixes: [{ title: `Remove 'receives ${r.intervention.value}'`, edits: [deleteLines(ctx.source, ctx.lines, r.range)], isPreferred: true }],
      });
    }
  },
});
