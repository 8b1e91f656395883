import { studyCalendar, visitBounds, type VisitTiming } from '../../../model';
import { itemRule } from '../../types';

/** `days 25 to 31` / `day 28` */
export function daysText(b: { first: number; last: number }): string {
  return b.first === b.last ? `day ${b.first}` : `days ${b.first} to ${b.last}`;
}

export const visitWindowsOverlap = itemRule({
  code: 'visit-windows-overlap',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'Two visits of the schedule may fall on the same day: their windows overlap.' },
  kinds: ['ScheduleBlock'],
  checkItem(schedule, model, report, ctx) {
    if (model.schedule !== schedule) return;
    // Sorted by first possible day, each visit is compared with the one reaching furthest before it: linear after the sort.
    const placed = studyCalendar(model).visits
      .map((t) => ({ t, b: visitBounds(t) }))
      .filter((x): x is { t: VisitTiming; b: { first: number; last: number } } => x.b !== null)
      .sort((a, b) => a.b.first - b.b.first || a.t.visit.range.start.offset - b.t.visit.range.start.offset);
    let reach: (typeof placed)[number] | undefined;
    for (const x of placed) {
      ctx.at(x.t.visit.range);
      // Two visits on one day with no window are one visit written twice, not an overlap of windows.
      if (reach && x.b.first <= reach.b.last && (x.t.window || reach.t.window)) {
        const at = x.t.visit.window?.range ?? reach.t.visit.window?.range ?? x.t.visit.at.range;
        report(at, `the windows of visits '${reach.t.visit.id.value}' (${daysText(reach.b)}) and '${x.t.visit.id.value}' (${daysText(x.b)}) overlap: a visit on a shared day could count for either; narrow a window or move a visit`);
      }
      if (!reach || x.b.last > reach.b.last) reach = x;
    }
  },
});
