/**
 * Human names of UCUM codes, taken from the library.
 *
 * The library has good names for the common clinical codes it lists
 * ("milligram per kilogram per day") but composes bracketed names for the rest
 * ("[milligram/kilogram]/day", "the number ten for arbitrary powers<sup>9</sup>"),
 * has typos ("millliiter") and mixed case ("milliLiters", "second - time").
 * This file cleans those names up; for composed codes it builds
 * "numerator per divisor per divisor" from the library names of each factor.
 *
 * API:
 *   unitName(validCode) → string   (falls back to the code itself)
 */

import { splitTerms } from './structure';
import { ucumValidate } from './ucum';

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

export function superscript(digits: string): string {
  return [...digits].map((c) => SUP[c] ?? c).join('');
}

function clean(name: string): string {
  return name
    .replace(/the number ten for arbitrary powers<sup>([-\d]+)<\/sup>/g, (_m, p: string) => `10${superscript(p)}`)
    .replace(/<sup>([-\d]+)<\/sup>/g, (_m, p: string) => superscript(p))
    .replace(/<[^>]+>/g, '')
    .replace(/ - (?:time|arbitrary)\b/g, '')
    .replace(/millliiter/g, 'milliliter')
    .replace(/\b([a-zA-Z]*)[lL]iters\b/g, (_m, p: string) => `${p.toLowerCase()}liter`)
    .replace(/\b([a-z]+)Liter\b/g, (_m, p: string) => `${p}liter`)
    .replace(/\bLiter\b/g, 'liter')
    .replace(/\s+/g, ' ')
    .trim();
}

function isComposed(name: string): boolean {
  return !name || /[[\]{}/*<]/.test(name);
}

const cache = new Map<string, string>();

/** Human name for a valid UCUM code. */
export function unitName(code: string): string {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const name = compute(code);
  if (cache.size > 2000) cache.clear();
  cache.set(code, name);
  return name;
}

function termName(text: string): string {
  const ann = text.match(/^\{([^}]*)\}$/);
  if (ann) return ann[1] === '1.73_m2' ? '1.73 square meter (body surface)' : ann[1].replace(/_/g, ' ');
  if (/^\d+$/.test(text)) return text;
  if (text === '%') return 'percent';
  const v = ucumValidate(text);
  const bare = text.replace(/\{[^}]*\}/g, '');
  const n = v.name && !isComposed(v.name) ? clean(v.name) : bare !== text ? termName(bare) : clean(v.name ?? text) || text;
  const annotation = text.match(/\{([^}]*)\}/);
  return annotation && bare ? `${n} (${annotation[1]})` : n;
}

function compute(code: string): string {
  const v = ucumValidate(code);
  if (v.status !== 'valid') return code;
  if (v.name && !isComposed(v.name)) return clean(v.name);
  if (code === '%') return 'percent';
  const terms = splitTerms(code);
  if (!terms) return clean(v.name ?? code) || code;
  const num: string[] = [];
  const den: string[] = [];
  // Group "N.unit" runs so that g/(24.h) reads "gram per 24 hour".
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    let name = termName(t.text);
    const next = terms[i + 1];
    if (/^\d+$/.test(t.text) && next && next.sign === t.sign) {
      name = `${t.text} ${termName(next.text)}`;
      i++;
    }
    (t.sign > 0 ? num : den).push(name);
  }
  const head = num.length ? num.join(' ') : '1';
  return [head, ...den].join(' per ');
}
