/**
 * Reading numbers and units out of registry free text, for the extractor. Every unit goes through
 * the units module (`analyzeUnit`, i.e. ucum-lhc); this file only normalises spellings that are
 * typography, not meaning (`mg/m²` → `mg/m2`, `μg` → `ug`, `㎎/㎗` → `mg/dL`, `ml` → `mL`,
 * `x 109/L` with its lost superscript → `10*9/L`).
 *
 * Precision first: a number that could be read two ways (`2,5 mg`, `100.000/µL`, `2x5 mg`) is
 * reported as uncertain and the phrase stays text.
 */
import { analyzeUnit, classifyDimension, type UnitDimension } from '../../units';

/** A number as written in registry text: `1,000`, `10 000`, `2.5`. */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?![\d])|\d+(?:\.\d+)?)`;

/** `1,000` → 1000, `10 000` → 10000, `2.5` → 2.5. */
export function readNumber(text: string): number {
  return Number(text.replace(/[, ]/g, ''));
}

/** A unit-looking word right after a number (letters, µ, %, ², /, ^, digits after the first letter, braces). */
const UNIT_AT = /^(?:\/(?=[A-Za-zµμ]))?[A-Za-zµμ%㎎㎍㎖㎗㏄\[{][A-Za-z0-9µμ²³%\/^.{}\[\]_()㎎㎍㎖㎗·]*/;

const TYPOGRAPHY: [RegExp, string][] = [
  [/²/g, '2'],
  [/³/g, '3'],
  [/[µμ]/g, 'u'],
  [/㎎/g, 'mg'],
  [/㎍/g, 'ug'],
  [/㎖/g, 'mL'],
  [/㎗/g, 'dL'],
  [/·/g, '.'],
  [/\bml\b/g, 'mL'],
  [/\bdl\b/g, 'dL'],
  [/(^|\/)ul\b/g, '$1uL'],
  [/\/day\b/gi, '/d'],
  [/\/minute\b/gi, '/min'],
  [/\/m\^2\b/g, '/m2'],
];

/** Typography only: the spellings that mean the same unit to every reader. */
export function normaliseUnitSpelling(unit: string): string {
  let u = unit;
  for (const [re, by] of TYPOGRAPHY) u = u.replace(re, by);
  return u;
}

export interface ReadUnit {
  /** UCUM code the units module gives. */
  code: string;
  dimension: UnitDimension;
  /** Characters consumed from the start of the text. */
  length: number;
}

/**
 * The unit at the start of `text` (after optional spaces), through the units module; undefined when
 * there is none or the units module does not know it. Handles `mL/min/1.73 m2` (space before m2), the
 * `BW` / `BS` basis words of `mg/kg BW/d`, and a sentence's final full stop.
 */
export function readUnit(text: string): ReadUnit | undefined {
  const lead = /^[ \t\u00a0]*/.exec(text)![0].length;
  const rest = text.slice(lead);
  const m = UNIT_AT.exec(rest);
  if (!m) return undefined;
  let raw = m[0];
  // Unbalanced closing brackets belong to the sentence (`(75mg/m2)`), a final full stop too.
  while (/[.)\]]$/.test(raw) && (raw.endsWith('.') || count(raw, '(') < count(raw, ')') || count(raw, '[') < count(raw, ']'))) raw = raw.slice(0, -1);
  let consumed = raw.length;
  const after = rest.slice(consumed);
  const spacedSurface = /^ (m2|m²)(?![A-Za-z0-9])/.exec(after);
  if (/\/1\.73$/.test(raw) && spacedSurface) {
    raw += spacedSurface[1];
    consumed += spacedSurface[0].length;
  }
  // `mg/kg BW/d`, `mg/m² BS`: body weight / body surface said in words.
  const basisWords = /^ (?:BW|BS|BSA)(\/(?:d|day))?(?![A-Za-z])/.exec(rest.slice(consumed));
  if (basisWords && /\/(kg|m2|m²)$/.test(raw)) {
    if (basisWords[1]) raw += '/d';
    consumed += basisWords[0].length;
  }
  if (/^(?:units?|x|X|times|fold|and|or|to|of|in|on|per)$/i.test(raw)) return undefined;
  const analysis = analyzeUnit(normaliseUnitSpelling(raw));
  if (analysis.status === 'invalid' || !analysis.code) return undefined;
  const dimension = classifyDimension(analysis.code);
  if (!dimension) return undefined;
  return { code: analysis.code, dimension, length: lead + consumed };
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

/** A unit a dose may be given in: an amount (mass, volume, IU, U, mmol), per kg or m², or per day. */
export function isDoseUnit(u: ReadUnit): boolean {
  if (!u.dimension.isDoseAmount) return false;
  if (u.dimension.perTime && !/(\/d|\.d\))$/.test(u.code)) return false;
  return !u.dimension.perVolume;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** `3`, `three` → 3; undefined otherwise. */
export function smallNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}

export const SMALL_NUMBER_SOURCE = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

/** Time words of registry text → the language's duration units. */
export function timeUnitOf(word: string): 'h' | 'min' | 'd' | 'wk' | 'mo' | 'a' | undefined {
  const w = word.toLowerCase();
  if (/^(?:h|hr|hrs|hour|hours)$/.test(w)) return 'h';
  if (/^(?:min|mins|minute|minutes)$/.test(w)) return 'min';
  if (/^(?:d|day|days)$/.test(w)) return 'd';
  if (/^(?:wk|wks|week|weeks)$/.test(w)) return 'wk';
  if (/^(?:mo|month|months)$/.test(w)) return 'mo';
  if (/^(?:y|yr|yrs|year|years)$/.test(w)) return 'a';
  return undefined;
}

export const TIME_WORD_SOURCE = String.raw`(?:hours?|hrs?|h|minutes?|mins?|days?|d|weeks?|wks?|months?|years?)`;
