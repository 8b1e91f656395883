import type { SymbolDeclaration } from '../../../model';
import type { Rule } from '../../types';
import { closest, replaceFix } from '../../util';

/**
 * Suggestions by kind and name, per declarations list: an incremental model keeps the list while
 * no name is added or removed, so an undefined name is not compared with every name per keystroke.
 */
const suggestions = new WeakMap<readonly SymbolDeclaration[], Map<string, string | undefined>>();

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
    let known = suggestions.get(model.declarations);
    for (const ref of model.unresolvedReferences) {
      ctx.at(ref.range);
      const key = `${ref.kind} ${ref.name}`;
      if (!known) suggestions.set(model.declarations, (known = new Map()));
      let suggestion = known.get(key);
      if (suggestion === undefined && !known.has(key)) {
        if (!byKind) {
          byKind = new Map();
          for (const d of model.declarations) {
            const list = byKind.get(d.kind);
            if (list) list.push(d.name);
            else byKind.set(d.kind, [d.name]);
          }
        }
        suggestion = closest(ref.name, byKind.get(ref.kind) ?? []);
        known.set(key, suggestion);
      }
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
