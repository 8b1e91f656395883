/**
 * A `numbered "…"` that is not a number marker (docs/language.md, the layout of the criteria text):
 * on a list, the export cannot count from it and writes 1. 2. 3. … instead; on a criterion, the
 * marker is written as given but counts for nothing, so it is a bullet (the quick fix says so).
 * Layout only — the criteria mean the same — hence a warning.
 */
import type * as A from '../../../../grammar/ast';
import { criteriaOf, statementsOf } from '../../../model';
import { readNumberMarker } from '../../../wording/render-criteria';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

const FORMS = '1., 1), (1), a., a) or A.';

export const criteriaNumberForm = itemRule({
  code: 'criteria-number-form',
  group: 'registry',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A `numbered "…"` of the criteria text is not a number marker (1., 1), (1), a., a), A.).' },
  kinds: ['EligibilityBlock'],
  checkItem(block, _model, report, ctx) {
    const lists: A.CriteriaListStmt[] = [...statementsOf(block, 'CriteriaList')];
    for (const p of statementsOf(block, 'Population')) for (const s of p.statements) if (s.kind === 'CriteriaList') lists.push(s);
    for (const l of lists) {
      if (!l.firstNumber || readNumberMarker(l.firstNumber.value) !== undefined) continue;
      ctx.at(l.firstNumber.range);
      report(l.firstNumber.range, `"${l.firstNumber.value}" is not a number to count from: write the first number as ${FORMS}; as it stands the list is written 1. 2. 3. …`, {});
    }
    for (const c of criteriaOf(block)) {
      const m = c.marker;
      if (!m?.numbered || readNumberMarker(m.written.value) !== undefined) continue;
      ctx.at(m.written.range);
      const fixes = m.keyword ? [replaceFix(`Write it as a bullet: bullet "${m.written.value}"`, m.keyword, 'bullet')] : [];
      report(m.written.range, `"${m.written.value}" is not a number marker (${FORMS}): it is written as given and not counted; write \`bullet "${m.written.value}"\` for a marker that is not a number`, { fixes });
    }
  },
});
