/**
 * Clinical spellings: text rewrites from how protocol writers type units to UCUM.
 *
 * This is deliberately a table of SPELLINGS, not of conversions: every rewrite
 * maps a written form to the UCUM code with the same meaning (`mcg` → `ug`,
 * `days` → `d`, `g/24h` → `g/(24.h)`, `mL/min/1.73 m2` → `mL/min/{1.73_m2}`).
 * The caller (analyze.ts) only accepts a rewrite when the library validates
 * the result, and never rewrites text that is already valid UCUM (except the
 * meaning-preserving `10^N` → `10*N`, see preferredSpelling).
 *
 * API:
 *   rewriteClinicalSpelling(text) → { code, rules } | null   (rules: one human line per rewrite applied)
 *   preferredSpelling(validCode)  → { code, rules } | null   (valid UCUM with a preferred equivalent spelling)
 */

export interface SpellingRewrite {
  /** The rewritten text (a UCUM candidate; the caller validates it). */
  readonly code: string;
  /** What was rewritten, e.g. "mcg → ug". */
  readonly rules: readonly string[];
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};

/** Whole words (case-insensitive) → UCUM atom. Time words first: they are the most frequent. */
const WORDS_CI: ReadonlyArray<[RegExp, string]> = [
  [/^(?:day|days)$/i, 'd'],
  [/^(?:week|weeks|wks)$/i, 'wk'],
  [/^(?:month|months|mos|mth|mths)$/i, 'mo'],
  [/^(?:year|years|yr|yrs|y)$/i, 'a'],
  [/^(?:hour|hours|hr|hrs)$/i, 'h'],
  [/^(?:minute|minutes|mins)$/i, 'min'],
  [/^(?:second|seconds|sec|secs)$/i, 's'],
  [/^(?:cells)$/i, '{cells}'],
  [/^(?:copies)$/i, '{copies}'],
  [/^(?:dose)$/i, '{dose}'],
];

/** Case-sensitive atoms (UCUM is case-sensitive: `Mg` is megagram). */
const WORDS_CS: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^mc(g|L|l|mol)$/, (m) => `u${m[1]}`],
  [/^([munkM]?)IU$/, (m) => `${m[1]}[IU]`],
  [/^([mu]?)Eq$/, (m) => `${m[1]}eq`],
  [/^mmHg$/, () => 'mm[Hg]'],
];

function rewriteWord(word: string): string | null {
  for (const [re, code] of WORDS_CI) if (re.test(word)) return code;
  for (const [re, fn] of WORDS_CS) {
    const m = word.match(re);
    if (m) return fn(m);
  }
  return null;
}

/** Apply fn to the parts of text outside [...] and {...}. */
function outsideBrackets(text: string, fn: (part: string) => string): string {
  return text.replace(/(\[[^\]]*\]|\{[^}]*\})|([^[{]+)/g, (_all, bracketed: string | undefined, plain: string | undefined) =>
    bracketed ?? fn(plain ?? ''),
  );
}

interface Step {
  readonly name: (before: string, after: string) => string;
  readonly apply: (text: string) => string;
}

const STEPS: readonly Step[] = [
  {
    // "mg / kg" → "mg/kg"; "mg · min" → "mg.min"
    name: () => 'blanks around operators removed',
    apply: (t) => t.replace(/\s*([/()])\s*/g, '$1').replace(/\s*[·•]\s*/g, '.'),
  },
  {
    name: () => 'µ → u (UCUM micro prefix)',
    apply: (t) => outsideBrackets(t, (p) => p.replace(/[µμ](?=[A-Za-z[])/g, 'u')),
  },
  {
    // ×10⁹/L, x10^9/L, 10^9/L, 10E9/L, 10⁹/L → 10*9/L
    name: (b, a) => `${b} → ${a} (UCUM writes powers of ten as 10*N)`,
    apply: (t) =>
      t
        .replace(/^[x×*]\s*(?=10)/, '')
        .replace(/10\s*\^\s*([+-]?\d+)/g, '10*$1')
        .replace(/10[eE]([+-]?\d+)/g, '10*$1')
        .replace(/10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_m, sup: string) => `10*${[...sup].map((c) => SUPERSCRIPT_DIGITS[c]).join('')}`),
  },
  {
    // eGFR normalisation: /1.73 m2, /1.73m², /(1.73 m^2), /1,73 m2 → /{1.73_m2}. Not "/1.73.m2": that one is valid UCUM (a trap, see traps.ts).
    name: () => '1.73 m² body-surface normalisation → {1.73_m2}',
    apply: (t) => t.replace(/\/\(?1[.,]73\s*[×x*_ ]?\s*(?:m2|m²|m\^2)\)?$/, '/{1.73_m2}'),
  },
  {
    name: () => 'exponent written as superscript or ^ → UCUM suffix (m² → m2)',
    apply: (t) => outsideBrackets(t, (p) => p.replace(/([A-Za-z])(?:\^([23])|([²³]))/g, (_m, l: string, c: string, s: string) => l + (c ?? SUPERSCRIPT_DIGITS[s]))),
  },
  {
    name: (b, a) => `clinical words → UCUM codes (${b} → ${a})`,
    apply: (t) =>
      outsideBrackets(t, (p) =>
        p.replace(/cmH2O/g, 'cm[H2O]').replace(/[A-Za-z]+/g, (w) => rewriteWord(w) ?? w),
      ),
  },
  {
    // g/24h, g/24 h, g/(24h) → g/(24.h): UCUM reads g/24.h as (g/24)·h, so the divisor needs parentheses.
    name: (b, a) => `${b} → ${a} (a number times a unit in a divisor must be parenthesised)`,
    apply: (t) => {
      const parts = t.split('/');
      for (let i = 1; i < parts.length; i++) {
        const m = parts[i].match(/^\(?(\d+)\s*\.?\s*([A-Za-z][A-Za-z0-9]*|\[[^\]]+\])\)?$/);
        if (m) parts[i] = `(${m[1]}.${m[2]})`;
      }
      return parts.join('/');
    },
  },
];

/**
 * Rewrite a clinical spelling towards UCUM. Returns null when nothing changed.
 * The result is a candidate only: the caller validates it with the library.
 */
export function rewriteClinicalSpelling(text: string): SpellingRewrite | null {
  let current = text.trim();
  const rules: string[] = [];
  for (const step of STEPS) {
    const next = step.apply(current);
    if (next !== current) {
      rules.push(step.name(current, next));
      current = next;
    }
  }
  return rules.length ? { code: current, rules } : null;
}

/** Valid UCUM that has a preferred equivalent spelling: `10^9/L` (valid: `10^` is UCUM's "ten for arbitrary powers") → `10*9/L`. */
export function preferredSpelling(code: string): SpellingRewrite | null {
  if (!/10\^/.test(code)) return null;
  const next = code.replace(/10\^([+-]?\d+)/g, '10*$1');
  return next === code ? null : { code: next, rules: [`${code} → ${next} (10*N is the usual UCUM spelling of powers of ten)`] };
}
