/**
 * The parser's lookahead from a stored table instead of Chevrotain's grammar analysis at every
 * start. Chevrotain computes, for each OR / OPTION / MANY / AT_LEAST_ONE of the grammar, the token
 * sequences (paths, up to `maxLookahead` tokens) that choose each alternative; that computation
 * was about a third of a `trial` command's start-up. The paths depend on the grammar alone, so
 * they are computed once (server/tools/generate-lookahead.ts writes grammar/lookahead-table.ts)
 * and read here.
 *
 * The table is used only when it was made from this very grammar: it carries a fingerprint of the
 * grammar as Chevrotain records it (every rule, production, occurrence index, token and token
 * category), compared at construction with the grammar just recorded (or, when the parser reads
 * the stored grammar, grammar/recorded-grammar.ts, with the fingerprint stored with it). When they differ (the
 * grammar was edited and the table not regenerated) the paths are computed as Chevrotain would
 * (`getLookaheadPaths`), so a stale table costs start-up time, never a wrong parse.
 * test/grammar/lookahead.test.ts fails when the table is stale or differs from what Chevrotain
 * computes, and checks that parses with this lookahead equal parses with Chevrotain's own.
 *
 * The lookahead functions built from the paths do what Chevrotain's own builders
 * (chevrotain/lib/src/parse/grammar/lookahead.js, not exported) do: the first alternative with a
 * matching path wins, gates (`GATE`) are asked first, a token matches a path's token type when it
 * is of that type or of a type in that category.
 */
import {
  Alternation, Alternative, getLookaheadPaths, LLkLookaheadStrategy, NonTerminal, Option, Repetition, RepetitionMandatory,
  RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal, type IOrAlt, type IProduction, type IToken,
  type LookaheadProductionType, type OptionalProductionType, type TokenType,
} from 'chevrotain';

/** Paths per alternative, each path the token type names separated by spaces. */
export type StoredPaths = string[][];

export interface LookaheadTable {
  /** `grammarFingerprint` of the grammar the paths were computed from. */
  fingerprint: string;
  /** By `productionKey`: the paths of each alternative (an optional production: its inside only). */
  paths: Record<string, StoredPaths>;
}

/** The key of one production in the table: `rule/type/occurrence/maxLookahead`. */
export function productionKey(rule: string, type: LookaheadProductionType, occurrence: number, maxLookahead: number): string {
  return `${rule}/${type}/${occurrence}/${maxLookahead}`;
}

interface ParserLike {
  LA(i: number): IToken;
}

export class TableLookahead extends LLkLookaheadStrategy {
  private readonly types = new Map<string, TokenType>();
  private use: Record<string, StoredPaths> | undefined;
  /** The paths this instance computed (none when the table was used): what the generator writes. */
  readonly computed: Record<string, StoredPaths> = {};
  /** Whether the table matched the grammar, and the grammar's fingerprint (set at initialisation). */
  usedTable = false;
  fingerprint = '';

  constructor(
    private readonly tokens: readonly TokenType[],
    private readonly table: LookaheadTable | undefined,
    maxLookahead: number,
  ) {
    super({ maxLookahead });
    for (const t of tokens) this.types.set(t.name, t);
  }

  private assumed: string | undefined;

  /**
   * The fingerprint of the grammar about to be analysed, when it is already known: the parser's
   * stored grammar (grammar/recorded-grammar.ts) was stored with the fingerprint of the grammar it
   * is, so it is not computed again from the rules.
   */
  assumeFingerprint(fingerprint: string): void {
    this.assumed = fingerprint;
  }

  override initialize(options: { rules: Rule[] }): void {
    this.fingerprint = this.assumed ?? grammarFingerprint(options.rules, this.tokens);
    this.usedTable = this.table !== undefined && this.table.fingerprint === this.fingerprint;
    this.use = this.usedTable ? this.table!.paths : undefined;
  }

  override buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = this.paths(options.rule, 'Alternation', options.prodOccurrence, options.maxLookahead);
    return alternationFunction(alts, options.hasPredicates);
  }

  override buildLookaheadForOptional(options: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number }): () => boolean {
    const [inside] = this.paths(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead);
    return optionalFunction(inside!);
  }

  private paths(rule: Rule, type: LookaheadProductionType, occurrence: number, maxLookahead: number): TokenType[][][] {
    const key = productionKey(rule.name, type, occurrence, maxLookahead);
    const stored = this.use?.[key];
    if (stored) return stored.map((alt) => alt.map((path) => (path === '' ? [] : path.split(' ').map((name) => this.types.get(name)!))));
    let computed = getLookaheadPaths({ occurrence, rule, prodType: type, maxLookahead });
    // An optional production's paths are [inside, after]; only the inside decides.
    if (type !== 'Alternation') computed = computed.slice(0, 1);
    this.computed[key] = computed.map((alt) => alt.map((path) => path.map((t) => t.name).join(' ')));
    return computed;
  }
}

