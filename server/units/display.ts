/**
 * Display: units written the way clinicians read them, for exported registry
 * text and hovers. Deterministic; only the spelling changes, never the meaning
 * (every display form analyses back to the same code — see the round-trip test).
 *
 *   g/(24.h) → g/24 h          mL/min/{1.73_m2} → mL/min/1.73 m²   10*9/L → ×10⁹/L
 *   ug → µg                    [IU] → IU, m[IU]/mL → mIU/mL        mm[Hg] → mmHg
 *   mg/kg/d → mg/kg/day        mg/m2 → mg/m²                       mg.min/mL → mg·min/mL
 *   a time unit on its own:  mo → month(s), a → year(s), d → day(s), wk → week(s),
 *                            h → hour(s), min → minute(s), s → second(s)
 *                            (singular only when the value is exactly ±1)
 *   anything else valid is unchanged; invalid text is returned trimmed.
 *
 * API:
 *   displayUnit(unitText, value?) → string
 *   formatQuantity(value, unitText) → string   e.g. "3 mg/kg/day", "1000 mg", "4 g/24 h", "6 months", "1.5 ×10⁹/L"
 *   formatNumber(value) → string
 */

import { analyzeUnit } from './analyze';
import { superscript } from './names';
import { tokenizeUcum, type Token } from './structure';

const TIME_WORDS: Record<string, [singular: string, plural: string]> = {
  mo: ['month', 'months'],
  a: ['year', 'years'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  h: ['hour', 'hours'],
  min: ['minute', 'minutes'],
  s: ['second', 'seconds'],
};

/** Time atoms inside a compound unit: mg/kg/d → mg/kg/day, but mL/min and mg/kg/h stay. */
const TIME_IN_COMPOUND: Record<string, string> = { d: 'day', wk: 'week', mo: 'month', a: 'year' };

function displayAtom(atom: string): string {
  const ann = atom.match(/^\{([^}]*)\}$/);
  if (ann) return ann[1] === '1.73_m2' ? '1.73 m²' : ann[1].replace(/_/g, ' ');
  const pow = atom.match(/^10[*^]([+-]?\d+)$/);
  if (pow) return `×10${superscript(pow[1].replace('+', ''))}`;
  if (TIME_IN_COMPOUND[atom]) return TIME_IN_COMPOUND[atom];
  return atom
    .replace(/\[[iI]U\]/g, 'IU')
    .replace(/^mm\[Hg\]$/, 'mmHg')
    .replace(/^cm\[H2O\]$/, 'cmH2O')
    .replace(/^([mu]?)eq$/, '$1Eq')
    .replace(/^u(?=[A-Za-z[])/, 'µ')
    .replace(/^([a-zA-Z]+)([23])$/, (_m, u: string, e: string) => u + superscript(e));
}

function render(tokens: Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'atom') out += displayAtom(t.text);
    else if (t.kind === 'op') out += t.text === '/' ? '/' : '·';
    else if (t.kind === 'open') {
      // "(N.unit)" reads "N unit": g/(24.h) → g/24 h.
      const a = tokens[i + 1];
      const dot = tokens[i + 2];
      const b = tokens[i + 3];
      const close = tokens[i + 4];
      if (a?.kind === 'atom' && /^\d+$/.test(a.text) && dot?.kind === 'op' && dot.text === '.' && b?.kind === 'atom' && close?.kind === 'close') {
        out += `${a.text} ${displayAtom(b.text)}`;
        i += 4;
      } else out += '(';
    } else out += ')';
  }
  return out;
}

/**
 * Memo of displayUnit: the display depends on the text and, for time words, on whether the value
 * is ±1 (one map each, so a lookup builds no key string: the export renders thousands of doses).
 */
const displayMemo = { one: new Map<string, string>(), other: new Map<string, string>() };

/** Clinician-facing spelling of a unit (text is analysed first, so clinical spellings are accepted). */
export function displayUnit(unitText: string, value?: number): string {
  if (typeof unitText !== 'string') return computeDisplay(unitText, value);
  const memo = value !== undefined && Math.abs(value) === 1 ? displayMemo.one : displayMemo.other;
  const hit = memo.get(unitText);
  if (hit !== undefined) return hit;
  const result = computeDisplay(unitText, value);
  if (memo.size >= 5000) memo.clear();
  memo.set(unitText, result);
  return result;
}

function computeDisplay(unitText: string, value?: number): string {
  const a = analyzeUnit(unitText);
  if (!a.code) return unitText.trim();
  const words = TIME_WORDS[a.code];
  if (words) return value !== undefined && Math.abs(value) === 1 ? words[0] : words[1];
  const tokens = tokenizeUcum(a.code);
  return tokens ? render(tokens) : a.code;
}

/** Plain decimal text for a number, deterministic (no locale, no exponent for ordinary magnitudes). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return String(value);
  // Whole numbers below 1e15 carry no binary noise (the export writes thousands of day numbers).
  if (Number.isInteger(value) && abs < 1e15) return String(value);
  // Trim binary noise such as 0.30000000000000004 → 0.3 (15 significant digits).
  return String(Number(value.toPrecision(15)));
}

/** A number as the writer wrote it (`3.0` stays `3.0`), else its plain decimal text. */
export function writtenNumber(n: number | { value: number; written?: string }): string {
  if (typeof n === 'number') return formatNumber(n);
  return n.written !== undefined && /^-?\d+(\.\d+)?$/.test(n.written) ? n.written.replace(/^-0(\.0*)?$/, '0') : formatNumber(n.value);
}

/**
 * "3 mg/kg/day", "1000 mg", "4 g/24 h", "1 month", "6 months", "25%". Given the number as written
 * (`{ value, written }`), it keeps the writer's precision: `3.0 g/dL` is "3.0 g/dL".
 */
export function formatQuantity(n: number | { value: number; written?: string }, unitText: string): string {
  const value = typeof n === 'number' ? n : n.value;
  const unit = displayUnit(unitText, value);
  const num = writtenNumber(n);
  if (!unit) return num;
  return unit === '%' ? `${num}%` : `${num} ${unit}`;
}
