/**
 * An arm's sequence of periods in words, for its registry description. The registry has no field
 * for periods (a crossover is only `interventionModel: CROSSOVER` plus free text), so an arm that
 * receives interventions in given periods says which, in order:
 * "Sequence: screening (28 days); first (8 weeks): Breezolol; washout (14 days); second (8 weeks): Placebo."
 */
import type * as A from '../../grammar/ast';
import { armPeriods, statementsOf, textField, type TrialModel } from '../model';
import { formatNumber } from '../units';

function lengthWords(q: A.Quantity): string {
  const n = q.value.value;
  const unit = q.unit.value.toLowerCase().replace(/s$/, '');
  const words: Record<string, string> = { d: 'day', day: 'day', wk: 'week', week: 'week', mo: 'month', month: 'month', a: 'year', year: 'year' };
  const word = words[unit];
  return word ? `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}` : `${formatNumber(n)} ${q.unit.value}`;
}

/** The sentence, or undefined when the arm receives nothing in a particular period. */
export function renderArmSequence(model: TrialModel, arm: A.ArmBlock): string | undefined {
  const byPeriod = new Map<string, string[]>();
  for (const r of statementsOf(arm, 'Receives')) {
    if (!r.period) continue;
    const iv = model.interventions.get(r.intervention.value);
    const name = (iv && textField(iv, 'name')?.text.value) ?? r.intervention.value;
    byPeriod.set(r.period.value, [...(byPeriod.get(r.period.value) ?? []), name]);
  }
  if (byPeriod.size === 0) return undefined;
  const always = statementsOf(arm, 'Receives').filter((r) => !r.period).map((r) => {
    const iv = model.interventions.get(r.intervention.value);
    return (iv && textField(iv, 'name')?.text.value) ?? r.intervention.value;
  });
  const parts = armPeriods(model, arm).map((p) => {
    const given = [...(byPeriod.get(p.period.id.value) ?? []), ...(p.kind === 'treatment' || p.kind === 'extension' ? always : [])];
    const head = `${p.period.id.value.replace(/_/g, ' ')} (${lengthWords(p.period.length)})`;
    return given.length ? `${head}: ${given.join(' and ')}` : head;
  });
  return parts.length ? `Sequence: ${parts.join('; ')}.` : undefined;
}
