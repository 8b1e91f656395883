/**
 * The same criterion written twice (the same words, or the same measure, comparator and threshold):
 * a copy-paste left in. With the same polarity it is redundant (warning; the quick fix deletes the
 * copy); as both an inclusion and an exclusion it contradicts itself (error). Registry QC asks
 * for criteria that are consistent (registry-format.md §7a); SPIRIT 2025 item on eligibility
 * (beyond-registry.md §6). Criteria under different headings are not compared (see isHeading), nor
 * criteria of different populations (`population "…" { … }`).
 */
import type * as A from '../../../../grammar/ast';
import { criteriaGroupsOf } from '../../../model';
import { itemRule } from '../../types';
import { deleteLines } from '../../util';
import { isHeading } from './headings';

function key(c: A.CriterionStmt): string | undefined {
  if (c.measure && (c.comparator || c.low) && c.threshold) {
    return `m:${c.measure.value}${c.comparator?.value ?? `${c.low!.value} to `}${c.threshold.value.value} ${c.threshold.unit.value}|${(c.note?.value ?? '').toLowerCase().replace(/\W+/g, ' ').trim()}`;
  }
  const t = c.text?.value.toLowerCase().replace(/[^\p{L}\p{N}<>=≤≥%]+/gu, ' ').trim();
  return t && t.length > 0 ? `t:${t}` : undefined;
}

export const criterionDuplicate = itemRule({
  code: 'criterion-duplicate',
  group: 'registry',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A criterion is written twice; as both an inclusion and an exclusion it contradicts itself.' },
  kinds: ['EligibilityBlock'],
  // The message names the first criterion's line.
  namesLines: true,
  checkItem(block, _model, report, ctx) {
    // Each population is its own group (undefined starts one): the same criterion rightly appears in two populations.
    let seen = new Map<string, A.CriterionStmt>();
    for (const c of criteriaGroupsOf(block).flatMap((g) => [undefined, ...g.criteria])) {
      if (c) ctx.at(c.range);
      if (!c || isHeading(c)) {
        seen = new Map();
        continue;
      }
      const k = key(c);
      if (!k) continue;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, c);
        continue;
      }
      const line = first.range.start.line + 1;
      if (first.polarity.value === c.polarity.value) {
        report(c.range, `this criterion repeats the ${c.polarity.value === 'include' ? 'inclusion' : 'exclusion'} criterion on line ${line}`, {
          fixes: [{ title: 'Delete the repeated criterion', edits: [deleteLines(ctx.source, ctx.lines, c.range)], isPreferred: true }],
        });
      } else {
        report(c.range, `the same criterion is an ${first.polarity.value === 'include' ? 'inclusion' : 'exclusion'} on line ${line} and an ${c.polarity.value === 'include' ? 'inclusion' : 'exclusion'} here: no one can meet both`, {}, 'error');
      }
    }
  },
});
