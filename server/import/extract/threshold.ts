/**
 * Eligibility criteria → one threshold on a measure, only where certain.
 *
 *   extractThreshold("Absolute neutrophil count (ANC) ≥ 1.5 x 10^9/L")
 *     → { measure: anc, comparator: '>=', value: 1.5, unit: '10*9/L' }
 *   extractThreshold("ALT ≤ 2.5 × ULN") → { measure: alt, comparator: '<=', value: 2.5, limit: 'ULN' }
 *
 * Certain means: exactly one measure of the lexicon is named, exactly one comparison is made, the
 * comparison follows the measure's name (only filler words between), its unit is one the units
 * module knows and can compare with the measure's, and nothing makes it an alternative or a
 * negation ("or", "and/or", "history of", "no", "absence"). Otherwise the criterion stays text and
 * the reason is given for the import report.
 */
import type { Comparator } from '../../../grammar/ast';
import { commensurable } from '../../units';
import { MEASURES, type MeasureEntry } from './measures';
import { NUMBER_SOURCE, readNumber, readUnit } from './quantity';

export interface ExtractedThreshold {
  measure: MeasureEntry;
  comparator: Comparator;
  value: number;
  /** The number as written (`3.0`), for the `.trial` text. */
  written: string;
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
  const comparisons = [...text.replace(/(?:times|fold)\s+(?:greater|more|higher) than/gi, 'times').matchAll(ANY_COMPARATOR)].length;
  if (comparisons === 0) return { reason: 'it makes no comparison' };
  if (comparisons > 1) return { reason: 'it makes more than one comparison' };
  if (ALTERNATIVE.test(text.replace(/(?:less|greater|more) than or equal to|equal (?:to )?or (?:greater|less|more) than/gi, ' ').replace(/\d\s*\/\s*[A-Za-zµμ]|[A-Za-zµμ]\s*\/\s*[A-Za-z0-9µμ]|\/\s*\d/g, ' '))) return { reason: "it states alternatives ('or', 'and/or')" };
  const first = named.reduce((a, b) => (b.start < a.start ? b : a));
  if (NEGATION.test(text.slice(0, first.start))) return { reason: 'it is negated or about history' };
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
  let unit: string | undefined;
  const power = POWER_UNIT.exec(rest);
  if (power) {
    const exp = SUPERSCRIPT[power[1]!] ?? power[1]!;
    const per = power[2]!.replace(/[µμ]/, 'u').replace(/³/, '3').replace(/^l$/, 'L');
    unit = `10*${exp}/${per}`;
  } else {
    if (/^\s*[x×*]\s*\d/.test(rest)) return { reason: 'the number is multiplied by something the importer cannot read' };
    const u = readUnit(rest);
    if (u) {
      if (/^\d+\.\d{3}$/.test(written) && u.dimension.isCountPerVolume) return { reason: `'${written}' may be a thousands separator` };
      unit = u.code;
    } else if (/^\s*[A-Za-zµμ%/]/.test(rest) && !/^\s*(?:for|at|in|on|with|within|based|as|and|by|prior|before|after|unless|except|if|when|calculated|measured|according)(?![A-Za-z])/i.test(rest)) {
      return { reason: 'the importer does not know the unit' };
    }
  }
  if (unit === undefined) {
    if (!entry.unitless) return { reason: `no unit is given for ${entry.label}` };
    unit = entry.unit;
  }
  if (!commensurable(unit, entry.unit)) {
    return { reason: `'${unit}' cannot be compared with the unit of ${entry.label} (${entry.unit})` };
  }
  return { threshold: { measure: entry, comparator, value, written, unit } };
}
