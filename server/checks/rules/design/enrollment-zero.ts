/**
 * An enrollment of 0 in a study that is not withdrawn. The registry's withdrawn status is the one
 * for a study "halted prematurely, prior to enrollment of its first participant" (registry
 * definitions of OverallStatus, registry-format.md §3), and a withdrawn study's enrollment is
 * `0 actual` (`withdrawn-enrollment`); every other study plans or has enrolled participants, so 0
 * is a number left out or mistyped, or a status that should be withdrawn (warning: it is the
 * writer's to say which). None of the 210 saved records has an enrollment of 0 and another status.
 */
import { statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import { itemRule } from '../../types';

export const enrollmentZero = itemRule({
  code: 'enrollment-zero',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'A study that is not withdrawn gives an enrollment of 0.' },
  kinds: ['TrialBlock'],
  checkItem(trial, model, report, ctx) {
    const status = overallStatus(model);
    if (status === 'WITHDRAWN') return;
    for (const e of statementsOf(trial, 'Enrollment')) {
      ctx.at(e.range);
      if (e.count?.value !== 0) continue;
      const words = status ? wordsField(trial, 'status')?.words.value : undefined;
      const study = words ? `this study is ${words}` : 'this study is not withdrawn';
      report(e.count.range, `an enrollment of 0 is a withdrawn study's (stopped before its first participant), but ${study}: give the number of participants it plans or has, or make the status \`withdrawn\``, {});
    }
  },
});
