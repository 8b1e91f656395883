import { textField } from '../../../model';
import type { Rule } from '../../types';

export const armLabelDuplicate: Rule = {
  code: 'arm-label-duplicate',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'Two arms have the same label.' },
  reads: ['ArmBlock'],
  check(model, report, ctx) {
    const seen = new Map<string, string>();
    for (const arm of model.arms.values()) {
      const label = textField(arm, 'label')?.text;
      const value = (label?.value ?? arm.id.value).trim().toLowerCase();
      const range = label?.range ?? arm.id.range;
      ctx.at(range);
      const first = seen.get(value);
      if (first !== undefined) {
        report(range, `arm '${first}' already has the label "${label?.value ?? arm.id.value}"; the registry needs a different label for each arm`, { arm: arm.id.value, other: first });
      } else seen.set(value, arm.id.value);
    }
  },
};
