import { textField, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';
import { insertAfter } from '../../util';

export const STOPPED = new Set(['SUSPENDED', 'TERMINATED', 'WITHDRAWN']);

export const whyStoppedMissing: Rule = {
  code: 'why-stopped-missing',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A suspended, terminated or withdrawn study does not say why it stopped.' },
  check(model, report, ctx) {
    const status = wordsField(model.trial, 'status');
    const value = overallStatus(model);
    if (!status || !value || !STOPPED.has(value)) return;
    ctx.at(status.words.range);
    const why = textField(model.trial, 'whyStopped');
    if (why && why.text.value.trim() !== '') return;
    report(status.words.range, `the study is ${status.words.value}, so the registry needs the reason it stopped: add \`why stopped "…"\``, {
      fixes: [{ title: "Add 'why stopped \"…\"'", edits: [insertAfter(ctx.source, ctx.lines, status, 'why stopped "TODO"')], isPreferred: true }],
    });
  },
};
