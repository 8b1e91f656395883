/**
 * Comparator arm types against what the arm receives (registry definitions of ArmGroupType and
 * InterventionType, registry-format.md §3, §7a: "Drug (including placebo)", "Device (including
 * sham)"): a placebo comparator arm receives a placebo; a sham comparator arm receives a sham
 * (or placebo) procedure or device; an active comparator arm receives an active treatment, not
 * only placebo. An intervention is a placebo or sham by its names and description, the words the
 * registry records use ("Placebo", "matching placebo", "sham stimulation", "vehicle cream").
 * `no intervention` arms that receive something are `arm-no-intervention-receives`.
 */
import type * as A from '../../../../grammar/ast';
import { statementsOf, textStatements, type TrialModel } from '../../../model';
import { receivedInterventions } from '../../facts';
import { itemRule } from '../../types';
import { armType } from './arms-of';

const PLACEBO = /\b(placebos?|vehicle|dummy|inactive|inert|sugar pills?|saline|matching|simulated|sham)\b|\b(no|non|without)[ -]active\b/i;
const SHAM = /\b(sham|placebos?|simulated|dummy|inactive|mock|vehicle)\b/i;

/** The words of each intervention, kept per intervention object (a function of it only): arms share interventions. */
const wordsCache = new WeakMap<A.InterventionBlock, string>();

function words(iv: A.InterventionBlock): string {
  let w = wordsCache.get(iv);
  if (w === undefined) {
    w = computeWords(iv);
    wordsCache.set(iv, w);
  }
  return w;
}

function computeWords(iv: A.InterventionBlock): string {
  const texts = [iv.id.value, ...textStatements(iv, 'name').map((t) => t.text.value), ...textStatements(iv, 'otherName').map((t) => t.text.value), ...textStatements(iv, 'description').map((t) => t.text.value)];
  for (const d of statementsOf(iv, 'Dose')) if (d.amountText) texts.push(d.amountText.value);
  return texts.join(' ').replace(/_/g, ' ');
}

/** An intervention that its names, description or dose words call a placebo, vehicle, dummy or sham. */
export function looksLikePlacebo(iv: A.InterventionBlock): boolean {
  return PLACEBO.test(words(iv));
}

/** An intervention whose registry name is a placebo and nothing else ("Placebo", "Matching placebo tablets"). */
function isOnlyPlacebo(iv: A.InterventionBlock): boolean {
  const name = textStatements(iv, 'name')[0]?.text.value ?? iv.id.value.replace(/_/g, ' ');
  return /^\s*(matching\s+|matched\s+)?placebos?\b/i.test(name) && !/\b(plus|with|and)\b|\+|\//i.test(name);
}

function received(model: TrialModel, arm: A.ArmBlock): A.InterventionBlock[] {
  const out: A.InterventionBlock[] = [];
  for (const r of statementsOf(arm, 'Receives')) {
    const iv = model.interventions.get(r.intervention.value);
    if (iv) out.push(iv);
  }
  return out;
}

/**
 * Per arm: what an arm is told to be against what it receives depends on the arm and the
 * interventions it receives only, so it is an item rule with those interventions as its deps
 * (item-cache.ts): a keystroke in one arm or intervention checks that arm, or the arms receiving
 * that intervention, not every arm.
 */
export const comparatorArmReceives = itemRule({
  code: 'comparator-arm-receives',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'A placebo or sham comparator arm receives no placebo or sham; an active comparator arm receives only placebo.' },
  kinds: ['ArmBlock'],
  deps: (arm, model) => receivedInterventions(arm, model),
  checkItem(arm, model, report, ctx) {
    const type = armType(arm);
    if (type !== 'PLACEBO_COMPARATOR' && type !== 'SHAM_COMPARATOR' && type !== 'ACTIVE_COMPARATOR') return;
    const typeStmt = statementsOf(arm, 'Words').find((w) => w.field === 'armType')!;
    ctx.at(typeStmt.range);
    const ivs = received(model, arm);
    // An arm that receives nothing is arm-without-intervention's; an unknown name is name-undefined's.
    if (ivs.length === 0 || ivs.length < statementsOf(arm, 'Receives').length) return;
    const label = arm.id.value;
    if (type === 'PLACEBO_COMPARATOR' && !ivs.some(looksLikePlacebo)) {
      report(typeStmt.words.range, `arm '${label}' is a placebo comparator, but nothing it receives is a placebo (${ivs.map((i) => i.id.value).join(', ')}): give it the placebo, or use the arm type that says what it is (active comparator, other)`, { arm: label });
    } else if (type === 'SHAM_COMPARATOR' && !ivs.some((iv) => SHAM.test(words(iv)))) {
      report(typeStmt.words.range, `arm '${label}' is a sham comparator, but nothing it receives is a sham (${ivs.map((i) => i.id.value).join(', ')}): give it the sham procedure or device, or use the arm type that says what it is`, { arm: label });
    } else if (type === 'ACTIVE_COMPARATOR' && ivs.every(isOnlyPlacebo)) {
      report(typeStmt.words.range, `arm '${label}' is an active comparator, but it receives only placebo: use placebo comparator`, { arm: label });
    }
  },
});
