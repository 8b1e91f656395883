import { statementsOf } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

export const withdrawnEnrollment: Rule = {
  code: 'withdrawn-enrollment',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A withdrawn study (stopped before its first participant) has an enrollment other than `0 actual`.' },
  check(model, report, ctx) {
    if (overallStatus(model) !== 'WITHDRAWN') return;
    for (const e of statementsOf(model.trial, 'Enrollment')) {
      ctx.at(e.range);
      if (!e.count) continue; // `enrollment TODO`: placeholder-value
      if (e.count.value === 0 && e.countType?.value === 'actual') continue;
      const range = e.count.value !== 0 ? e.count.range : (e.countType?.range ?? e.count.range);
      report(range, 'a withdrawn study stopped before enrolling its first participant: its enrollment is `0 actual`', {
        fixes: [{ title: "Change to 'enrollment 0 actual'", edits: [{ range: e.range, newText: 'enrollment 0 actual' }], isPreferred: true }],
      });
    }
  },
};
