/**
 * The study calendar of a schedule of activities: where each period lies on the study calendar,
 * the study day and window of each visit, the periods each arm goes through. Shared by the checks,
 * the export and the Trial view, so they agree on when things happen.
 *
 * Modelled after USDM's timeline ideas (domain-anchors.md §1.1): periods are epochs in order; the
 * first period that is not screening or run-in starts on study Day 1 (the anchor, USDM "Fixed
 * Reference"), earlier periods run backwards from Day -1; every period has its own day 1 (its first
 * day), which visits and period-bound doses may count from (`visit p2_day1 at day 1 in second`).
 * There is no day 0: the day before Day 1 is Day -1 (SDTM study day; OpenStudyBuilder does the same).
 */
import type * as A from '../../grammar/ast';
import { toDays } from '../units';
import type { TrialModel } from './model';

export type PeriodKind = 'screening' | 'run-in' | 'treatment' | 'washout' | 'follow-up' | 'extension';

/** The kind words a period may have, as written (lower case, spaces) → kind. */
const KIND_WORDS: [RegExp, PeriodKind][] = [
  [/\bscreening\b/, 'screening'],
  [/\brun[ _-]?in\b/, 'run-in'],
  [/\bwash[ _-]?out\b/, 'washout'],
  [/\bfollow[ _-]?up\b/, 'follow-up'],
  [/\bextension\b/, 'extension'],
  [/\btreatment\b/, 'treatment'],
];

/** The kind of a period: from its kind words, else from its name (`period washout for 14 days`), else treatment. */
export function periodKind(p: A.PeriodStmt): PeriodKind {
  const words = p.kindWords?.value ?? p.id.value.toLowerCase().replace(/_/g, ' ');
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(words)) return kind;
  return 'treatment';
}

const BEFORE_DAY_ONE: ReadonlySet<PeriodKind> = new Set(['screening', 'run-in']);

/** A study day (no day 0) → a position on a line where consecutive days differ by 1 (Day 1 = 0, Day -1 = -1). */
export function dayToLinear(day: number): number {
  return day >= 1 ? day - 1 : day;
}

/** The inverse of dayToLinear. */
export function linearToDay(x: number): number {
  return x >= 0 ? x + 1 : x;
}

export interface PeriodSpan {
  period: A.PeriodStmt;
  kind: PeriodKind;
  /** First and last study day (no day 0); null when its length is not a time. */
  startDay: number;
  endDay: number;
  lengthDays: number;
}

export interface VisitTiming {
  visit: A.Visit;
  /** Study day of the visit; null when its period is unknown or cannot be placed. */
  day: number | null;
  /** Window bounds in days around the visit (negative = before), when a window is written and is a time. */
  window?: { before: number; after: number };
  /** The period the visit is in: the one written (`in …`), else the one whose days include it. */
  period?: PeriodSpan;
}

export interface StudyCalendar {
  periods: PeriodSpan[];
  /** Periods by name (first declaration). */
  periodByName: Map<string, PeriodSpan>;
  visits: VisitTiming[];
  visitByName: Map<string, VisitTiming>;
}

/** Calendars by the periods map they were built from (with the visits map, the calendar's only other input). */
const calendars = new WeakMap<TrialModel['periods'], { visits: TrialModel['visits']; calendar: StudyCalendar }>();

/**
 * The study calendar of a model (linear in the schedule). It reads the model's periods and visits
 * only, and a model derived from the previous one keeps those maps while the schedule is
 * unchanged: the calendar is then the previous one, not built again per keystroke.
 */
export function studyCalendar(model: TrialModel): StudyCalendar {
  const hit = calendars.get(model.periods);
  if (hit && hit.visits === model.visits) return hit.calendar;
  const calendar = buildCalendar(model);
  calendars.set(model.periods, { visits: model.visits, calendar });
  return calendar;
}

