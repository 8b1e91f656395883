/**
 * A second `lead` sponsor. The registry records one lead sponsor (API v2 `leadSponsor` is one
 * object; PRSXSD `sponsors/lead_sponsor` occurs once); the others are collaborators. The export
 * could only keep the first and drop the rest, so this is an error until the protocol says which.
 */
import { statementsOf } from '../../../model';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

export const leadSponsorRepeated = itemRule({
  code: 'lead-sponsor-repeated',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'More than one lead sponsor: the registry records one, the others are collaborators.' },
  kinds: ['SponsorsBlock'],
  checkItem(sponsors, _model, report, ctx) {
    const leads = statementsOf(sponsors, 'Sponsor').filter((s) => s.role.value === 'lead');
    const first = leads[0];
    for (const s of leads.slice(1)) {
      ctx.at(s.range);
      report(s.role.range, `"${s.name.value}" is a second lead sponsor after "${first!.name.value}": the registry records one lead sponsor; make the others collaborators`, {
        fixes: [replaceFix("Make it a 'collaborator'", s.role.range, 'collaborator')],
      });
    }
  },
});
