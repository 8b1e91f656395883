/**
 * Structure of a VALID UCUM code: the list of its factors with the sign of their
 * exponent, following UCUM's strict left-to-right reading.
 *
 *   splitTerms('mg/kg/d')          → mg(+1) kg(-1) d(-1)
 *   splitTerms('mg/(m2.d)')        → mg(+1) m2(-1) d(-1)
 *   splitTerms('mL/min/1.73.m2')   → mL(+1) min(-1) 1(-1) 73(+1) m2(+1)   ← the trap: '.' binds after '/'
 *   splitTerms('10*9/L')           → 10*9(+1) L(-1)
 *
 * Used by the dimension classifier (which term is the "per kg", which is the
 * "per day"), by trap detection and by display. It does not decide validity or
 * dimensions: that is the library's job (see ucum.ts). Pure string code.
 */

export interface SignedTerm {
  /** The factor as written: `mg`, `kg`, `m2`, `10*9`, `{1.73_m2}`, `g{creat}`, `[IU]`, `24`. */
  readonly text: string;
  /** +1 in the numerator, -1 in the denominator. */
  readonly sign: 1 | -1;
}

export type Token = { kind: 'atom'; text: string } | { kind: 'op'; text: '/' | '.' } | { kind: 'open' } | { kind: 'close' };

export function tokenizeUcum(code: string): Token[] | null {
  const out: Token[] = [];
  let atom = '';
  const flush = () => {
    if (atom) out.push({ kind: 'atom', text: atom });
    atom = '';
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '[' || ch === '{') {
      const close = ch === '[' ? ']' : '}';
      const j = code.indexOf(close, i + 1);
      if (j < 0) return null;
      atom += code.slice(i, j + 1);
      i = j;
    } else if (ch === '/' || ch === '.') {
      flush();
      out.push({ kind: 'op', text: ch });
    } else if (ch === '(') {
      flush();
      out.push({ kind: 'open' });
    } else if (ch === ')') {
      flush();
      out.push({ kind: 'close' });
    } else {
      atom += ch;
    }
  }
  flush();
  return out;
}

/** Split a UCUM code into signed factors; null when the text is not well formed. */
export function splitTerms(code: string): SignedTerm[] | null {
  const tokens = tokenizeUcum(code);
  if (!tokens || tokens.length === 0) return null;
  let pos = 0;

  const parseTerm = (): SignedTerm[] | null => {
    const terms: SignedTerm[] = [];
    let sign: 1 | -1 = 1;
    let expectComponent = true;
    // Leading '/' (e.g. '/L', '/(12.h)').
    if (tokens[pos]?.kind === 'op' && (tokens[pos] as { text: string }).text === '/') {
      sign = -1;
      pos++;
    }
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (expectComponent) {
        if (t.kind === 'atom') {
          terms.push({ text: t.text, sign });
          pos++;
        } else if (t.kind === 'open') {
          pos++;
          const inner = parseTerm();
          if (!inner || tokens[pos]?.kind !== 'close') return null;
          pos++;
          for (const it of inner) terms.push({ text: it.text, sign: (it.sign * sign) as 1 | -1 });
        } else {
          return null;
        }
        expectComponent = false;
      } else {
        if (t.kind === 'close') break;
        if (t.kind !== 'op') return null;
        sign = t.text === '/' ? -1 : 1;
        pos++;
        expectComponent = true;
      }
    }
    return expectComponent ? null : terms;
  };

  const terms = parseTerm();
  if (!terms || pos !== tokens.length) return null;
  return terms;
}

/** Annotations (`{…}`) appearing anywhere in a code, in order, braces included. */
export function annotationsOf(code: string): string[] {
  return code.match(/\{[^}]*\}/g) ?? [];
}

/** The code with every annotation removed (what the library computes with). */
export function withoutAnnotations(code: string): string {
  return code.replace(/\{[^}]*\}/g, '');
}
