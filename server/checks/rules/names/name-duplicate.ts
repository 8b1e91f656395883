import type { Rule } from '../../types';

export const nameDuplicate: Rule = {
  code: 'name-duplicate',
  group: 'names',
  defaultSeverity: 'error',
  doc: { summary: 'Two measures, interventions, arms or visits have the same name.' },
  check(model, report, ctx) {
    for (const { first, duplicate } of model.duplicateDeclarations) {
      ctx.at(duplicate.nameRange);
      report(
        duplicate.nameRange,
        `there is already a ${first.kind} named '${first.name}' (line ${first.nameRange.start.line + 1}); every ${first.kind} needs its own name`,
        { kind: first.kind, name: first.name, first: first.nameRange },
      );
    }
  },
};
