/**
 * Time units for schedules, durations and ages.
 *
 * Calendar convention (UCUM, via the library): week `wk` = 7 d, month `mo` =
 * 30.4375 d (a Julian month, 365.25/12), year `a` = 365.25 d. So 6 months =
 * 182.625 days — state this in schedule math rather than assuming 30-day months.
 * Accepts what protocol writers type: day(s), week(s), month(s), year(s),
 * hour(s), minute(s), h, d, wk, mo, a, min, s (through analyzeUnit).
 *
 * API:
 *   isTimeUnit(text)            → boolean      (a duration unit, not a rate like /d)
 *   timeUnitCode(text)          → string | null (UCUM code: 'months' → 'mo')
 *   toDays(value, text)         → number | null (null when not a time unit or value not finite)
 *   convertTime(value, from, to)→ number | null
 */

import { analyzeUnit } from './analyze';
import { ucumConvert } from './ucum';

export function timeUnitCode(text: string): string | null {
  const a = analyzeUnit(text);
  return a.code && a.dimension?.isTime ? a.code : null;
}

export function isTimeUnit(text: string): boolean {
  return timeUnitCode(text) !== null;
}

/** Memo of convertTime by value and unit texts (schedule math asks the same few questions on every check). */
const memo = new Map<string, number | null>();

export function convertTime(value: number, from: string, to: string): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const key = `${value}\u0000${from}\u0000${to}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = computeTime(value, from, to);
  if (memo.size >= 5000) memo.clear();
  memo.set(key, result);
  return result;
}

function computeTime(value: number, from: string, to: string): number | null {
  const f = timeUnitCode(from);
  const t = timeUnitCode(to);
  if (!f || !t) return null;
  if (f === t) return value;
  const v = ucumConvert(value, f, t).value;
  return v === null || v === 0 ? v : Number(v.toPrecision(15));
}

export function toDays(value: number, unit: string): number | null {
  return convertTime(value, unit, 'd');
}
