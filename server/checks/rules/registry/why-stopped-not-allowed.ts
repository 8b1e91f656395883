import { textStatements, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';
import { deleteLines } from '../../util';
import { STOPPED } from './why-stopped-missing';

export const whyStoppedNotAllowed: Rule = {
  code: 'why-stopped-not-allowed',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A reason for stopping is given, but the study is not suspended, terminated or withdrawn.' },
  check(model, report, ctx) {
    const value = overallStatus(model);
    if (!value || STOPPED.has(value)) return;
    const status = wordsField(model.trial, 'status')!;
    for (const why of textStatements(model.trial, 'whyStopped')) {
      ctx.at(why.keyword);
      report(why.keyword, `the study is ${status.words.value}: a reason for stopping is only for suspended, terminated or withdrawn studies`, {
        fixes: [{ title: "Remove 'why stopped'", edits: [deleteLines(ctx.source, ctx.lines, why.range)], isPreferred: true }],
      });
    }
  },
};
