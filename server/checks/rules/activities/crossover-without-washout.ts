import type * as A from '../../../../grammar/ast';
import { armPeriods, registryValue, statementsOf, studyCalendar, type PeriodSpan, type TrialModel } from '../../../model';
import type { Rule } from '../../types';

/** Whether the design is a crossover: `model crossover`, or an arm that receives different interventions in different periods. */
function isCrossover(model: TrialModel): boolean {
  const m = model.design?.statements.find((s): s is A.ModelStmt => s.kind === 'Model');
  if (m && registryValue(m.model.value, 'InterventionalAssignment') === 'CROSSOVER') return true;
  for (const arm of model.arms.values()) {
    const byPeriod = new Set(statementsOf(arm, 'Receives').filter((r) => r.period).map((r) => r.period!.value));
    if (byPeriod.size >= 2) return true;
  }
  return false;
}

export const crossoverWithoutWashout: Rule = {
  code: 'crossover-without-washout',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'In a crossover, one treatment period follows another with no washout period between them.' },
  check(model, report, ctx) {
    if (model.periods.size < 2 || !isCrossover(model)) return;
    const sequences: PeriodSpan[][] = model.arms.size ? [...model.arms.values()].map((arm) => armPeriods(model, arm)) : [studyCalendar(model).periods];
    const reported = new Set<A.PeriodStmt>();
    for (const sequence of sequences) {
      for (let i = 1; i < sequence.length; i++) {
        const previous = sequence[i - 1]!;
        const current = sequence[i]!;
        if (previous.kind !== 'treatment' || current.kind !== 'treatment' || reported.has(current.period)) continue;
        reported.add(current.period);
        ctx.at(current.period.id.range);
        report(current.period.id.range, `treatment period '${current.period.id.value}' follows '${previous.period.id.value}' with no washout: the effect of the first treatment carries over into the second; add \`period washout for …\` between them`);
      }
    }
  },
};
