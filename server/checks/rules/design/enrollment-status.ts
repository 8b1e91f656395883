/**
 * Enrollment against the overall status (registry definitions of EnrollmentType: ACTUAL once
 * enrollment is known, ESTIMATED before; registry-format.md §3, §7b): a study that has not started
 * recruiting cannot have enrolled anyone (error); one that is recruiting or enrolling by invitation
 * has not finished enrolling, so its total is not known yet (warning: "actual" then can only mean
 * the count so far, which the registry does not ask for; all 80 saved recruiting records give it
 * estimated). Completed and terminated studies needing `actual` is `status-needs-actual`; withdrawn
 * ones `withdrawn-enrollment`.
 */
import { statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

export const enrollmentStatusMismatch: Rule = {
  code: 'enrollment-status-mismatch',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A study that is not yet recruiting (error), or still recruiting (warning), gives an actual enrollment.' },
  check(model, report, ctx) {
    const status = overallStatus(model);
    if (status !== 'NOT_YET_RECRUITING' && status !== 'RECRUITING' && status !== 'ENROLLING_BY_INVITATION') return;
    const words = wordsField(model.trial, 'status')!.words.value;
    for (const e of statementsOf(model.trial, 'Enrollment')) {
      ctx.at(e.range);
      if (e.countType?.value !== 'actual' || !e.count) continue;
      const fixes = { fixes: [{ title: "Mark as 'estimated'", edits: [{ range: e.countType.range, newText: 'estimated' }], isPreferred: true }] };
      if (status === 'NOT_YET_RECRUITING') {
        if (e.count.value !== 0) report(e.countType.range, `the study is ${words}, so no one is enrolled yet: its enrollment is the anticipated number, \`estimated\``, fixes);
      } else {
        report(e.countType.range, `the study is ${words}, so its enrollment is not final yet: give the number it plans to enrol, marked \`estimated\` (\`actual\` is the total once enrollment has ended)`, fixes, 'warning');
      }
    }
  },
};
