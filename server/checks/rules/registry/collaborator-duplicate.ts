/**
 * A collaborator named twice, or the lead sponsor named again as a collaborator (names compared
 * without case and spacing). The registry's collaborators are the organizations "other than the
 * lead sponsor" that support the study (registry definitions of collaborators, registry-format.md
 * §3 sponsorCollaboratorsModule): a repeated name is a line copied twice or a sponsor moved to
 * lead and left behind. A warning. None of the 210 saved records repeats one.
 */
import { statementsOf } from '../../../model';
import { itemRule } from '../../types';
import { deleteLines, normalName } from '../../util';

export const collaboratorDuplicate = itemRule({
  code: 'collaborator-duplicate',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'A collaborator is named twice, or is the lead sponsor.' },
  fixable: true,
  kinds: ['SponsorsBlock'],
  checkItem(sponsors, _model, report, ctx) {
    const all = statementsOf(sponsors, 'Sponsor');
    const lead = all.find((s) => s.role.value === 'lead');
    const leadName = lead ? normalName(lead.name.value) : undefined;
    const seen = new Set<string>();
    for (const s of all) {
      if (s.role.value !== 'collaborator') continue;
      ctx.at(s.name.range);
      const name = normalName(s.name.value);
      const fixes = [{ title: 'Remove this collaborator', edits: [deleteLines(ctx.source, ctx.lines, s.range)], isPreferred: true }];
      if (name === leadName) {
        report(s.name.range, `"${s.name.value}" is the lead sponsor: collaborators are the other organizations that support the study`, { fixes });
      } else if (seen.has(name)) {
        report(s.name.range, `"${s.name.value}" is already a collaborator`, { fixes });
      }
      seen.add(name);
    }
  },
});
