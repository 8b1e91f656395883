import { PLACEHOLDER } from '../../../../grammar/placeholder';
import { statementsOf } from '../../../model';
import { interventionFacts, itemDoses, receivedInterventions } from '../../facts';
import { analyzeUnit } from '../../../units';
import { itemRule } from '../../types';
import { insertAfter } from '../../util';

export const doseBasisMissing = itemRule({
  code: 'dose-basis-missing',
  group: 'units',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A per-kg or per-m² dose has a declared maximum dose but no `basis weight|surface` saying which weight or surface to use.' },
  kinds: ['InterventionBlock', 'ArmBlock'],
  deps: (item, model) => (item.kind === 'ArmBlock' ? receivedInterventions(item, model) : []),
  checkItem(item, model, report, ctx) {
    for (const { dose, intervention } of itemDoses(item, model)) {
      if (!intervention || !dose.amount) continue;
      const amount = dose.amount;
      ctx.at(amount.unit.range);
      const max = interventionFacts(intervention).maxDose;
      if (!max) continue;
      const basis = analyzeUnit(amount.unit.value).dimension?.basis;
      if (!basis) continue;
      if (statementsOf(intervention, 'Basis').some((b) => b.basis.value === basis)) continue;
      const what = basis === 'weight' ? 'body weight' : 'body surface area';
      // Which weight or surface (actual, ideal, at screening, the formula) only the protocol can say:
      // the fix writes a placeholder text (placeholder-value), not a guess such as "actual body weight".
      const line = `basis ${basis} "${PLACEHOLDER}"`;
      report(
        amount.unit.range,
        `this dose is per ${basis === 'weight' ? 'kg' : 'm²'} and ${intervention.id.value} has a maximum dose, but the protocol does not say which ${what} the dose is computed from. Add \`basis ${basis} "…"\`.`,
        { basis, fixes: [{ title: `Add 'basis ${basis} "…"'`, edits: [insertAfter(ctx.source, ctx.lines, max, line)], isPreferred: true }] },
      );
    }
  },
});
