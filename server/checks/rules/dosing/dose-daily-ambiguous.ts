/**
 * A daily amount with a frequency of several administrations a day and no `in N divided doses`:
 * `dose 600 mg/d oral bid` may mean 600 mg a day given as 2 × 300 mg, or 600 mg twice a day. The
 * language reads it as the daily total, but a reader may not: say which. units-and-schedules.md §3.1
 * ("600 mg/day in 2 divided doses" → per-admin 300 mg × 2) and §3.2 (daily total = per-admin × per-day).
 * The quick fix writes `in N divided doses` with the frequency's count.
 */
import { analyzeUnit, formatNumber } from '../../../units';
import { perDay } from '../../facts';
import { itemRule } from '../../types';
import { DOSE_ITEMS, ownDoses } from '../schedule/days';

export const doseDailyAmbiguous = itemRule({
  code: 'dose-daily-ambiguous',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A daily amount has a frequency of several doses a day but no `in N divided doses`: is the amount per day or per dose?' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const dose of ownDoses(item)) {
      if (!dose.amount || dose.divided || !dose.frequency) continue;
      ctx.at(dose.amount.range);
      const a = analyzeUnit(dose.amount.unit.value);
      if (!a.code || !a.dimension?.isDoseAmount || !a.dimension.perTime || !/\/d$|\/\(24\.h\)$/.test(a.code)) continue;
      const n = perDay(dose);
      if (n === undefined || n <= 1 || !Number.isInteger(n)) continue;
      const amount = `${dose.amount.value.written ?? dose.amount.value.value} ${dose.amount.unit.value}`;
      const perDose = dose.amount.unit.value.replace(/\/(d|day|24\s*h|\(24\.h\))$/i, '');
      const each = `${formatNumber(Number((dose.amount.value.value / n).toPrecision(4)))} ${perDose}`;
      report(dose.amount.range, `${amount} is a daily amount, and this frequency gives ${n} doses a day: is it ${each} per dose (write \`in ${n} divided doses\`), or ${dose.amount.value.written ?? dose.amount.value.value} ${perDose} per dose (write the amount per dose)?`, {
        perDay: n,
        fixes: [{ title: `Add 'in ${n} divided doses'`, edits: [{ range: { start: dose.amount.range.end, end: dose.amount.range.end }, newText: ` in ${n} divided doses` }], isPreferred: true }],
      });
    }
  },
});
