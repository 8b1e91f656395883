import { facts } from '../../facts';
import { itemRule } from '../../types';

export const interventionUnused = itemRule({
  code: 'intervention-unused',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'An intervention is not given in any arm.' },
  kinds: ['InterventionBlock'],
  facts: (model) => [model.arms.size === 0],
  deps: (iv, model) => [facts(model).receivers.has(iv.id.value)],
  checkItem(iv, model, report, ctx) {
    if (model.arms.size === 0) return;
    ctx.at(iv.id.range);
    if (facts(model).receivers.has(iv.id.value)) return;
    report(iv.id.range, `no arm receives ${iv.id.value}; the registry links every intervention to at least one arm (add \`receives ${iv.id.value}\` to an arm)`, { intervention: iv.id.value });
  },
});
