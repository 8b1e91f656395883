import type { Rule } from '../../types';
import { closest, replaceFix } from '../../util';

const WHAT = { measure: 'measure', intervention: 'intervention', arm: 'arm', visit: 'visit', period: 'period' } as const;

export const nameUndefined: Rule = {
  code: 'name-undefined',
  group: 'names',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A name refers to a measure, intervention, arm, visit or period that is not declared.' },
  check(model, report, ctx) {
    // Declared names by kind, gathered once and only when a reference is undefined.
    let byKind: Map<string, string[]> | undefined;
    for (const ref of model.symbolReferences) {
      if (ref.declaration) continue;
      ctx.at(ref.range);
      if (!byKind) {
        byKind = new Map();
        for (const d of model.declarations) {
          const list = byKind.get(d.kind);
          if (list) list.push(d.name);
          else byKind.set(d.kind, [d.name]);
        }
      }
      const names = byKind.get(ref.kind) ?? [];
      const suggestion = closest(ref.name, names);
      const where = ref.kind === 'measure' ? ` Declare it with \`measure ${ref.name} "…" unit …\``
        : ref.kind === 'visit' ? ` Declare it in the schedule with \`visit ${ref.name} at day N\``
        : ref.kind === 'period' ? ` Declare it in the schedule with \`period ${ref.name} for N weeks\``
        : ` Declare it with \`${ref.kind} ${ref.name} { … }\``;
      report(
        ref.range,
        `'${ref.name}' is not a declared ${WHAT[ref.kind]}.${suggestion ? ` Did you mean '${suggestion}'?` : where + '.'}`,
        { kind: ref.kind, name: ref.name, ...(suggestion ? { fixes: [replaceFix(`Change to '${suggestion}'`, ref.range, suggestion)] } : {}) },
      );
    }
  },
};
