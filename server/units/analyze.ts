/**
 * analyzeUnit: what a unit typed after a number in a protocol means.
 *
 *   analyzeUnit('mcg/kg/day') → { code: 'ug/kg/d', status: 'clinical-spelling', validUcum: false, … }
 *   analyzeUnit('mL/min/1.73.m2') → { code: 'mL/min/1.73.m2', status: 'ucum', traps: [left-to-right-division, fix 'mL/min/{1.73_m2}'] }
 *   analyzeUnit('cells/uL') → clinical spelling of '{cells}/uL'
 *   analyzeUnit('BID') → { code: null, status: 'invalid', message: library message, suggestions: […] }
 *
 * Order of decisions:
 *   1. valid UCUM as written → status 'ucum' (or 'clinical-spelling' when a
 *      preferred equivalent exists: 10^9/L → 10*9/L). Valid text is never
 *      "corrected": mL/min/1.73.m2 keeps its literal meaning and gets a trap.
 *   2. else a clinical spelling whose rewrite the library validates → 'clinical-spelling'.
 *   3. else 'invalid' with the library's message and suggestions. The library's
 *      own substitution (e.g. 'mg/kg/day' → 'mg/kg/d') is offered as a suggestion
 *      only; its guess for 'mL/min/1.73m2' ('mL/min/1.(73.m2)', splitting the
 *      decimal) is discarded as misleading (never reached in practice because
 *      step 2 handles it, but guarded anyway).
 *
 * Results are frozen and cached by text (≈ 1 µs per cached call; the cache is
 * cleared when it exceeds CACHE_LIMIT entries). Never throws.
 *
 * API:
 *   analyzeUnit(text) → UnitAnalysis
 *   clearUnitCache()  → void  (tests / memory)
 */

import { preferredSpelling, rewriteClinicalSpelling } from './clinical-spellings';
import { classifyDimension, type UnitDimension } from './dimensions';
import { unitName } from './names';
import { annotationsOf } from './structure';
import { findTraps, type UnitTrap } from './traps';
import { MAX_UNIT_LENGTH, UcumUnavailableError, ucumValidate } from './ucum';

export type UnitStatus = 'ucum' | 'clinical-spelling' | 'invalid';

export interface UnitSuggestion {
  readonly code: string;
  readonly name: string;
  /** 'spelling': our clinical-spelling table; 'library': ucum-lhc's substitution or suggestion list; 'trap': a trap fix. */
  readonly source: 'spelling' | 'library' | 'trap';
}

export interface UnitAnalysis {
  /** The text as given (untrimmed). */
  readonly text: string;
  /** The UCUM code the text means, or null when unknown/invalid. */
  readonly code: string | null;
  readonly status: UnitStatus;
  /** The trimmed text is valid UCUM exactly as written (per the library). */
  readonly validUcum: boolean;
  /** When status is 'clinical-spelling': what was rewritten (one line per rule). Empty otherwise. */
  readonly spellingRules: readonly string[];
  /** Human message: library message when invalid; explanation when a clinical spelling; null when plain UCUM. */
  readonly message: string | null;
  /** The library's own messages, verbatim (may be empty). */
  readonly libraryMessages: readonly string[];
  /** Replacement codes for quick fixes, best first. For 'clinical-spelling' the first is `code`. */
  readonly suggestions: readonly UnitSuggestion[];
  /** Valid-but-wrong-meaning findings (see traps.ts). */
  readonly traps: readonly UnitTrap[];
  /** Annotations in `code` ({1.73_m2}, {cells}…): UCUM ignores them in arithmetic, compare them separately. */
  readonly annotations: readonly string[];
  /** Human name of `code` (from the library), or null. */
  readonly name: string | null;
  /** Dimension classification of `code`, or null. */
  readonly dimension: UnitDimension | null;
}

const CACHE_LIMIT = 5000;
const cache = new Map<string, UnitAnalysis>();

export function clearUnitCache(): void {
  cache.clear();
}

