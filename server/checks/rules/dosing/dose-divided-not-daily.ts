/**
 * `in N divided doses` after an amount that is not per day: `dose 3 mg/kg oral in 2 divided doses
 * every 12 h`. The language's divided doses split a daily total (docs/language.md; units-and-
 * schedules.md §3.1, "600 mg/day in 2 divided doses" → 300 mg × 2), but 3 mg/kg is the amount of
 * one administration, so the protocol says both 3 mg/kg a dose (6 mg/kg a day) and, by the words,
 * 3 mg/kg a day split in two: the dose arithmetic (maximum, cumulative dose) reads the first, a
 * clinician often means the second. The quick fix writes the second (the first is the dose without
 * `in N divided doses`).
 */
import { analyzeUnit } from '../../../units';
import { itemRule } from '../../types';
import { DOSE_ITEMS, ownDoses } from '../schedule/days';

export const doseDividedNotDaily = itemRule({
  code: 'dose-divided-not-daily',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: '`in N divided doses` splits a daily total, but the amount is not per day: is it the day\'s total or one dose?' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const dose of ownDoses(item)) {
      if (!dose.amount || !dose.divided) continue;
      ctx.at(dose.amount.range);
      const a = analyzeUnit(dose.amount.unit.value);
      if (!a.code || !a.dimension?.isDoseAmount || a.dimension.perTime) continue;
      const unit = dose.amount.unit;
      const written = `${dose.amount.value.written ?? dose.amount.value.value} ${unit.value}`;
      const n = dose.divided.value;
      report(dose.amount.range, `\`in ${n} divided doses\` splits a daily total, but ${written} is not per day, so it reads as ${written} a dose: if ${written} is the day's total, write ${unit.value}/d; if it is each dose, leave out \`in ${n} divided doses\``, {
        // Not preferred: which reading is meant is the writer's to say.
        fixes: [{ title: `Write '${unit.value}/d' (${written} is the day's total)`, edits: [{ range: unit.range, newText: `${unit.value}/d` }], isPreferred: false }],
      });
    }
  },
});
