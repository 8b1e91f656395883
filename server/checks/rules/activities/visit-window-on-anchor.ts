import { studyCalendar } from '../../../model';
import { itemRule } from '../../types';

export const visitWindowOnAnchor = itemRule({
  code: 'visit-window-on-anchor',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'The visit on study Day 1, the day every other day counts from, has a window.' },
  kinds: ['ScheduleBlock'],
  checkItem(schedule, model, report, ctx) {
    if (model.schedule !== schedule) return;
    for (const t of studyCalendar(model).visits) {
      const window = t.visit.window;
      if (t.day !== 1 || !window) continue;
      ctx.at(window.range);
      // The edit removes ` window …` from the end of the amount back to the space before `window`.
      const text = ctx.text;
      let start = window.range.start.offset;
      const keyword = text.lastIndexOf('window', start);
      if (keyword >= t.visit.range.start.offset) start = keyword;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      report(window.range, `visit '${t.visit.id.value}' is on Day 1, the anchor every study day counts from, so it cannot move: a window on it has no meaning (windows belong on the visits after it)`, {
        fixes: [{ title: 'Remove the window', edits: [{ range: ctx.lines.range(start, window.range.end.offset), newText: '' }], isPreferred: true }],
      });
    }
  },
});
