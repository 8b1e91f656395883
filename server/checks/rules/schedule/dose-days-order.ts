import { DOSE_ITEMS, ownDoses } from './days';
import { itemRule } from '../../types';

export const doseDaysOrder = itemRule({
  code: 'dose-days-order',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'The days of one dose schedule are not in increasing order (or `to day` comes before `from day`).' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const dose of ownDoses(item)) {
      const s = dose.schedule;
      if (!s) continue;
      ctx.at(s.range);
      const days = s.days;
      for (let i = 1; i < days.length; i++) {
        if (days[i]!.value < days[i - 1]!.value) {
          const sorted = days.map((d) => d.value).sort((a, b) => a - b);
          report(days[i]!.range, `day ${days[i]!.value} comes after day ${days[i - 1]!.value} in this schedule; list the days in the order they happen`, {
            fixes: [{ title: 'Sort the days', edits: days.map((d, k) => ({ range: d.range, newText: String(sorted[k]) })), isPreferred: true }],
          });
          break;
        }
      }
      if (s.from && s.to && s.to.value < s.from.value) {
        report(s.to.range, `the dosing ends on day ${s.to.value}, before it starts on day ${s.from.value}`);
      }
    }
  },
});