export function analyzeUnit(text: string): UnitAnalysis {
  if (typeof text !== 'string') text = String(text);
  const hit = cache.get(text);
  if (hit) return hit;
  let result: UnitAnalysis;
  try {
    // Spelling rules and the library are not linear in the length; no real unit is this long.
    result = text.trim().length > MAX_UNIT_LENGTH
      ? invalid(text, [`A unit of ${text.trim().length} characters is longer than any UCUM unit (at most ${MAX_UNIT_LENGTH} are read).`], [])
      : compute(text);
  } catch (err) {
    if (err instanceof UcumUnavailableError) throw err;
    result = invalid(text, [`Unit analysis failed: ${String((err as Error)?.message ?? err)}`], []);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function freeze(a: UnitAnalysis): UnitAnalysis {
  Object.freeze(a.spellingRules);
  Object.freeze(a.libraryMessages);
  Object.freeze(a.annotations);
  a.suggestions.forEach((s) => Object.freeze(s));
  Object.freeze(a.suggestions);
  a.traps.forEach((t) => Object.freeze(t));
  Object.freeze(a.traps);
  return Object.freeze(a);
}

function invalid(text: string, libraryMessages: string[], suggestions: UnitSuggestion[]): UnitAnalysis {
  const trimmed = text.trim();
  const message = libraryMessages[0] ?? (trimmed ? `'${trimmed}' is not a valid UCUM unit.` : 'No unit given.');
  return freeze({
    text,
    code: null,
    status: 'invalid',
    validUcum: false,
    spellingRules: [],
    message,
    libraryMessages,
    suggestions,
    traps: [],
    annotations: [],
    name: null,
    dimension: null,
  });
}

function resolved(
  text: string,
  code: string,
  status: UnitStatus,
  validUcum: boolean,
  rules: readonly string[],
  libraryMessages: readonly string[],
): UnitAnalysis {
  const traps = findTraps(code);
  const name = unitName(code);
  const suggestions: UnitSuggestion[] = [];
  if (status === 'clinical-spelling') suggestions.push({ code, name, source: 'spelling' });
  for (const t of traps) if (t.fix) suggestions.push({ code: t.fix, name: fixName(t.fix), source: 'trap' });
  const message =
    status === 'clinical-spelling'
      ? `'${text.trim()}' is ${validUcum ? 'valid UCUM; the usual spelling is' : 'a common clinical spelling of UCUM'} '${code}' (${name}).`
      : null;
  return freeze({
    text,
    code,
    status,
    validUcum,
    spellingRules: [...rules],
    message,
    libraryMessages: [...libraryMessages],
    suggestions,
    traps,
    annotations: annotationsOf(code),
    name,
    dimension: classifyDimension(code),
  });
}

function fixName(code: string): string {
  return ucumValidate(code).status === 'valid' ? unitName(code) : code;
}

/** The library's substitution splits a decimal ('1.(73.m2)'): a misleading guess. */
function misleading(code: string): boolean {
  return /\d\.\(\d/.test(code) || /\(\d+\.m2\)$/.test(code);
}

function compute(text: string): UnitAnalysis {
  const trimmed = text.trim();
  if (!trimmed) return invalid(text, ['No unit given.'], []);

  // 1. Valid as written.
  const asWritten = ucumValidate(trimmed, false);
  if (asWritten.status === 'valid' && asWritten.code) {
    const pref = preferredSpelling(asWritten.code);
    if (pref && ucumValidate(pref.code).status === 'valid') {
      return resolved(text, pref.code, 'clinical-spelling', true, pref.rules, asWritten.messages);
    }
    return resolved(text, asWritten.code, 'ucum', true, [], asWritten.messages);
  }

  // 2. Clinical spelling.
  const rewrite = rewriteClinicalSpelling(trimmed);
  if (rewrite) {
    const v = ucumValidate(rewrite.code, false);
    if (v.status === 'valid' && v.code) {
      const pref = preferredSpelling(v.code);
      const code = pref ? pref.code : v.code;
      return resolved(text, code, 'clinical-spelling', false, [...rewrite.rules, ...(pref?.rules ?? [])], asWritten.messages);
    }
  }

  // 3. Invalid: library message and suggestions.
  const withSuggestions = ucumValidate(trimmed, true);
  const suggestions: UnitSuggestion[] = [];
  const seen = new Set<string>();
  const add = (code: string, name: string) => {
    if (seen.has(code) || misleading(code)) return;
    if (ucumValidate(code).status !== 'valid') return;
    seen.add(code);
    suggestions.push({ code, name: unitName(code) || name, source: 'library' });
  };
  if (withSuggestions.code) add(withSuggestions.code, withSuggestions.name ?? '');
  for (const s of withSuggestions.suggestions) add(s.code, s.name);
  const messages = withSuggestions.messages.filter((m) => !/73\.m2/.test(m) || !/1\.73/.test(trimmed));
  return invalid(text, messages.length ? messages : [...asWritten.messages], suggestions);
}
