/**
 * Eligibility criteria → one threshold on a measure, only where certain.
 *
 *   extractThreshold("Absolute neutrophil count (ANC) ≥ 1.5 x 10^9/L")
 *     → { measure: anc, comparator: '>=', value: 1.5, unit: '10*9/L' }
 *   extractThreshold("ALT ≤ 2.5 × ULN") → { measure: alt, comparator: '<=', value: 2.5, limit: 'ULN' }
 *   extractThreshold("HbA1c 7.0–10.5%") → { measure: hba1c, low: 7.0, value: 10.5, unit: '%' }
 *
 * Certain means: exactly one measure of the lexicon is named, exactly one comparison is made, the
 * comparison follows the measure's name (only filler words between), its unit is one the units
 * module knows and can compare with the measure's, and nothing makes it an alternative or a
 * negation ("or", "and/or", "history of", "no", "absence"). A range (`7.0–10.5%`, `between 18 and
 * 35 kg/m2`, `of 0 to 2`) is read when it is the only comparison, directly after the name, both ends
 * in one unit (written once after the upper end, or twice the same), the lower end below the upper.
 * Otherwise the criterion stays text and the reason is given for the import report.
 */
import type { Comparator } from '../../../grammar/ast';
import { commensurable } from '../../units';
import { MEASURES, type MeasureEntry } from './measures';
import { NUMBER_SOURCE, readNumber, readUnit } from './quantity';

export interface ExtractedThreshold {
  measure: MeasureEntry;
  /** Absent for a range (`low` … `value`). */
  comparator?: Comparator;
  /** A range's upper end, or the compared value. */
  value: number;
  /** The number as written (`3.0`), for the `.trial` text. */
  written: string;
  /** A range's lower end (`HbA1c 7.0–10.5%`: 7.0; both ends included), with its number as written. */
  low?: number;
  writtenLow?: string;
  /** UCUM code; absent for a multiple of a normal limit. */
  unit?: string;
  limit?: 'ULN' | 'LLN';
}

export type ThresholdResult = { threshold: ExtractedThreshold } | { reason: string };

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:≥|>=|=>|greater than or equal to|more than or equal to|equal (?:to )?or (?:greater|more) than|of at least|at least|no less than|not less than|⩾)/i, '>='],
  [/^(?:≤|<=|=<|less than or equal to|equal (?:to )?or less than|of no more than|no more than|not more than|not greater than|not exceeding|up to|⩽)/i, '<='],
  [/^(?:>|greater than|more than|higher than|above|exceeding)/i, '>'],
  [/^(?:<|less than|lower than|below|under)/i, '<'],
];

const ANY_COMPARATOR = /≥|>=|=>|≤|<=|=<|(?<![\w-])[<>](?![\w-]*>)|⩾|⩽|\b(?:greater|less|more|higher|lower) than\b|\bat least\b|\bno more than\b|\bnot more than\b|\babove\b|\bbelow\b|\bexceed\w*|\bup to\b|\bbetween\b/gi;

/** Words that may stand between a measure's name and its comparison. */
const FILLER = /^(?:[\s:,\-–)]+|\([^()]{0,60}\)|(?:count|counts|level|levels|value|values|score|status|performance status|of|is|are|must be|should be|to be|serum|total|plasma|at rest|at screening|calculated|measured|defined as|at baseline|fraction)(?![A-Za-z]))/i;

const NEGATION = /(?<![A-Za-z])(?:no|not|none|absence|absent|without|history of|previous|prior|known)(?![A-Za-z])/i;
const ALTERNATIVE = /(?<![A-Za-z])(?:or|and\/or|either)(?![A-Za-z])|\//i;

/** `x 10^9/L`, `× 10⁹/L`, `x 109/L` (superscript lost), `x10(9)/L` → a power-of-ten unit. */
const POWER_UNIT = /^\s*[x×*]\s*10\s*(?:\^|\*|\(|)?\s*([369]|⁹|⁶|³)\s*\)?\s*\/\s*(L|uL|µL|μL|mm3|mm³|l)(?![A-Za-z0-9])/;
const SUPERSCRIPT: Record<string, string> = { '⁹': '9', '⁶': '6', '³': '3' };

const NORMAL_LIMIT = /^\s*(?:[x×*]|times|fold|-fold)?\s*(?:greater than\s+)?(?:the\s+)?(?:institutional\s+)?(?:(?:ULN|LLN)(?![A-Za-z])|(upper|lower) limits? of (?:the\s+)?(?:institutional\s+)?normal|(upper|lower) limits? normal|(upper|lower) normal limit|the normal value|normal value)(?:\s*\((?:ULN|LLN)\))?/i;

