import type * as A from '../../../../grammar/ast';
import { modelEditOf, textField, type TrialModel } from '../../../model';
import type { DocumentRule } from '../../types';

/** An arm's label and the value compared, per arm object (a function of the arm): an edit of one arm does not read every arm's statements again. */
const labels = new WeakMap<A.ArmBlock, { label: A.Located<string> | undefined; value: string }>();
function labelOf(arm: A.ArmBlock): { label: A.Located<string> | undefined; value: string } {
  let hit = labels.get(arm);
  if (!hit) {
    const label = textField(arm, 'label')?.text;
    hit = { label, value: (label?.value ?? arm.id.value).trim().toLowerCase() };
    labels.set(arm, hit);
  }
  return hit;
}

export const armLabelDuplicate: DocumentRule = {
  code: 'arm-label-duplicate',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'Two arms have the same label.' },
  reads: ['ArmBlock'],
  unchangedBy: sameLabels,
  check(model, report, ctx) {
    const seen = new Map<string, string>();
    for (const arm of model.arms.values()) {
      const { label, value } = labelOf(arm);
      const range = label?.range ?? arm.id.range;
      ctx.at(range);
      const first = seen.get(value);
      if (first !== undefined) {
        report(range, `arm '${first}' already has the label "${label?.value ?? arm.id.value}"; the registry needs a different label for each arm`, { arm: arm.id.value, other: first });
      } else seen.set(value, arm.id.value);
    }
  },
};

/**
 * Every arm the edit replaced has the label it had (compared as the rule compares them), so the
 * findings are those of the model before (same names, so the same arms in the same order; typing
 * in an arm's label changes it, and then every label is compared again).
 */
function sameLabels(model: TrialModel): boolean {
  const edit = modelEditOf(model);
  if (!edit) return false;
  for (let i = 0; i < edit.paired; i++) {
    const old = edit.removed[i]!;
    const now = edit.added[i]!;
    if (old.kind === 'ArmBlock' && (now.kind !== 'ArmBlock' || labelOf(old).value !== labelOf(now).value)) return false;
  }
  for (let i = edit.paired; i < edit.added.length; i++) if (edit.added[i]!.kind === 'ArmBlock') return false;
  for (let i = edit.paired; i < edit.removed.length; i++) if (edit.removed[i]!.kind === 'ArmBlock') return false;
  return true;
}
