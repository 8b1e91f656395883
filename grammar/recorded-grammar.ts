/**
 * The grammar as Chevrotain records it (its GAST: every rule's productions) and the follow sets
 * error recovery resynchronises on, stored instead of computed at every start. Chevrotain's
 * self-analysis runs every rule once in a recording mode to learn the grammar, then walks it for
 * the follows: most of a `trial` command's start-up after the lookahead table
 * (grammar/lookahead.ts) took the lookahead paths out of it. Both depend on the grammar alone, so
 * they are computed once, with the lookahead table (server/tools/generate-lookahead.ts writes
 * grammar/recorded-grammar-table.ts, `npm run grammar:lookahead`), and read here.
 *
 * Unlike the lookahead table, a stored grammar cannot be compared with the grammar at run time
 * without recording it, which is what it saves: it is used when its rules are the parser's (by
 * name, in order), and test/grammar/recorded-grammar.test.ts fails when it is not exactly what
 * Chevrotain records (every production, occurrence index, token, label and flag, and the
 * follows), as land.sh regenerates it whenever grammar/parser.ts changes. Tests also parse with
 * the stored grammar and with a recorded one and compare drafts, errors and recovery.
 *
 * The productions are made as Chevrotain's recorder makes them (same classes, same own
 * properties), without their constructors (which copy options through lodash: slow when cold).
 */
import {
  Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator, Rule, Terminal, type IProduction, type TokenType,
} from 'chevrotain';

/**
 * One production as a tuple (short: the table is loaded at every start):
 *   ['T', token, idx, label?]                        a terminal (CONSUME)
 *   ['N', rule, idx, label?]                         a non-terminal (SUBRULE)
 *   ['O' | 'M' | 'L', idx, children, maxLookahead?]   OPTION, MANY, AT_LEAST_ONE
 *   ['S' | 'E', idx, children, separator, maxLookahead?]  MANY_SEP, AT_LEAST_ONE_SEP
 *   ['A', idx, alternatives, ignoreAmbiguities, hasPredicates, maxLookahead?]  OR; an alternative: [children, ignoreAmbiguities]
 */
export type StoredProduction =
  | ['T' | 'N', string, number, string?]
  | ['O' | 'M' | 'L', number, StoredProduction[], number?]
  | ['S' | 'E', number, StoredProduction[], string, number?]
  | ['A', number, [StoredProduction[], 0 | 1][], 0 | 1, 0 | 1, number?];

export interface RecordedGrammar {
  /** The lookahead table's fingerprint of this grammar (grammar/lookahead.ts), computed when it was stored. */
  fingerprint: string;
  /** Every rule, in definition order: its name and its productions. */
  rules: [string, StoredProduction[]][];
  /** Chevrotain's resync follows by key (`rule` + occurrence + `_~IN~_` + rule): token type names. */
  follows: Record<string, string[]>;
}

/** Own properties of a recorded production beyond the published types. */
interface Recorded {
  idx: number;
  label?: string;
  maxLookahead?: number;
  separator?: TokenType;
  ignoreAmbiguities?: boolean;
  hasPredicates?: boolean;
  definition: IProduction[];
}