/** Whether the token matches the type: the same type, or a type of that category (`Word`). */
function matches(token: IToken, type: TokenType): boolean {
  return token.tokenTypeIdx === type.tokenTypeIdx || (type.isParent === true && type.categoryMatchesMap![token.tokenTypeIdx!] === true);
}

function matchesPath(parser: ParserLike, path: readonly TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!matches(parser.LA(i + 1), path[i]!)) return false;
  return true;
}

/** The token type indexes a one-token path of `type` accepts (the type and its category's members). */
function acceptedIndexes(type: TokenType): number[] {
  return [type.tokenTypeIdx!, ...(type.categoryMatches ?? [])];
}

function alternationFunction(alts: TokenType[][][], hasPredicates: boolean): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
  const oneToken = alts.every((alt) => alt.every((path) => path.length === 1));
  if (hasPredicates) {
    return function (this: ParserLike, orAlts?: IOrAlt<unknown>[]) {
      for (let t = 0; t < alts.length; t++) {
        const gate = (orAlts?.[t] as { GATE?: () => boolean } | undefined)?.GATE;
        if (gate !== undefined && gate.call(this) === false) continue;
        for (const path of alts[t]!) if (matchesPath(this, path)) return t;
      }
      return undefined;
    };
  }
  if (oneToken) {
    // The first alternative that accepts a token type wins, as in Chevrotain's map.
    const choice: Record<number, number> = {};
    alts.forEach((alt, t) => {
      for (const [type] of alt) for (const idx of acceptedIndexes(type!)) if (!(idx in choice)) choice[idx] = t;
    });
    return function (this: ParserLike) {
      return choice[this.LA(1).tokenTypeIdx!];
    };
  }
  return function (this: ParserLike) {
    for (let t = 0; t < alts.length; t++) for (const path of alts[t]!) if (matchesPath(this, path)) return t;
    return undefined;
  };
}

function optionalFunction(paths: TokenType[][]): () => boolean {
  if (paths.every((path) => path.length === 1)) {
    const accepted: boolean[] = [];
    for (const [type] of paths) for (const idx of acceptedIndexes(type!)) accepted[idx] = true;
    return function (this: ParserLike) {
      return accepted[this.LA(1).tokenTypeIdx!] === true;
    };
  }
  return function (this: ParserLike) {
    for (const path of paths) if (matchesPath(this, path)) return true;
    return false;
  };
}

/**
 * A fingerprint of the grammar as recorded: the tokens with their categories, then every rule
 * with its productions in order (kind, occurrence index, lookahead limit, gates, the terminals and
 * rules they name). Any change that could change a lookahead path changes it.
 */
export function grammarFingerprint(rules: readonly Rule[], tokens: readonly TokenType[]): string {
  const parts: string[] = [];
  for (const t of tokens) parts.push(t.name, ':', (t.CATEGORIES ?? []).map((c) => c.name).join(','), ';');
  const walk = (p: IProduction): void => {
    if (p instanceof Terminal) {
      parts.push('T', p.terminalType.name, String(p.idx));
      return;
    }
    if (p instanceof NonTerminal) {
      parts.push('N', p.nonTerminalName, String(p.idx));
      return;
    }
    // What the recorder stores beyond the published types: per-production lookahead limits, gates, ignored ambiguities.
    const q = p as unknown as Recorded;
    const extra = [String(q.idx ?? ''), String(q.maxLookahead ?? ''), q.hasPredicates ? 'p' : '', q.ignoreAmbiguities ? 'i' : '', q.separator?.name ?? ''];
    if (p instanceof Alternation) parts.push('A', ...extra);
    else if (p instanceof Alternative) parts.push('a', ...extra);
    else if (p instanceof Option) parts.push('O', ...extra);
    else if (p instanceof Repetition) parts.push('M', ...extra);
    else if (p instanceof RepetitionMandatory) parts.push('L', ...extra);
    else if (p instanceof RepetitionWithSeparator) parts.push('S', ...extra);
    else if (p instanceof RepetitionMandatoryWithSeparator) parts.push('E', ...extra);
    else if (p instanceof Rule) parts.push('R', p.name);
    else parts.push('?');
    parts.push('(');
    for (const child of q.definition) walk(child);
    parts.push(')');
  };
  for (const rule of rules) walk(rule);
  return hash(parts.join(' '));
}

interface Recorded {
  definition: IProduction[];
  idx?: number;
  maxLookahead?: number;
  hasPredicates?: boolean;
  ignoreAmbiguities?: boolean;
  separator?: TokenType;
}

/** Two 32-bit FNV-1a-style hashes of the text as 16 hex digits: a fingerprint, not a security measure. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
