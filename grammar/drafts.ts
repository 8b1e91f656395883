/**
 * The parser's output: drafts, a small typed tree between the tokens and the AST (build-ast.ts
 * turns it into the typed AST). A draft is attached to its block (or to its dose) the moment its
 * rule starts, and filled as the rule consumes tokens, so a statement that error recovery
 * abandons half-way is still there with what it had, exactly as a partial CST node would be;
 * build-ast.ts then keeps it or drops it by what it has. One plain object per statement, block
 * and dose clause (no CST node per rule, no per-token bookkeeping), which is where the parser's
 * time and garbage went.
 *
 * `start`/`end` are the offsets of the rule's first real token and of the end of its last one
 * (recovery's inserted tokens have no offset and do not count); NaN when it has none.
 */
import type { IToken } from 'chevrotain';

export type Tok = IToken | undefined;

/** `1000 mg`, `6 months`: a number and its unit (or time word). */
export interface QuantityDraft {
  n: Tok;
  u: Tok;
}

/** `1000 mg`, `100 to 150 ng/mL` */
export interface AmountDraft {
  n: Tok;
  n2: Tok;
  u: Tok;
}

/** `day 1`, `month 12` */
export interface TimePointDraft {
  u: Tok;
  n: Tok;
}

/** `2.5 x ULN` */
export interface NormalLimitDraft {
  n: Tok;
  l: Tok;
}

/** `7.0 to 10.5 %` */
export interface ThresholdRangeDraft {
  low: Tok;
  q: QuantityDraft | undefined;
}

/**
 * A statement, a block or a top-level declaration: `rule` is the grammar rule that made it, `k`
 * its keyword tokens in order (for the keyword's range), and the other fields are what the rule
 * read, by role. Unused fields stay undefined (one shape for every statement; lists are made on
 * their first element).
 */
export interface Draft {
  rule: string;
  start: number;
  end: number;
  k: Tok[];
  /** Names (`Identifier`s) in the order written. */
  ids: Tok[] | undefined;
  /** The names of a name list (`at screening, week4 and month6`). */
  names: Tok[] | undefined;
  /** Quoted texts in the order written (a text token, or undefined where recovery left one out). */
  texts: Tok[] | undefined;
  /** Runs of registry words in the order written. */
  words: (IToken[] | undefined)[] | undefined;
  /** A single token with a role of its own (a date, a number, an answer word, a comparator …). */
  a: Tok;
  b: Tok;
  c: Tok;
  quantities: (QuantityDraft | undefined)[] | undefined;
  amount: AmountDraft | undefined;
  timePoints: (TimePointDraft | undefined)[] | undefined;
  /** Statements of a block, in order. */
  statements: Draft[] | undefined;
  /** The dose clauses of a dose statement. */
  dose: DoseDraft | undefined;
  /** A criterion's threshold. */
  comparator: Tok;
  limit: NormalLimitDraft | undefined;
  between: ThresholdRangeDraft | undefined;
  wording: Tok;
  /** A criterion's own marker (`numbered "7."`, `bullet ""`): its keyword and text. */
  marker: { k: Tok; text: Tok } | undefined;
  /** Phase values, each its tokens in order. */
  phases: (IToken[] | undefined)[] | undefined;
}

export function draft(rule: string, start: number): Draft {
  return {
    rule,
    start,
    end: NaN,
    k: [],
    ids: undefined,
    names: undefined,
    texts: undefined,
    words: undefined,
    a: undefined,
    b: undefined,
    c: undefined,
    quantities: undefined,
    amount: undefined,
    timePoints: undefined,
    statements: undefined,
    dose: undefined,
    comparator: undefined,
    limit: undefined,
    between: undefined,
    wording: undefined,
    marker: undefined,
    phases: undefined,
  };
}

/** One clause of a dose (`in 3 divided doses`, `every 12 h`, `on days 1 and 8`, `if …`, `over 30 min`). */
export interface ClauseDraft {
  rule: string;
  start: number;
  end: number;
  /** The clause's keywords in order (`on`, `days` / `from`, `day` / `for`, `doses` …). */
  k: Tok[];
  n: Tok;
  /** Day numbers of `on days …`. */
  days: Tok[];
  q: QuantityDraft | undefined;
  id: Tok;
  comparator: Tok;
}

export function clause(rule: string, start: number): ClauseDraft {
  return { rule, start, end: NaN, k: [], n: undefined, days: [], q: undefined, id: undefined, comparator: undefined };
}

/** What a dose statement read after its amount, in order per kind. */
export interface DoseDraft {
  amount: AmountDraft | undefined;
  amountText: Tok;
  /** Route and frequency words (`iv`, `bid`), in order. */
  words: Tok[];
  divided: ClauseDraft[];
  every: ClauseDraft[];
  schedule: ClauseDraft[];
  over: ClauseDraft[];
  condition: ClauseDraft[];
  wording: Tok;
}

export function doseDraft(): DoseDraft {
  return { amount: undefined, amountText: undefined, words: [], divided: [], every: [], schedule: [], over: [], condition: [], wording: undefined };
}