/** The stored form of recorded rules and follows. */
export function storeGrammar(rules: readonly Rule[], follows: Record<string, TokenType[]>, fingerprint: string): RecordedGrammar {
  const store = (p: IProduction): StoredProduction => {
    const q = p as unknown as Recorded;
    const children = (): StoredProduction[] => q.definition.map(store);
    const tail = (): [number?] => (q.maxLookahead === undefined ? [] : [q.maxLookahead]);
    if (p instanceof Terminal) return q.label === undefined ? ['T', p.terminalType.name, p.idx] : ['T', p.terminalType.name, p.idx, q.label];
    if (p instanceof NonTerminal) return q.label === undefined ? ['N', p.nonTerminalName, p.idx] : ['N', p.nonTerminalName, p.idx, q.label];
    if (p instanceof Option) return ['O', q.idx, children(), ...tail()];
    if (p instanceof Repetition) return ['M', q.idx, children(), ...tail()];
    if (p instanceof RepetitionMandatory) return ['L', q.idx, children(), ...tail()];
    if (p instanceof RepetitionWithSeparator) return ['S', q.idx, children(), q.separator!.name, ...tail()];
    if (p instanceof RepetitionMandatoryWithSeparator) return ['E', q.idx, children(), q.separator!.name, ...tail()];
    if (p instanceof Alternation) {
      const alternatives = (p.definition as Alternative[]).map((alt): [StoredProduction[], 0 | 1] => [alt.definition.map(store), alt.ignoreAmbiguities ? 1 : 0]);
      return ['A', q.idx, alternatives, q.ignoreAmbiguities ? 1 : 0, q.hasPredicates ? 1 : 0, ...tail()];
    }
    throw new Error(`cannot store a production of kind ${p.constructor.name}`);
  };
  return {
    fingerprint,
    rules: rules.map((rule) => [rule.name, rule.definition.map(store)]),
    follows: Object.fromEntries(Object.entries(follows).map(([key, types]) => [key, types.map((t) => t.name)])),
  };
}

/** A production of class `cls` with the own properties the recorder gives it, in its order. */
function made<T extends object>(cls: { prototype: T }, props: object): T {
  return Object.assign(Object.create(cls.prototype) as T, props);
}

const REPETITIONS = { O: Option, M: Repetition, L: RepetitionMandatory, S: RepetitionWithSeparator, E: RepetitionMandatoryWithSeparator } as const;

/**
 * The rules of a stored grammar as Chevrotain's recorder would have made them (non-terminals are
 * linked to their rules by Chevrotain's resolver, as after recording), and its follows.
 */
export function loadGrammar(stored: RecordedGrammar, tokens: ReadonlyMap<string, TokenType>): { rules: Rule[]; follows: Record<string, TokenType[]> } {
  const token = (name: string): TokenType => {
    const t = tokens.get(name);
    if (t === undefined) throw new Error(`the stored grammar names a token the parser does not have: ${name}`);
    return t;
  };
  const load = (p: StoredProduction): IProduction => {
    switch (p[0]) {
      case 'T':
        return made(Terminal, p[3] === undefined ? { idx: p[2], terminalType: token(p[1]) } : { idx: p[2], terminalType: token(p[1]), label: p[3] });
      case 'N':
        return made(NonTerminal, p[3] === undefined ? { _definition: [], idx: p[2], nonTerminalName: p[1] } : { _definition: [], idx: p[2], nonTerminalName: p[1], label: p[3] });
      case 'A': {
        const alternatives = p[2].map(([children, ignore]) => made(Alternative, { _definition: children.map(load), ignoreAmbiguities: ignore === 1 }));
        const props: Record<string, unknown> = { _definition: alternatives, idx: p[1], ignoreAmbiguities: p[3] === 1, hasPredicates: p[4] === 1 };
        if (p[5] !== undefined) props.maxLookahead = p[5];
        return made(Alternation, props);
      }
      case 'S':
      case 'E': {
        const props: Record<string, unknown> = { _definition: p[2].map(load), idx: p[1], separator: token(p[3]) };
        if (p[4] !== undefined) props.maxLookahead = p[4];
        return made(REPETITIONS[p[0]], props) as IProduction;
      }
      default: {
        const props: Record<string, unknown> = { _definition: p[2].map(load), idx: p[1] };
        if (p[3] !== undefined) props.maxLookahead = p[3];
        return made(REPETITIONS[p[0]], props) as IProduction;
      }
    }
  };
  const rules = stored.rules.map(([name, definition]) => made(Rule, { _definition: definition.map(load), orgText: '', name }));
  const follows: Record<string, TokenType[]> = {};
  for (const key in stored.follows) follows[key] = stored.follows[key]!.map(token);
  return { rules, follows };
}
