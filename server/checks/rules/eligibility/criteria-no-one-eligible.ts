/**
 * Structured criteria on the same measure that together leave no one eligible: an inclusion and an
 * exclusion that cover the same values (`include egfr >= 30 …` with `exclude egfr >= 15 …`), or two
 * inclusions that do not overlap (`> 10` and `< 5`, or the range `7 to 10 %` and `> 12 %`; a range
 * includes both ends). Thresholds are compared in one unit through
 * UCUM (server/units). A protocol whose criteria admit no one contradicts itself (SPIRIT 2025
 * item on eligibility criteria, beyond-registry.md §6; registry QC: "Information here appears
 * inconsistent with information in other parts of the record", registry-format.md §7a).
 */
import type * as A from '../../../../grammar/ast';
import { criteriaGroupsOf, criteriaOf } from '../../../model';
import { convert, formatNumber } from '../../../units';
import { itemRule } from '../../types';
import { isHeading } from './headings';

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function intervalOf(cmp: A.Comparator, v: number): Interval {
  switch (cmp) {
    case '<': return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
    case '<=': return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
    case '>': return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
    case '>=': return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    case '=': return { lo: v, loOpen: false, hi: v, hiOpen: false };
  }
}

const isEmpty = (i: Interval): boolean => i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));

function intersect(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? a : a.lo < b.lo ? b : { lo: a.lo, loOpen: a.loOpen || b.loOpen };
  const hi = a.hi < b.hi ? a : a.hi > b.hi ? b : { hi: a.hi, hiOpen: a.hiOpen || b.hiOpen };
  return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
}

/** a minus b: at most two intervals. */
function subtract(a: Interval, b: Interval): Interval[] {
  if (isEmpty(intersect(a, b))) return [a];
  const out: Interval[] = [];
  const left: Interval = { lo: a.lo, loOpen: a.loOpen, hi: b.lo, hiOpen: !b.loOpen };
  const right: Interval = { lo: b.hi, loOpen: !b.hiOpen, hi: a.hi, hiOpen: a.hiOpen };
  if (b.lo !== -Infinity && !isEmpty(intersect(a, left))) out.push(intersect(a, left));
  if (b.hi !== Infinity && !isEmpty(intersect(a, right))) out.push(intersect(a, right));
  return out;
}

function describe(c: A.CriterionStmt): string {
  const low = c.low ? `${c.low.written ?? formatNumber(c.low.value)} to` : c.comparator!.value;
  return `${c.polarity.value} ${c.measure!.value} ${low} ${c.threshold!.value.written ?? formatNumber(c.threshold!.value.value)} ${c.threshold!.unit.value}`;
}

/** The values a criterion names, in `unit`; null when its unit does not convert (unit-measure-mismatch's). */
function valuesOf(c: A.CriterionStmt, unit: string): Interval | null {
  const inUnit = (v: number) => convert(v, c.threshold!.unit.value, unit, { ignoreAnnotations: true });
  const high = inUnit(c.threshold!.value.value);
  if (high === null) return null;
  if (!c.low) return intervalOf(c.comparator!.value, high);
  const low = inUnit(c.low.value);
  return low === null ? null : { lo: low, loOpen: false, hi: high, hiOpen: false };
}

export const criteriaNoOneEligible = itemRule({
  code: 'criteria-no-one-eligible',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'Criteria on the same measure contradict each other: together they leave no one eligible.' },
  kinds: ['EligibilityBlock'],
  deps: (block, model) => criteriaOf(block).map((c) => (c.measure ? model.measures.get(c.measure.value) : undefined)),
  checkItem(block, model, report, ctx) {
    // Criteria under different headings ("Patient Exclusion Criteria:", "Donor Inclusion Criteria:")
    // are different groups: registry texts often keep exclusions under such a heading in the
    // inclusion list. Only criteria of one group are combined.
    const byMeasure = new Map<string, A.CriterionStmt[]>();
    // Each population is a group of its own too.
    let group = 0;
    for (const c of criteriaGroupsOf(block).flatMap((g) => [undefined, ...g.criteria])) {
      if (!c || isHeading(c)) {
        group++;
        continue;
      }
      if (!c.measure || !(c.comparator || c.low) || !c.threshold) continue;
      const key = `${group}\u0000${c.measure.value}`;
      const list = byMeasure.get(key) ?? [];
      list.push(c);
      byMeasure.set(key, list);
    }
    for (const list of byMeasure.values()) {
      if (list.length < 2) continue;
      const measure = list[0]!.measure!.value;
      const unit = model.measures.get(measure)?.unit?.value ?? list[0]!.threshold!.unit.value;
      let allowed: Interval[] = [{ lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true }];
      const used: A.CriterionStmt[] = [];
      for (const c of list) {
        ctx.at(c.range);
        const range = valuesOf(c, unit);
        if (range === null || isEmpty(range)) continue; // a unit that does not fit is unit-measure-mismatch's, an empty range criterion-threshold-impossible's
        const next = c.polarity.value === 'include'
          ? allowed.map((a) => intersect(a, range)).filter((a) => !isEmpty(a))
          : allowed.flatMap((a) => subtract(a, range));
        used.push(c);
        if (next.length === 0) {
          const others = used.slice(0, -1).map(describe).join('; ');
          report(c.range, `no one is eligible: '${describe(c)}' leaves no value of ${measure} that the other criteria on it (${others}) allow`, { measure });
          break;
        }
        allowed = next;
      }
    }
  },
});
