import { registryValue, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

export const siteRecruitingMismatch: Rule = {
  code: 'site-recruiting-mismatch',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A site is recruiting while the study as a whole is not.' },
  check(model, report, ctx) {
    const overall = overallStatus(model);
    if (!overall || overall === 'RECRUITING') return;
    const words = wordsField(model.trial, 'status')!.words.value;
    for (const s of model.sites) {
      if (!s.status) continue;
      ctx.at(s.status.range);
      if (registryValue(s.status.value, 'RecruitmentStatus') !== 'RECRUITING') continue;
      report(s.status.range, `this site is recruiting, but the study's status is ${words}; when any site recruits, the study is recruiting`, { overall });
    }
  },
};
