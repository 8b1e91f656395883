import { itemRule } from '../../types';

export const US = /^(united states( of america)?|usa|us|u\.s\.(a\.)?)$/i;

export const siteUsWithoutState = itemRule({
  code: 'site-us-without-state',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A site in the United States does not give its state.' },
  kinds: ['SiteDecl'],
  checkItem(s, _model, report, ctx) {
    ctx.at(s.range);
    // The state first: most sites give one, and then the country needs no test.
    if ((s.state && s.state.value.trim() !== '') || !s.country || !US.test(s.country.value.trim())) return;
    report(s.country.range, 'the registry needs the state of a site in the United States: write `in "City", "State", "United States"`', {});
  },
});
