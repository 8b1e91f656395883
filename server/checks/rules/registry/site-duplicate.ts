/**
 * The same site written twice: the same facility in the same city, state, country and postal code
 * (compared without case and spacing). The registry lists each facility once with its own status
 * and contacts (registry-format.md §3 locations[]); a repeated line is a copy, and the record would
 * show the site twice. A warning. None of the 210 saved records repeats a location.
 */
import type * as A from '../../../../grammar/ast';
import type { DocumentRule } from '../../types';
import { deleteLines, normalName } from '../../util';

function place(s: A.SiteDecl): string {
  return [s.facility, s.city, s.state, s.country, s.zip].map((x) => normalName(x?.value ?? '')).join('\u0000');
}

export const siteDuplicate: DocumentRule = {
  code: 'site-duplicate',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'The same site (facility, city, state, country, postal code) is written twice.' },
  fixable: true,
  reads: ['SiteDecl'],
  namesLines: true,
  check(model, report, ctx) {
    const first = new Map<string, A.SiteDecl>();
    for (const s of model.sites) {
      ctx.at(s.range);
      const key = place(s);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, s);
      else {
        report(s.facility.range, `"${s.facility.value}" is already a site on line ${earlier.range.start.line + 1}, in the same place: the registry lists each facility once`, {
          fixes: [{ title: 'Remove this repeated site', edits: [deleteLines(ctx.source, ctx.lines, s.range)], isPreferred: true }],
        });
      }
    }
  },
};
