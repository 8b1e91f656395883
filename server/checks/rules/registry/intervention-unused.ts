import { armsReceiving } from '../../../model';
import type { Rule } from '../../types';

export const interventionUnused: Rule = {
  code: 'intervention-unused',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'An intervention is not given in any arm.' },
  check(model, report, ctx) {
    if (model.arms.size === 0) return;
    for (const iv of model.interventions.values()) {
      ctx.at(iv.id.range);
      if (armsReceiving(model, iv.id.value).length > 0) continue;
      report(iv.id.range, `no arm receives ${iv.id.value}; the registry links every intervention to at least one arm (add \`receives ${iv.id.value}\` to an arm)`, { intervention: iv.id.value });
    }
  },
};
