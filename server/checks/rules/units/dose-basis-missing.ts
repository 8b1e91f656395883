import { statementsOf } from '../../../model';
import { allDoses } from '../../facts';
import { analyzeUnit } from '../../../units';
import type { Rule } from '../../types';
import { insertAfter } from '../../util';

export const doseBasisMissing: Rule = {
  code: 'dose-basis-missing',
  group: 'units',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A per-kg or per-m² dose has a declared maximum dose but no `basis weight|surface` saying which weight or surface to use.' },
  check(model, report, ctx) {
    for (const { dose, intervention } of allDoses(model)) {
      if (!intervention) continue;
      ctx.at(dose.amount.unit.range);
      const max = statementsOf(intervention, 'MaxDose')[0];
      if (!max) continue;
      const basis = analyzeUnit(dose.amount.unit.value).dimension?.basis;
      if (!basis) continue;
      if (statementsOf(intervention, 'Basis').some((b) => b.basis.value === basis)) continue;
      const what = basis === 'weight' ? 'body weight' : 'body surface area';
      const line = basis === 'weight' ? 'basis weight "actual body weight at screening"' : 'basis surface "body surface area at screening (Mosteller)"';
      report(
        dose.amount.unit.range,
        `this dose is per ${basis === 'weight' ? 'kg' : 'm²'} and ${intervention.id.value} has a maximum dose, but the protocol does not say which ${what} the dose is computed from. Add \`basis ${basis} "…"\`.`,
        { basis, fixes: [{ title: `Add 'basis ${basis} "…"'`, edits: [insertAfter(ctx.text, ctx.lines, max, line)], isPreferred: true }] },
      );
    }
  },
};
