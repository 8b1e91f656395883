/**
 * Study-day arithmetic of one dose, shared by the checks, the timeline and the export so that they
 * agree on when a dose is given. Day 1 is the first day of treatment; months and years are UCUM's
 * (30.4375 and 365.25 days).
 *
 * Cycles (docs/language.md): in `every 21 days … for 6 cycles` the interval is the cycle length, and
 * days listed with `on days` are days of each cycle.
 */
import type * as A from '../../grammar/ast';
import { administrationsPerDay } from '../../grammar/vocabulary';
import { toDays } from '../units';

const CYCLES = /^cycles?$/i;

/** The cycle length in days when the dose runs `for N cycles` of an `every …` interval. */
export function cycleLengthDays(dose: A.DoseStmt): number | null {
  if (!dose.schedule?.for || !CYCLES.test(dose.schedule.for.unit.value) || dose.frequency?.kind !== 'every') return null;
  return toDays(dose.frequency.interval.value.value, dose.frequency.interval.unit.value);
}

/** Every study day of `on days 1 and 8 every 21 days for 6 cycles` (1, 8, 22, 29 …); null when not cyclic. */
export function cycleDays(dose: A.DoseStmt): number[] | null {
  const s = dose.schedule;
  const length = cycleLengthDays(dose);
  const cycles = s?.for?.value.value;
  if (!s || length === null || cycles === undefined || s.days.length === 0 || !Number.isInteger(cycles) || cycles < 1 || cycles > 1000) return null;
  const days: number[] = [];
  for (let cycle = 0; cycle < cycles; cycle++) for (const day of s.days) days.push(Math.round(day.value + cycle * length));
  return days;
}

const DOSES = /^doses$/i;

/** Days between two administrations of a dose (`every 2 weeks` 14, `bid` 0.5, `qod` 2); null when not repeating. */
export function intervalDays(dose: A.DoseStmt): number | null {
  const f = dose.frequency;
  if (!f) return null;
  if (f.kind === 'every') return toDays(f.interval.value.value, f.interval.unit.value);
  if (f.code === 'once') return null;
  const perDay = administrationsPerDay(f.code);
  return perDay ? 1 / perDay : null;
}

/** `for 4 doses`: the number of administrations, when the schedule counts them. */
export function doseCount(dose: A.DoseStmt): number | null {
  const f = dose.schedule?.for;
  return f && DOSES.test(f.unit.value) ? f.value.value : null;
}

/**
 * The length of a dose's `for …` in days (cycles × cycle length; N doses span (N − 1) intervals
 * and the day of the last one); null when it has none or it cannot be known.
 */
export function forDays(dose: A.DoseStmt): number | null {
  const f = dose.schedule?.for;
  if (!f) return null;
  if (DOSES.test(f.unit.value)) {
    const interval = intervalDays(dose);
    if (interval === null || !Number.isInteger(f.value.value) || f.value.value < 1) return null;
    return Math.floor((f.value.value - 1) * interval) + 1;
  }
  if (CYCLES.test(f.unit.value)) {
    const length = cycleLengthDays(dose);
    return length === null ? null : f.value.value * length;
  }
  return toDays(f.value.value, f.unit.value);
}
