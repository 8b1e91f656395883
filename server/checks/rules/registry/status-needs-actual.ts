import type * as A from '../../../../grammar/ast';
import { isPlaceholderWord, PLACEHOLDER } from '../../../../grammar/placeholder';
import { DATE_FIELD_NAMES as NAMES, statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';


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
    // `estimated` on an ended study is wrong: an error. Leaving the type unsaid is how older
    // registry records read (28 of the saved ones): PRSXSD has the date types optional, so no source
    // makes it an error, but the date of an ended study is known and the record no longer says so.
    const check = (what: string, value: A.Located<unknown>, type: A.Located<A.ActualOrEstimated> | undefined): void => {
      ctx.at(value.range);
      if (type?.value === 'actual') return;
      // The value written is an estimate (or of unknown type): marking it actual would assert what
      // the protocol does not say. The fix leaves a placeholder for the actual value (placeholder-value).
      const end = type?.range.end ?? value.range.end;
      const edit = { range: { start: value.range.start, end }, newText: `${PLACEHOLDER} actual` };
      const fixes = { fixes: [{ title: `Replace with '${PLACEHOLDER} actual' (a placeholder for the actual ${what})`, edits: [edit], isPreferred: true }] };
      if (type && what === 'enrollment') {
        // The registry holds completed records whose enrollment is still the estimate
        // (NCT00124774, NCT01945554) and no source makes it refuse one: a warning.
        report(type.range, `the study is ${words}, so its enrollment is known: write the actual number and mark it \`actual\` (the registry keeps an estimate, but it no longer describes the study)`, fixes, 'warning');
      } else if (type) {
        report(type.range, `the study is ${words}, so its ${what} is actual, not estimated: write the actual value and mark it \`actual\``, fixes);
      } else {
        report(value.range, `the study is ${words}, so its ${what} is known: check it and mark it \`actual\` (without a type the registry cannot show whether it is actual or estimated)`, fixes, 'warning');
      }
    };
    for (const e of statementsOf(model.trial, 'Enrollment')) if (e.count) check('enrollment', e.count, e.countType);
    for (const d of statementsOf(model.trial, 'Date')) if (!isPlaceholderWord(d.date.value)) check(NAMES[d.field], d.date, d.dateType);
  },
};
