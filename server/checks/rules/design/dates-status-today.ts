/**
 * Dates against the status and today's date (registry definitions of the date types: ACTUAL for a
 * date reached, ESTIMATED for one anticipated; "Primary completion date must be updated to the
 * actual date once reached", registry-format.md §7a; §7c):
 * - an `actual` date after today has not happened (error: the protocol contradicts itself);
 * - a study that is not yet recruiting has not started: its start date is not actual (error);
 * - a study that is recruiting, active or ended has started: a start date after today contradicts
 *   its status (error);
 * - a study that is not yet recruiting, recruiting or enrolling by invitation is still taking in
 *   participants, so its last participant has not been examined: an `actual` primary completion or
 *   completion date contradicts its status (error); an active study that no longer recruits is
 *   still following its participants, so its study completion is not actual either. The 103 saved
 *   records with those statuses all mark both dates estimated;
 * - the record verification date (`verified`) after today has not happened either: it is the month
 *   the record was last confirmed (error; all 210 saved records were verified before they were saved);
 * An `estimated` date already passed is not reported: real records keep them for years (200 of the
 * 210 saved records would be flagged, by a date that moves every day).
 * "Today" is `CheckOptions.today` (tests) or the current UTC date. Partial dates compare at their
 * precision: 2026-12 is not after 2026-12-01.
 */
import { DATE_FIELD_NAMES as NAMES, statementsOf, wordsField } from '../../../model';
import { overallStatus } from '../../facts';
import type { Rule } from '../../types';

const STARTED = new Set(['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'ENROLLING_BY_INVITATION', 'COMPLETED', 'TERMINATED', 'SUSPENDED']);
/** Statuses under which participants are still being enrolled. */
const ENROLLING = new Set(['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION']);

/** Whether a study of this status can have reached the date `field` (undefined: any status can). */
function notReachedUnder(status: string | undefined, field: string): boolean {
  if (!status) return false;
  if (ENROLLING.has(status)) return field === 'primaryCompletion' || field === 'completion';
  return status === 'ACTIVE_NOT_RECRUITING' && field === 'completion';
}

/** -1, 0, 1 comparing a partial date with a full date at the partial date's precision. */
function compareAt(date: string, today: string): number {
  const t = today.slice(0, date.length);
  return date < t ? -1 : date > t ? 1 : 0;
}

export const datesStatusToday: Rule = {
  code: 'dates-status-today',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: "A date contradicts the status or today's date: an actual date in the future, a not-yet-recruiting study with an actual start, a study still enrolling with an actual (primary) completion, a started study whose start is in the future, a verification date after today." },
  check(model, report, ctx) {
    const today = ctx.today;
    const status = overallStatus(model);
    const words = wordsField(model.trial, 'status')?.words.value;
    for (const d of statementsOf(model.trial, 'Date')) {
      ctx.at(d.date.range);
      if (!/^\d{4}(-\d{2}){0,2}$/.test(d.date.value)) continue;
      const when = compareAt(d.date.value, today);
      const name = NAMES[d.field];
      const type = d.dateType?.value;
      if (type === 'actual' && when > 0) {
        report(d.date.range, `the ${name} (${d.date.value}) is marked actual but is after today (${today}): a date not reached yet is \`estimated\``, {
          fixes: [{ title: "Mark as 'estimated'", edits: [{ range: d.dateType!.range, newText: 'estimated' }], isPreferred: true }],
        });
      } else if (d.field === 'start' && status === 'NOT_YET_RECRUITING' && type === 'actual') {
        report(d.dateType!.range, `the study is ${words}, so it has not started: its start date is anticipated, \`estimated\` (or the status is out of date)`, {
          fixes: [{ title: "Mark as 'estimated'", edits: [{ range: d.dateType!.range, newText: 'estimated' }], isPreferred: true }],
        });
      } else if (type === 'actual' && notReachedUnder(status, d.field)) {
        const still = status === 'ACTIVE_NOT_RECRUITING' ? 'still follows its participants' : status === 'NOT_YET_RECRUITING' ? 'has not enrolled its participants yet' : 'is still enrolling participants';
        report(d.dateType!.range, `the study is ${words}, so it ${still}: its ${name} has not been reached, so it is \`estimated\` (or the status is out of date)`, {
          fixes: [{ title: "Mark as 'estimated'", edits: [{ range: d.dateType!.range, newText: 'estimated' }], isPreferred: true }],
        });
      } else if (d.field === 'start' && status && STARTED.has(status) && when > 0) {
        report(d.date.range, `the study is ${words}, so it has started, but its start date (${d.date.value}) is after today (${today})`, {});
      }
    }
    for (const v of statementsOf(model.trial, 'Verified')) {
      ctx.at(v.date.range);
      if (!/^\d{4}(-\d{2}){0,2}$/.test(v.date.value) || compareAt(v.date.value, today) <= 0) continue;
      report(v.date.range, `the record is verified in ${v.date.value}, after today (${today}): \`verified\` is the month the record was last confirmed, e.g. this month, ${today.slice(0, 7)}`, {
        fixes: [{ title: `Change to '${today.slice(0, 7)}'`, edits: [{ range: v.date.range, newText: today.slice(0, 7) }], isPreferred: true }],
      });
    }
  },
};
