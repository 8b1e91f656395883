/**
 * Extracted structures → `.trial` statements. A part the language cannot say (a dose count before
 * `for N doses` exists in the grammar) is left out, and the kept wording still carries it.
 */
import { parse } from '../../../grammar/parse';
import type { ExtractedDose, TimeQuantity } from './dose';
import type { ExtractedThreshold } from './threshold';

const WORDS: Record<TimeQuantity['unit'], [string, string]> = {
  h: ['h', 'h'],
  min: ['min', 'min'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
};

function duration(t: TimeQuantity | { value: number; unit: 'cycles' }): string {
  if (t.unit === 'cycles') return `${t.value} cycles`;
  const [one, many] = WORDS[t.unit];
  return `${t.value} ${t.value === 1 ? one : many}`;
}

let countSyntax: boolean | undefined;
/** Whether the grammar has `for N doses` (added by the checks work; detected rather than assumed). */
export function grammarHasDoseCount(): boolean {
  countSyntax ??= parse('intervention x {\n  dose 1 mg for 2 doses\n}\n').diagnostics.length === 0;
  return countSyntax;
}

function listDays(days: number[]): string {
  if (days.length === 1) return `${days[0]}`;
  return `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`;
}

/** The dose statement without `dose` and without its wording: `75 mg/m2 iv every 21 days on day 1`. */
export function doseBody(d: ExtractedDose): string {
  const parts = [d.amount.writtenLow !== undefined ? `${d.amount.writtenLow} to ${d.amount.written} ${d.amount.unit}` : `${d.amount.written} ${d.amount.unit}`];
  if (d.route) parts.push(d.route);
  if (d.frequency) parts.push('code' in d.frequency ? d.frequency.code : `every ${duration(d.frequency.every)}`);
  if (d.infusion) parts.push(`over ${duration(d.infusion)}`);
  if (d.days) parts.push(`on ${d.days.length === 1 ? 'day' : 'days'} ${listDays(d.days)}`);
  if (d.for) parts.push(`for ${duration(d.for)}`);
  if (d.doses !== undefined && d.for === undefined && grammarHasDoseCount()) parts.push(`for ${d.doses} doses`);
  return parts.join(' ');
}

/** `alt <= 2.5 x ULN`, `anc >= 1.5 10*9/L`, `hba1c 7.0 to 10.5 %` (measure id given, as declared in the file). */
export function thresholdBody(t: ExtractedThreshold, measureId: string): string {
  if (t.writtenLow !== undefined) return `${measureId} ${t.writtenLow} to ${t.written} ${t.unit}`;
  const value = t.limit ? `${t.written} x ${t.limit}` : `${t.written} ${t.unit}`;
  return `${measureId} ${t.comparator} ${value}`;
}
