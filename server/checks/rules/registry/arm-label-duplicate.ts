import type * as A from '../../../../grammar/ast';
import { textField } from '../../../model';
import type { Rule } from '../../types';

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

export const armLabelDuplicate: Rule = {
  code: 'arm-label-duplicate',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'Two arms have the same label.' },
  reads: ['ArmBlock'],
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
