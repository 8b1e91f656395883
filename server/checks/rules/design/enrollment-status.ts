/**
 * Enrollment against the overall status (registry definitions of EnrollmentType: ACTUAL once
 * enrollment is known, ESTIMATED before; registry-format.md §3, §7b): a study that has not started
 * recruiting cannot have enrolled anyone. Completed and terminated studies needing `actual` is
 * `status-needs-actual`; withdrawn ones `withdrawn-enrollment`.
 */
import { statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

export const enrollmentStatusMismatch: Rule = {
  code: 'enrollment-status-mismatch',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A study that is not yet recruiting gives an actual enrollment.' },
  check(model, report, ctx) {
    if (overallStatus(model) !== 'NOT_YET_RECRUITING') return;
    const words = wordsField(model.trial, 'status')!.words.value;
    for (const e of statementsOf(model.trial, 'Enrollment')) {
      ctx.at(e.range);
      if (e.countType?.value !== 'actual' || !e.count || e.count.value === 0) continue;
      report(e.countType.range, `the study is ${words}, so no one is enrolled yet: its enrollment is the anticipated number, \`estimated\``, {
        fixes: [{ title: "Mark as 'estimated'", edits: [{ range: e.countType.range, newText: 'estimated' }], isPreferred: true }],
      });
    }
  },
};