/** A criterion that makes a numeric comparison (the ones a threshold could be taken from). */
export function isNumericCriterion(text: string): boolean {
  return /\d/.test(text) && new RegExp(ANY_COMPARATOR.source, 'i').test(text);
}

function measuresNamed(text: string): { entry: MeasureEntry; start: number; end: number }[] {
  const found: { entry: MeasureEntry; start: number; end: number }[] = [];
  for (const entry of MEASURES) {
    for (const m of text.matchAll(new RegExp(entry.pattern.source, entry.pattern.flags.includes('g') ? entry.pattern.flags : `${entry.pattern.flags}g`))) {
      found.push({ entry, start: m.index!, end: m.index! + m[0].length });
    }
  }
  // A name inside a longer one ("hemoglobin" in "glycated hemoglobin") is the longer one's.
  return found.filter((f) => !found.some((g) => g !== f && g.entry !== f.entry && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
}

export function extractThreshold(text: string): ThresholdResult {
  if (text.includes('\n')) return { reason: 'it spans several lines (a nested list)' };
  const named = measuresNamed(text);
  const distinct = new Set(named.map((n) => n.entry.id));
  if (distinct.size === 0) return { reason: 'it names no measure the importer knows' };
  if (distinct.size > 1) return { reason: `it names several measures (${[...distinct].join(', ')})` };
  const matches = [...text.replace(/(?:times|fold)\s+(?:greater|more|higher) than/gi, 'times').matchAll(ANY_COMPARATOR)];
  const comparisons = matches.length;
  if (comparisons > 1) return { reason: 'it makes more than one comparison' };
  if (ALTERNATIVE.test(text.replace(/(?:less|greater|more) than or equal to|equal (?:to )?or (?:greater|less|more) than/gi, ' ').replace(/\d\s*\/\s*[A-Za-zµμ]|[A-Za-zµμ]\s*\/\s*[A-Za-z0-9µμ]|\/\s*\d/g, ' '))) return { reason: "it states alternatives ('or', 'and/or')" };
  const first = named.reduce((a, b) => (b.start < a.start ? b : a));
  if (NEGATION.test(text.slice(0, first.start))) return { reason: 'it is negated or about history' };
  if (comparisons === 0 || /^between$/i.test(matches[0]![0])) {
    const range = rangeAfterName(text, named);
    if (range) return range;
  }
  if (comparisons === 0) return { reason: 'it makes no comparison' };
  const entry = first.entry;
  // The comparison follows a mention of the name, with only filler words between.
  let comparator: Comparator | undefined;
  let p = 0;
  for (const mention of named) {
    p = mention.end;
    for (let f = FILLER.exec(text.slice(p)); f && f[0].length > 0; f = FILLER.exec(text.slice(p))) p += f[0].length;
    for (const [re, c] of COMPARATORS) {
      const m = re.exec(text.slice(p));
      if (m) {
        comparator = c;
        p += m[0].length;
        break;
      }
    }
    if (comparator) break;
  }
  if (!comparator) return { reason: 'the comparison does not directly follow the measure' };
  const num = new RegExp(`^\\s*(${NUMBER_SOURCE})(?![\\d])`).exec(text.slice(p));
  if (!num) return { reason: 'no number follows the comparison' };
  const written = num[1]!.replace(/[, ]/g, '');
  const value = readNumber(num[1]!);
  p += num[0].length;
  const rest = text.slice(p);
  if (/^\s*(?:-|–|to)\s*\d/.test(rest)) return { reason: 'it states a range' };
  const limit = NORMAL_LIMIT.exec(rest);
  if (limit && /[x×*]|times|fold|ULN|LLN|limit|normal/i.test(limit[0])) {
    if (!entry.normalRange && entry.id !== 'alt' && entry.id !== 'ast') return { reason: `a multiple of the normal limit is unusual for ${entry.label}` };
    const lower = /LLN|lower/i.test(limit[0]);
    return { threshold: { measure: entry, comparator, value, written, limit: lower ? 'LLN' : 'ULN' } };
  }
  const read = unitAt(rest, [written]);
  if ('reason' in read) return read;
  const unit = measureUnit(read.code, entry);
  if (typeof unit !== 'string') return unit;
  return { threshold: { measure: entry, comparator, value, written, unit } };
}

type UnitRead = { code?: string; length: number } | { reason: string };

/** The unit right after a number (`x 10^9/L`, `mL/min`), none (length 0), or why it cannot be read. */
function unitAt(rest: string, numbers: string[]): UnitRead {
  const power = POWER_UNIT.exec(rest);
  if (power) {
    const exp = SUPERSCRIPT[power[1]!] ?? power[1]!;
    const per = power[2]!.replace(/[µμ]/, 'u').replace(/³/, '3').replace(/^l$/, 'L');
    return { code: `10*${exp}/${per}`, length: power[0].length };
  }
  if (/^\s*[x×*]\s*\d/.test(rest)) return { reason: 'the number is multiplied by something the importer cannot read' };
  const u = readUnit(rest);
  if (u) {
    const separator = numbers.find((n) => /^\d+\.\d{3}$/.test(n));
    if (separator && u.dimension.isCountPerVolume) return { reason: `'${separator}' may be a thousands separator` };
    return { code: u.code, length: u.length };
  }
  if (/^\s*[A-Za-zµμ%/]/.test(rest) && !/^\s*(?:for|at|in|on|with|within|based|as|and|by|prior|before|after|unless|except|if|when|calculated|measured|according|inclusive|to)(?![A-Za-z])/i.test(rest)) {
    return { reason: 'the importer does not know the unit' };
  }
  return { length: 0 };
}

/** The threshold's unit: the one written, or the measure's for a score or ratio; checked against the measure's. */
function measureUnit(code: string | undefined, entry: MeasureEntry): string | { reason: string } {
  const unit = code ?? (entry.unitless ? entry.unit : undefined);
  if (unit === undefined) return { reason: `no unit is given for ${entry.label}` };
  if (!commensurable(unit, entry.unit)) return { reason: `'${unit}' cannot be compared with the unit of ${entry.label} (${entry.unit})` };
  return unit;
}

/** `between 18 and 35`, `from 0 to 2`, `of 7.0-10.5`, or a bare `7.0–10.5`: the words before the range and what joins its ends. */
const RANGE_OPENING = /^(?:(between)|(?:ranging from|from|in the range of|within the range of|range of|in the range|of))?\s*/i;
const RANGE_JOIN: Record<string, RegExp> = {
  between: /^\s*and\s*/i,
  other: /^\s*(?:to|–|—|-)\s*(?![-−–])/i,
};

/** A range of values directly after a mention of the measure, or undefined when there is none to read. */
function rangeAfterName(text: string, named: { entry: MeasureEntry; start: number; end: number }[]): ThresholdResult | undefined {
  for (const mention of named) {
    let p = mention.end;
    for (let f = FILLER.exec(text.slice(p)); f && f[0].length > 0; f = FILLER.exec(text.slice(p))) p += f[0].length;
    const opening = RANGE_OPENING.exec(text.slice(p))!;
    const lowMatch = new RegExp(`^(${NUMBER_SOURCE})(?![\\d])`).exec(text.slice(p + opening[0].length));
    if (!lowMatch) continue;
    let q = p + opening[0].length + lowMatch[0].length;
    const lowUnit = unitAt(text.slice(q), [lowMatch[1]!]);
    if ('reason' in lowUnit) return lowUnit;
    q += lowUnit.length;
    const join = RANGE_JOIN[opening[1] ? 'between' : 'other']!.exec(text.slice(q));
    if (!join) continue;
    q += join[0].length;
    const highMatch = new RegExp(`^(${NUMBER_SOURCE})(?![\\d.,])`).exec(text.slice(q));
    if (!highMatch) return { reason: 'the end of the range is not a number the importer can read' };
    q += highMatch[0].length;
    const writtenLow = lowMatch[1]!.replace(/[, ]/g, '');
    const written = highMatch[1]!.replace(/[, ]/g, '');
    const rest = text.slice(q);
    if (NORMAL_LIMIT.exec(rest) && /^\s*(?:[x×*]|times|fold|ULN|LLN)/i.test(rest)) return { reason: 'a range of multiples of a normal limit is not written in the language' };
    const highUnit = unitAt(rest, [writtenLow, written]);
    if ('reason' in highUnit) return highUnit;
    if (lowUnit.code !== undefined && lowUnit.code !== highUnit.code) return { reason: 'the two ends of the range are given in different units' };
    if (/^\s*(?:[-–—]|to\b)\s*\d/i.test(rest.slice(highUnit.length))) return { reason: 'it states more than one range' };
    const unit = measureUnit(highUnit.code, mention.entry);
    if (typeof unit !== 'string') return unit;
    const low = readNumber(lowMatch[1]!);
    const value = readNumber(highMatch[1]!);
    if (!(low < value)) return { reason: 'the lower end of the range is not below the upper end' };
    return { threshold: { measure: mention.entry, value, written, low, writtenLow, unit } };
  }
  return undefined;
}
