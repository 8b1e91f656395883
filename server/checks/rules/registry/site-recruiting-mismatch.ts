import { registryValue, wordsField } from '../../../model';
import { overallStatus, trialStatus } from '../../facts';
import { itemRule } from '../../types';

export const siteRecruitingMismatch = itemRule({
  code: 'site-recruiting-mismatch',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A site is recruiting while the study as a whole is not.' },
  kinds: ['SiteDecl'],
  facts: (model) => [overallStatus(model), wordsField(model.trial, 'status')?.words.value],
  checkItem(s, model, report, ctx) {
    const { status: overall, words } = trialStatus(model.trial);
    // UNKNOWN is set by the registry, not the writer, when a study's status has not been verified
    // for two years: its sites keep their last known status (often recruiting), which the study's
    // own last known status matched; there is nothing to correct in the protocol.
    if (!overall || overall === 'RECRUITING' || overall === 'UNKNOWN') return;
    if (!s.status) return;
    ctx.at(s.status.range);
    if (registryValue(s.status.value, 'RecruitmentStatus') !== 'RECRUITING') return;
    report(s.status.range, `this site is recruiting, but the study's status is ${words}; when any site recruits, the study is recruiting`, { overall });
  },
});
