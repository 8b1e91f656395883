/**
 * Study-day arithmetic of one dose, shared by the checks, the timeline and the export so that they
 * agree on when a dose is given. Day 1 is the first day of treatment; months and years are UCUM's
 * (30.4375 and 365.25 days).
 *
 * Cycles (docs/language.md): in `every 21 days … for 6 cycles` the interval is the cycle length, and
 * days listed with `on days` are days of each cycle.
 */
import type * as A from '../../grammar/ast';
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

/** The length of a dose's `for …` in days (cycles × cycle length); null when it has none or it cannot be known. */
export function forDays(dose: A.DoseStmt): number | null {
  const f = dose.schedule?.for;
  if (!f) return null;
  if (CYCLES.test(f.unit.value)) {
    const length = cycleLengthDays(dose);
    return length === null ? null : f.value.value * length;
  }
  return toDays(f.value.value, f.unit.value);
}
