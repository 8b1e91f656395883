import type { Rule } from '../../types';

export const US = /^(united states( of america)?|usa|us|u\.s\.(a\.)?)$/i;

export const siteUsWithoutState: Rule = {
  code: 'site-us-without-state',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A site in the United States does not give its state.' },
  check(model, report, ctx) {
    for (const s of model.sites) {
      ctx.at(s.range);
      if (!s.country || !US.test(s.country.value.trim()) || (s.state && s.state.value.trim() !== '')) continue;
      report(s.country.range, 'the registry needs the state of a site in the United States: write `in "City", "State", "United States"`', {});
    }
  },
};
