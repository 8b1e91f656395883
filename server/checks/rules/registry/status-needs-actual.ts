import type * as A from '../../../../grammar/ast';
import { statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

const NAMES: Record<A.DateField, string> = { start: 'start date', primaryCompletion: 'primary completion date', completion: 'completion date' };

export const statusNeedsActual: Rule = {
  code: 'status-needs-actual',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A completed or terminated study gives an estimated (not actual) enrollment or date.' },
  check(model, report, ctx) {
    const status = overallStatus(model);
    if (status !== 'COMPLETED' && status !== 'TERMINATED') return;
    const words = wordsField(model.trial, 'status')!.words.value;
    // Unmarked counts as not actual too (older registry records leave the type unsaid: the
    // importer's record tests list those as the records' real problems).
    const check = (what: string, value: A.Located<unknown>, type: A.Located<A.ActualOrEstimated> | undefined): void => {
      ctx.at(value.range);
      if (type?.value === 'actual') return;
      const edit = type ? { range: type.range, newText: 'actual' } : { range: { start: value.range.end, end: value.range.end }, newText: ' actual' };
      report(type?.range ?? value.range, `the study is ${words}, so its ${what} is actual, not ${type ? 'estimated' : 'left unsaid'}: write the actual value and mark it \`actual\``, {
        fixes: [{ title: "Mark as 'actual'", edits: [edit], isPreferred: true }],
      });
    };
    for (const e of statementsOf(model.trial, 'Enrollment')) check('enrollment', e.count, e.countType);
    for (const d of statementsOf(model.trial, 'Date')) check(NAMES[d.field], d.date, d.dateType);
  },
};