function buildCalendar(model: TrialModel): StudyCalendar {
  const periods = placePeriods([...model.periods.values()]);
  const periodByName = new Map(periods.map((p) => [p.period.id.value, p]));
  const visits: VisitTiming[] = [];
  const visitByName = new Map<string, VisitTiming>();
  for (const visit of model.visits.values()) {
    const timing = visitTiming(visit, periods, periodByName);
    visits.push(timing);
    visitByName.set(visit.id.value, timing);
  }
  return { periods, periodByName, visits, visitByName };
}

/** Periods one after another; the first not before Day 1 starts on Day 1. Periods whose length is not a time are left out. */
export function placePeriods(list: A.PeriodStmt[]): PeriodSpan[] {
  const measured = list
    .map((period) => ({ period, kind: periodKind(period), lengthDays: Math.round(toDays(period.length.value.value, period.length.unit.value) ?? NaN) }))
    .filter((p) => Number.isFinite(p.lengthDays) && p.lengthDays > 0);
  let anchor = measured.findIndex((p) => !BEFORE_DAY_ONE.has(p.kind));
  if (anchor === -1) anchor = measured.length;
  const before = measured.slice(0, anchor).reduce((sum, p) => sum + p.lengthDays, 0);
  let x = -before;
  return measured.map((p) => {
    const span: PeriodSpan = { ...p, startDay: linearToDay(x), endDay: linearToDay(x + p.lengthDays - 1) };
    x += p.lengthDays;
    return span;
  });
}

/** Days of a time point, counted from a period's day 1 or the study's (a month is 30.4375 days). */
const DAYS_PER: Record<A.TimeUnitWord, number> = { day: 1, week: 7, month: 30.4375, year: 365.25 };

export function timePointStudyDay(p: A.TimePoint, period?: PeriodSpan): number {
  const value = p.unit.value === 'day' ? p.value.value : Math.round(p.value.value * DAYS_PER[p.unit.value]);
  if (!period) return value;
  // Day N of a period: N-1 days after its first day (day -N: N days before it).
  return linearToDay(dayToLinear(period.startDay) + dayToLinear(value));
}

function visitTiming(visit: A.Visit, periods: PeriodSpan[], byName: Map<string, PeriodSpan>): VisitTiming {
  const named = visit.period ? byName.get(visit.period.value) : undefined;
  if (visit.period && !named) return { visit, day: null };
  const day = timePointStudyDay(visit.at, named);
  const timing: VisitTiming = { visit, day };
  const period = named ?? periods.find((p) => p.startDay <= day && day <= p.endDay);
  if (period) timing.period = period;
  const w = visit.window;
  if (w) {
    const high = toDays(w.value.value, w.unit.value);
    const low = w.low ? toDays(w.low.value, w.unit.value) : high === null ? null : -Math.abs(high);
    if (high !== null && low !== null) timing.window = { before: Math.min(low, high), after: w.low ? Math.max(low, high) : Math.abs(high) };
  }
  return timing;
}

/** The first and last study day a visit may take place on (its window included). */
export function visitBounds(t: VisitTiming): { first: number; last: number } | null {
  if (t.day === null) return null;
  const x = dayToLinear(t.day);
  return { first: linearToDay(x + Math.round(t.window?.before ?? 0)), last: linearToDay(x + Math.round(t.window?.after ?? 0)) };
}

/** The periods an arm goes through: its `periods` line, else every period. Unknown names are left out. */
export function armPeriods(model: TrialModel, arm: A.ArmBlock): PeriodSpan[] {
  const calendar = studyCalendar(model);
  const stmt = arm.statements.find((s): s is A.ArmPeriodsStmt => s.kind === 'ArmPeriods');
  if (!stmt) return calendar.periods;
  return stmt.periods.map((p) => calendar.periodByName.get(p.value)).filter((p): p is PeriodSpan => !!p);
}

/** Whether the schedule is a schedule of activities: it assesses something at its visits. */
export function hasScheduleOfActivities(model: TrialModel): boolean {
  return model.assessments.length > 0;
}
