import { DOSE_ITEMS, ownDoses } from './days';
import { itemRule } from '../../types';

export const doseDayRepeated = itemRule({
  code: 'dose-day-repeated',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'The same day is listed twice in one dose schedule.' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const dose of ownDoses(item)) {
      const days = dose.schedule?.days ?? [];
      for (let i = 1; i < days.length; i++) {
        const day = days[i]!;
        ctx.at(day.range);
        if (!days.slice(0, i).some((d) => d.value === day.value)) continue;
        // Remove the day with the separator (", " or " and ") before it.
        const prev = days[i - 1]!;
        report(day.range, `day ${day.value} is already listed in this schedule`, {
          fixes: [{ title: `Remove the second day ${day.value}`, edits: [{ range: { start: prev.range.end, end: day.range.end }, newText: '' }], isPreferred: true }],
        });
      }
    }
  },
});
