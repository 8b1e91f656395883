/**
 * The same site written twice: the same facility in the same city, state, country and postal code
 * (compared without case and spacing). The registry lists each facility once with its own status
 * and contacts (registry-format.md §3 locations[]); a repeated line is a copy, and the record would
 * show the site twice. A warning. None of the 210 saved records repeats a location.
 */
import type * as A from '../../../../grammar/ast';
import type { DocumentRule } from '../../types';
import { deleteLines, normalName } from '../../util';

/**
 * A site's place as compared, per site object (a function of the site): an edit replaces one site,
 * and the rule, which runs whenever a site is replaced, must not read every other site again.
 */
const places = new WeakMap<A.SiteDecl, string>();
function place(s: A.SiteDecl): string {
  let key = places.get(s);
  if (key === undefined) {
    key = `${normalName(s.facility.value)}\u0000${normalName(s.city?.value ?? '')}\u0000${normalName(s.state?.value ?? '')}\u0000${normalName(s.country?.value ?? '')}\u0000${normalName(s.zip?.value ?? '')}`;
    places.set(s, key);
  }
  return key;
}

export const siteDuplicate: DocumentRule = {
  code: 'site-duplicate',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'The same site (facility, city, state, country, postal code) is written twice.' },
  fixable: true,
  reads: ['SiteDecl'],
  check(model, report, ctx) {
    const first = new Map<string, A.SiteDecl>();
    for (const s of model.sites) {
      ctx.at(s.range);
      const key = place(s);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, s);
      else {
        report(s.facility.range, `"${s.facility.value}" in ${earlier.city?.value ?? 'the same place'} is already a site of this protocol: the registry lists each facility once`, {
          fixes: [{ title: 'Remove this repeated site', edits: [deleteLines(ctx.source, ctx.lines, s.range)], isPreferred: true }],
        });
      }
    }
  },
};
