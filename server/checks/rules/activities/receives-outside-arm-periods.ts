/**
 * `receives X in P` in an arm whose `periods` list does not include P: the arm says its participants
 * never go through P, and that they are given X in it. The schedule (dosing calendar, the period's
 * days) cannot place the intervention, and the registry's arm description built from it would be
 * wrong. An arm without a `periods` list goes through every period, so only a written list is read;
 * a period that is not declared at all is `name-undefined`'s.
 */
import { statementsOf } from '../../../model';
import { itemRule } from '../../types';

export const receivesOutsideArmPeriods = itemRule({
  code: 'receives-outside-arm-periods',
  group: 'schedule',
  defaultSeverity: 'error',
  doc: { summary: "An arm receives an intervention in a period that is not among the arm's `periods`." },
  kinds: ['ArmBlock'],
  checkItem(arm, _model, report, ctx) {
    const list = statementsOf(arm, 'ArmPeriods')[0];
    if (!list) return;
    const through = new Set(list.periods.map((p) => p.value));
    for (const r of statementsOf(arm, 'Receives')) {
      if (!r.period || through.has(r.period.value)) continue;
      ctx.at(r.period.range);
      report(r.period.range, `arm '${arm.id.value}' receives ${r.intervention.value} in period '${r.period.value}', but its \`periods\` (${list.periods.map((p) => p.value).join(', ')}) do not include it: add '${r.period.value}' to the arm's periods, or give the intervention in one of them`, {});
    }
  },
});
