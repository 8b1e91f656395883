/**
 * The Chevrotain parser: the grammar rules, recording what they read in drafts (drafts.ts) that
 * `build-ast.ts` turns into the typed AST. No CST: Chevrotain's CST (a node per rule, children by
 * token name, locations) cost half the parse and most of its garbage, and the walk over it another
 * third.
 *
 * Shape of the language: a document is a list of top-level items that stand on their own (the
 * trial block, each arm, each intervention, each site line …); a block is `{` statements `}`; a
 * statement is one line. Recovery is on: an error inside a statement resynchronises at the next
 * line, so every other statement of the file still reaches the AST. A statement's draft is
 * attached to its block when its rule starts, so what a broken statement read before the error
 * reaches the AST builder, as a partial CST node did.
 *
 * Chevrotain learns the grammar by running the rules once in a recording phase (tokens are then
 * placeholders without offsets, subrules return a placeholder object): they only store what they
 * read, never look into it, and the next parse starts afresh (`parseDrafts`). That recording is
 * stored (grammar/recorded-grammar.ts) and read instead at construction; `recordedGrammar: null`
 * records as Chevrotain does (the generator of the stored grammar and tests).
 *
 * One parser instance is reused (Chevrotain's advice: construction runs the grammar analysis).
 */
import { EmbeddedActionsParser, EOF, LLkLookaheadStrategy, type IOrAlt, type IToken, type Rule, type TokenType } from 'chevrotain';
import {
  allTokens, Comma, comparatorTokens, DateLiteral, Identifier, kw, LCurly, Newline, NormalLimit, NumberLiteral, RCurly, Slash,
  Text, TripleText, Unit, UnterminatedText, Word, TIME_WORD_KEYWORDS,
} from './tokens';
import { errorMessages } from './parse-messages';
import { TableLookahead, type LookaheadTable } from './lookahead';
import { LOOKAHEAD_TABLE } from './lookahead-table';
import { loadGrammar, type RecordedGrammar } from './recorded-grammar';
import { RECORDED_GRAMMAR } from './recorded-grammar-table';
import { isPlaceholderWord } from './placeholder';
import {
  clause, draft, doseDraft, type AmountDraft, type ClauseDraft, type DoseDraft, type Draft, type NormalLimitDraft, type QuantityDraft,
  type ThresholdRangeDraft, type TimePointDraft, type Tok,
} from './drafts';

/** Offset of a real token (NaN for recovery's inserted tokens, EOF and the recording phase's placeholders). */
function startOf(token: IToken): number {
  return token.isInsertedInRecovery ? NaN : token.startOffset;
}

/** The parts of Chevrotain's parser state that `this.input = …` resets (its `reset` and `set input`). */
interface ChevrotainState {
  RULE_STACK: unknown[];
  RULE_OCCURRENCE_STACK: unknown[];
  CST_STACK: unknown[];
  isBackTrackingStack: unknown[];
  _errors: unknown[];
  currIdx: number;
  subruleIdx: number;
  tokVector: IToken[];
  tokVectorLength: number;
}

/** Tokens of lookahead at most (Chevrotain's default). */
const MAX_LOOKAHEAD = 3;

/** Chevrotain's recording phase and self-analysis state (not in its published types). */
interface Recorder {
  enableRecording(): void;
  disableRecording(): void;
  topLevelRuleRecord(name: string, impl: () => void): Rule;
  definedRulesNames: string[];
  recoveryEnabled: boolean;
  resyncFollows: Record<string, TokenType[]>;
}
const chevrotainRecorder = EmbeddedActionsParser.prototype as unknown as Recorder;

export class TrialParser extends EmbeddedActionsParser {
  /** The top-level drafts of the last parse, in order (also what recovery left of a broken item). */
  items: Draft[] = [];
  /** Where the statements being parsed go: the document's items, or the open block's statements. */
  private sink: Draft[] = this.items;
  /** The dose, dose clause and criterion being parsed (none of them nests in its own kind). */
  private doseNow: DoseDraft = doseDraft();
  private clauseNow: ClauseDraft = clause('', NaN);
  private criterionNow: Draft = draft('', NaN);
  /** The run of words being read and the words that end it (`words` does not nest). */
  private wordsOut: IToken[] = [];
  private wordsStop: TokenType[] | undefined;

  // Chevrotain's OR takes an array of alternatives; made once here instead of at every call (every
  // statement, unit and word), as Chevrotain's performance guide advises. Only alternatives that
  // capture nothing but the parser are cached; they reach the draft being filled through the
  // fields above.
  private readonly cache: { [site: string]: IOrAlt<unknown>[] } = {};
  private alts<T>(site: string, make: () => IOrAlt<T>[]): IOrAlt<T>[] {
    return (this.cache[site] ??= make()) as IOrAlt<T>[];
  }

  /**
   * @param options.lookaheadTable the stored lookahead paths (default: grammar/lookahead-table.ts;
   *   null: compute them as Chevrotain does, which the table's generator and tests use).
   * @param options.chevrotainLookahead Chevrotain's own lookahead strategy instead (tests compare the
   *   two); the grammar is then recorded, not read from the store.
   * @param options.recordedGrammar the stored grammar (default: grammar/recorded-grammar-table.ts;
   *   null: record it as Chevrotain does).
   * @param options.validate run Chevrotain's grammar validations (ambiguities, left recursion …).
   *   They cost a large part of the construction, which every `trial` command and server start
   *   pays, and the grammar does not change at run time: test/grammar/grammar-valid.test.ts runs
   *   them on every `npm test` instead.
   */
  constructor(options: { validate?: boolean; lookaheadTable?: LookaheadTable | null; chevrotainLookahead?: boolean; recordedGrammar?: RecordedGrammar | null } = {}) {
    // The lookahead paths come from the stored table when it was made from this grammar (lookahead.ts).
    const lookahead = options.chevrotainLookahead
      ? new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD })
      : new TableLookahead([...allTokens, EOF], options.lookaheadTable === undefined ? LOOKAHEAD_TABLE : (options.lookaheadTable ?? undefined), MAX_LOOKAHEAD);
    super(allTokens, { recoveryEnabled: true, maxLookahead: MAX_LOOKAHEAD, lookaheadStrategy: lookahead, errorMessageProvider: errorMessages, skipValidations: !options.validate });
    this.lookahead = lookahead instanceof TableLookahead ? lookahead : undefined;
    const stored = options.validate || options.chevrotainLookahead || options.recordedGrammar === null ? undefined : (options.recordedGrammar ?? RECORDED_GRAMMAR);
    const names = (this as unknown as Recorder).definedRulesNames;
    // Used only when its rules are this parser's; a grammar with other rules is recorded.
    if (stored && stored.rules.length === names.length && stored.rules.every(([name], i) => name === names[i])) {
      const tokens = new Map([...allTokens, EOF].map((t) => [t.name, t]));
      this.stored = loadGrammar(stored, tokens);
      // The lookahead table was computed from this grammar when it was stored: its fingerprint is known.
      this.lookahead?.assumeFingerprint(stored.fingerprint);
    }
    this.performSelfAnalysis();
    this.stored = undefined;
  }

  /** The stored grammar being read during construction (undefined: Chevrotain records it). */
  private stored: { rules: Rule[]; follows: Record<string, TokenType[]> } | undefined;
  /** Whether the grammar came from the store (grammar/recorded-grammar.ts) rather than a recording. */
  readonly usedStoredGrammar: boolean = false;

  // Chevrotain's self-analysis, with the stored grammar: no recording phase (the rules' GAST is
  // the stored one), and no follows computation (Chevrotain computes them only with recovery on).
  protected override performSelfAnalysis(): void {
    const stored = this.stored;
    if (stored === undefined) return super.performSelfAnalysis();
    const self = this as unknown as Recorder;
    const recovery = self.recoveryEnabled;
    self.recoveryEnabled = false;
    try {
      super.performSelfAnalysis();
    } finally {
      self.recoveryEnabled = recovery;
    }
    self.resyncFollows = stored.follows;
    (this as { usedStoredGrammar: boolean }).usedStoredGrammar = true;
  }

  /** @internal Chevrotain's hook: switches the DSL methods to recording ones (not needed with a stored grammar). */
  enableRecording(): void {
    if (this.stored === undefined) chevrotainRecorder.enableRecording.call(this);
  }

  /** @internal Chevrotain's hook: switches the DSL methods back. */
  disableRecording(): void {
    if (this.stored === undefined) chevrotainRecorder.disableRecording.call(this);
  }

  /** @internal Chevrotain's hook: records one rule; with a stored grammar, that rule's stored GAST. */
  topLevelRuleRecord(name: string, impl: () => void): Rule {
    const stored = this.stored;
    if (stored === undefined) return chevrotainRecorder.topLevelRuleRecord.call(this, name, impl);
    return stored.rules[(this as unknown as Recorder).definedRulesNames.indexOf(name)]!;
  }

  /** The table lookahead (undefined with Chevrotain's own): whether the stored table was used, the paths computed otherwise. */
  readonly lookahead: TableLookahead | undefined;

  /** Parse `tokens` into top-level drafts (errors in `this.errors`). */
  parseDrafts(tokens: IToken[]): Draft[] {
    this.items = [];
    this.sink = this.items;
    this.setInput(tokens);
    this.document();
    return this.items;
  }

  /**
   * `this.input = tokens`, without Chevrotain's reset making five new stacks for every segment
   * (a document has thousands: ~1 MB of garbage a 5,000-line parse) when the last parse left them
   * empty, as a parse that ran to its end does. After one that did not (a stack overflow in
   * recovery, parse.ts), Chevrotain's own reset.
   */
  private setInput(tokens: IToken[]): void {
    const state = this as unknown as ChevrotainState;
    if (state.RULE_STACK.length !== 0 || state.RULE_OCCURRENCE_STACK.length !== 0 || state.CST_STACK.length !== 0 || state.isBackTrackingStack.length !== 0) {
      this.input = tokens;
      return;
    }
    state.currIdx = -1;
    state.subruleIdx = 0;
    if (state._errors.length !== 0) state._errors = [];
    state.tokVector = tokens;
    state.tokVectorLength = tokens.length;
  }

  // --- drafts ------------------------------------------------------------------------------------

  /** End of the last token consumed (the rule's last real token: inserted tokens are not in the input). */
  private consumedEnd(): number {
    const last = this.LA(0);
    return last.tokenType === EOF ? NaN : last.startOffset + last.image.length;
  }

  /**
   * A rule that makes a draft: attached to the current block (or the document) before it reads
   * anything, its end set however the rule ends (normally or by a recognition error).
   */
  private item(name: string, body: (d: Draft) => void) {
    return this.RULE(name, () => {
      const d = draft(name, startOf(this.LA(1)));
      this.sink.push(d);
      try {
        body(d);
      } finally {
        d.end = this.consumedEnd();
      }
    });
  }

  /** A dose clause: attached to its dose's list of that kind before it reads anything. */
  private doseClause(name: string, list: (d: DoseDraft) => ClauseDraft[], body: (c: ClauseDraft) => void) {
    return this.RULE(name, () => {
      const c = (this.clauseNow = clause(name, startOf(this.LA(1))));
      list(this.doseNow).push(c);
      try {
        body(c);
      } finally {
        c.end = this.consumedEnd();
      }
    });
  }

  /** The body of a block: statements separated by line ends, up to `}`; `site` names the block kind. */
  private blockBody(d: Draft, site: string, statement: () => void): void {
    const outer = this.sink;
    this.sink = d.statements = [];
    const alternatives = this.alts('body of ' + site, () => [{ ALT: () => this.CONSUME9(Newline) }, { ALT: statement }]);
    try {
      // Occurrence index 9 keeps these apart from the calling rule's own OR/MANY/CONSUME.
      this.CONSUME9(LCurly);
      this.MANY9(() => {
        this.OR9(alternatives);
      });
      this.CONSUME9(RCurly);
    } finally {
      this.sink = outer;
    }
  }

  // --- shared pieces -------------------------------------------------------------------------

  /** A quoted text, single-line or triple-quoted. */
  private text = this.RULE('text', (): Tok =>
    this.OR(
      this.alts('text', () => [
        { ALT: () => this.CONSUME(Text) },
        { ALT: () => this.CONSUME(TripleText) },
        { ALT: () => this.CONSUME(UnterminatedText) },
      ]),
    ),
  );

  /**
   * Words naming a registry value, up to the end of the line or to a word that starts the next
   * part of the statement (`role principal investigator affiliation "…"` stops at `affiliation`).
   */
  private words = this.RULE('words', (stop?: TokenType[]): IToken[] => {
    const out: IToken[] = (this.wordsOut = []);
    this.wordsStop = stop;
    this.AT_LEAST_ONE(this.wordsLoop);
    return out;
  });

  private readonly wordsLoop = {
    GATE: () => !this.wordsStop || !this.wordsStop.includes(this.LA(1).tokenType),
    DEF: () => {
      this.wordsOut.push(this.CONSUME(Word));
    },
  };

  /** A time word (`days`) accepted as the unit of a duration after a number. */
  private unitOrTimeWord = this.RULE('unitOrTimeWord', (): Tok =>
    this.OR(
      this.alts('unitOrTimeWord', () => [
        { ALT: () => this.CONSUME(Unit) },
        ...TIME_WORD_KEYWORDS.map((word) => ({ ALT: () => this.CONSUME(kw[word]) })),
        { ALT: () => this.CONSUME(kw.cycles) },
      ]),
    ),
  );

  private quantity = this.RULE('quantity', (): QuantityDraft => {
    const q: QuantityDraft = { n: undefined, u: undefined };
    q.n = this.CONSUME(NumberLiteral);
    q.u = this.SUBRULE(this.unitOrTimeWord);
    return q;
  });

  /** `1000 mg` or `100 to 150 ng/mL` */
  private amount = this.RULE('amount', (): AmountDraft => {
    const a: AmountDraft = { n: undefined, n2: undefined, u: undefined };
    a.n = this.CONSUME(NumberLiteral);
    this.OPTION(() => {
      this.CONSUME(kw.to);
      a.n2 = this.CONSUME2(NumberLiteral);
    });
    a.u = this.SUBRULE(this.unitOrTimeWord);
    return a;
  });

  private comparator = this.RULE('comparator', (): Tok => this.OR(this.alts('comparator', () => comparatorTokens.map((token) => ({ ALT: () => this.CONSUME(token) })))));

  private timePoint = this.RULE('timePoint', (): TimePointDraft => {
    const p: TimePointDraft = { u: undefined, n: undefined };
    p.u = this.OR(
      this.alts('timePoint', () => [
        { ALT: () => this.CONSUME(kw.day) },
        { ALT: () => this.CONSUME(kw.week) },
        { ALT: () => this.CONSUME(kw.month) },
        { ALT: () => this.CONSUME(kw.year) },
      ]),
    );
    p.n = this.CONSUME(NumberLiteral);
    return p;
  });

  /** A statement made of its keywords and one text: `brief title "…"`, `other name "…"`. */
  private keywordsThenText(ruleName: string, ...keywords: TokenType[]) {
    return this.item(ruleName, (d) => {
      for (let i = 0; i < keywords.length; i++) d.k.push(this.consume(i, keywords[i]!));
      (d.texts ??= []).push(this.SUBRULE(this.text));
    });
  }

  /** A statement made of its keywords and registry words: `study type interventional`. */
  private keywordsThenWords(ruleName: string, ...keywords: TokenType[]) {
    return this.item(ruleName, (d) => {
      for (let i = 0; i < keywords.length; i++) d.k.push(this.consume(i, keywords[i]!));
      (d.words ??= []).push(this.SUBRULE(this.words));
    });
  }

  // --- document --------------------------------------------------------------------------------

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR(
      this.alts('document', () => [
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.trialBlock) },
        { ALT: () => this.SUBRULE(this.designBlock) },
        { ALT: () => this.SUBRULE(this.sponsorsBlock) },
        { ALT: () => this.SUBRULE(this.measureDecl) },
        { ALT: () => this.SUBRULE(this.interventionBlock) },
        { ALT: () => this.SUBRULE(this.armBlock) },
        { ALT: () => this.SUBRULE(this.groupBlock) },
        { ALT: () => this.SUBRULE(this.oversightBlock) },
        { ALT: () => this.SUBRULE(this.ipdSharingBlock) },
        { ALT: () => this.SUBRULE(this.eligibilityBlock) },
        { ALT: () => this.SUBRULE(this.outcomeBlock) },
        { ALT: () => this.SUBRULE(this.scheduleBlock) },
        { ALT: () => this.SUBRULE(this.siteDecl) },
        { ALT: () => this.SUBRULE(this.referenceDecl) },
        { ALT: () => this.SUBRULE(this.linkDecl) },
      ]),
    );
    });
    this.CONSUME(EOF);
  });

  // --- trial { … } -------------------------------------------------------------------------------

  public trialBlock = this.item('trialBlock', (d) => {
    d.k.push(this.CONSUME(kw.trial));
    this.blockBody(d, 'trialStatement', () => this.SUBRULE(this.trialStatement));
  });

  private trialStatement = this.RULE('trialStatement', () => {
    this.OR(
      this.alts('trialStatement', () => [
      { ALT: () => this.SUBRULE(this.nctIdStmt) },
      { ALT: () => this.SUBRULE(this.orgStudyIdStmt) },
      { ALT: () => this.SUBRULE(this.secondaryIdStmt) },
      { ALT: () => this.SUBRULE(this.briefTitleStmt) },
      { ALT: () => this.SUBRULE(this.officialTitleStmt) },
      { ALT: () => this.SUBRULE(this.acronymStmt) },
      { ALT: () => this.SUBRULE(this.studyTypeStmt) },
      { ALT: () => this.SUBRULE(this.phaseStmt) },
      { ALT: () => this.SUBRULE(this.statusStmt) },
      { ALT: () => this.SUBRULE(this.whyStoppedStmt) },
      { ALT: () => this.SUBRULE(this.dateStmt) },
      { ALT: () => this.SUBRULE(this.verifiedStmt) },
      { ALT: () => this.SUBRULE(this.enrollmentStmt) },
      { ALT: () => this.SUBRULE(this.durationStmt) },
      { ALT: () => this.SUBRULE(this.conditionStmt) },
      { ALT: () => this.SUBRULE(this.keywordStmt) },
      { ALT: () => this.SUBRULE(this.summaryStmt) },
      { ALT: () => this.SUBRULE(this.detailsStmt) },
      { ALT: () => this.SUBRULE(this.expandedAccessStmt) },
    ]),
    );
  });

  private nctIdStmt = this.item('nctIdStmt', (d) => {
    d.k.push(this.CONSUME(kw.nct));
    d.k.push(this.CONSUME(kw.id));
    (d.ids ??= []).push(this.CONSUME(Identifier));
  });

  private orgStudyIdStmt = this.keywordsThenText('orgStudyIdStmt', kw.org, kw.study, kw.id);

  private secondaryIdStmt = this.item('secondaryIdStmt', (d) => {
    d.k.push(this.CONSUME(kw.secondary));
    d.k.push(this.CONSUME(kw.id));
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.type);
      (d.words ??= []).push(this.SUBRULE(this.words, { ARGS: [[kw.domain]] }));
    });
    this.OPTION2(() => {
      this.CONSUME(kw.domain);
      (d.texts ??= []).push(this.SUBRULE2(this.text));
    });
  });

  private briefTitleStmt = this.keywordsThenText('briefTitleStmt', kw.brief, kw.title);

  private officialTitleStmt = this.keywordsThenText('officialTitleStmt', kw.official, kw.title);

  private acronymStmt = this.keywordsThenText('acronymStmt', kw.acronym);

  private studyTypeStmt = this.keywordsThenWords('studyTypeStmt', kw.study, kw.type);

  /** `phase 3`, `phase 2/3`, `phase early 1`, `phase na` */
  private phaseStmt = this.item('phaseStmt', (d) => {
    d.k.push(this.CONSUME(kw.phase));
    (d.phases ??= []).push(this.SUBRULE(this.phaseValue));
    this.MANY(() => {
      this.CONSUME(Slash);
      (d.phases ??= []).push(this.SUBRULE2(this.phaseValue));
    });
  });

  private phaseValue = this.RULE('phaseValue', (): IToken[] => {
    const out: IToken[] = [];
    this.OR([
      {
        ALT: () => {
          out.push(this.CONSUME(NumberLiteral));
        },
      },
      {
        ALT: () => {
          out.push(this.CONSUME(Word));
          this.OPTION(() => {
            out.push(this.CONSUME2(NumberLiteral));
          });
        },
      },
    ]);
    return out;
  });

  private statusStmt = this.keywordsThenWords('statusStmt', kw.status);

  private whyStoppedStmt = this.keywordsThenText('whyStoppedStmt', kw.why, kw.stopped);

  /** `start 2021-04-14 actual`, `primary completion 2024-12 estimated`, `completion 2025 estimated` */
  private dateStmt = this.item('dateStmt', (d) => {
    this.OR([
      {
        ALT: () => {
          d.k.push(this.CONSUME(kw.start));
        },
      },
      {
        ALT: () => {
          d.k.push(this.CONSUME(kw.primary));
          d.k.push(this.CONSUME(kw.completion));
        },
      },
      {
        ALT: () => {
          d.k.push(this.CONSUME2(kw.completion));
        },
      },
    ]);
    d.a = this.OR2(
      this.alts('date', () => [
        { ALT: () => this.CONSUME(DateLiteral) },
        { ALT: () => this.CONSUME(NumberLiteral) },
        { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
      ]),
    );
    this.OPTION(() => {
      d.b = this.SUBRULE(this.actualOrEstimated);
    });
  });

  /** `verified 2024-05`: the month the record was last verified, or the placeholder `TODO` */
  private verifiedStmt = this.item('verifiedStmt', (d) => {
    d.k.push(this.CONSUME(kw.verified));
    d.a = this.OR(
      this.alts('verified', () => [
        { ALT: () => this.CONSUME(DateLiteral) },
        { ALT: () => this.CONSUME(NumberLiteral) },
        { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
      ]),
    );
  });

  private actualOrEstimated = this.RULE('actualOrEstimated', (): Tok =>
    this.OR(this.alts('actualOrEstimated', () => [{ ALT: () => this.CONSUME(kw.actual) }, { ALT: () => this.CONSUME(kw.estimated) }])),
  );

  /** `enrollment 120 actual`, or `enrollment TODO` (a placeholder) */
  private enrollmentStmt = this.item('enrollmentStmt', (d) => {
    d.k.push(this.CONSUME(kw.enrollment));
    d.a = this.OR(
      this.alts('enrollment', () => [
        { ALT: () => this.CONSUME(NumberLiteral) },
        { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
      ]),
    );
    this.OPTION(() => {
      d.b = this.SUBRULE(this.actualOrEstimated);
    });
  });

  private durationStmt = this.item('durationStmt', (d) => {
    d.k.push(this.CONSUME(kw.duration));
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
  });

  private conditionStmt = this.keywordsThenText('conditionStmt', kw.condition);

  private keywordStmt = this.keywordsThenText('keywordStmt', kw.keyword);

  private summaryStmt = this.keywordsThenText('summaryStmt', kw.summary);

  private detailsStmt = this.keywordsThenText('detailsStmt', kw.details);

  /**
   * `expanded access yes nct id NCT01234567 status available`: whether the intervention is also
   * available through an expanded-access program, and that program's own record (optional).
   */
  private expandedAccessStmt = this.item('expandedAccessStmt', (d) => {
    d.k.push(this.CONSUME(kw.expanded));
    d.k.push(this.CONSUME(kw.access));
    d.a = this.CONSUME(Word);
    this.OPTION(() => {
      this.CONSUME(kw.nct);
      this.CONSUME(kw.id);
      (d.ids ??= []).push(this.CONSUME(Identifier));
    });
    this.OPTION2(() => {
      this.CONSUME(kw.status);
      (d.words ??= []).push(this.SUBRULE(this.words));
    });
  });

  // --- design { … } ------------------------------------------------------------------------------

  public designBlock = this.item('designBlock', (d) => {
    d.k.push(this.CONSUME(kw.design));
    this.blockBody(d, 'designStatement', () => this.SUBRULE(this.designStatement));
  });

  private designStatement = this.RULE('designStatement', () => {
    this.OR(
      this.alts('designStatement', () => [
      { ALT: () => this.SUBRULE(this.allocationStmt) },
      { ALT: () => this.SUBRULE(this.modelStmt) },
      { ALT: () => this.SUBRULE(this.purposeStmt) },
      { ALT: () => this.SUBRULE(this.maskingStmt) },
      { ALT: () => this.SUBRULE(this.observationalModelStmt) },
      { ALT: () => this.SUBRULE(this.timePerspectiveStmt) },
      { ALT: () => this.SUBRULE(this.biospecimenStmt) },
      { ALT: () => this.SUBRULE(this.patientRegistryStmt) },
      { ALT: () => this.SUBRULE(this.targetDurationStmt) },
      { ALT: () => this.SUBRULE(this.expandedAccessTypesStmt) },
    ]),
    );
  });

  // Observational designs (registry: designInfo.observationalModel, timePerspective, bioSpec,
  // patientRegistry, targetDuration) and expanded-access types (designModule.expandedAccessTypes).

  private observationalModelStmt = this.keywordsThenWords('observationalModelStmt', kw.observational, kw.model);

  private timePerspectiveStmt = this.keywordsThenWords('timePerspectiveStmt', kw.time, kw.perspective);

  /** `biospecimen retention samples with dna "Whole blood and serum"` */
  private biospecimenStmt = this.item('biospecimenStmt', (d) => {
    d.k.push(this.CONSUME(kw.biospecimen));
    d.k.push(this.CONSUME(kw.retention));
    (d.words ??= []).push(this.SUBRULE(this.words));
    this.OPTION(() => {
      (d.texts ??= []).push(this.SUBRULE(this.text));
    });
  });

  private patientRegistryStmt = this.keywordsThenWords('patientRegistryStmt', kw.patient, kw.registry);

  /** `target duration 3 months`: how long a patient registry follows each participant. */
  private targetDurationStmt = this.item('targetDurationStmt', (d) => {
    d.k.push(this.CONSUME(kw.target));
    d.k.push(this.CONSUME(kw.duration));
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
  });

  /** `expanded access individual, intermediate, treatment` */
  private expandedAccessTypesStmt = this.item('expandedAccessTypesStmt', (d) => {
    d.k.push(this.CONSUME(kw.expanded));
    d.k.push(this.CONSUME(kw.access));
    (d.words ??= []).push(this.SUBRULE(this.words));
    this.MANY(() => {
      this.CONSUME(Comma);
      (d.words ??= []).push(this.SUBRULE2(this.words));
    });
  });

  private allocationStmt = this.keywordsThenWords('allocationStmt', kw.allocation);

  private modelStmt = this.item('modelStmt', (d) => {
    d.k.push(this.CONSUME(kw.model));
    (d.words ??= []).push(this.SUBRULE(this.words));
    this.OPTION(() => {
      (d.texts ??= []).push(this.SUBRULE(this.text));
    });
  });

  private purposeStmt = this.keywordsThenWords('purposeStmt', kw.purpose);

  /** `masking double participant, investigator "description"` */
  private maskingStmt = this.item('maskingStmt', (d) => {
    d.k.push(this.CONSUME(kw.masking));
    d.a = this.CONSUME(Word);
    this.OPTION(() => {
      (d.words ??= []).push(this.SUBRULE(this.words));
      this.MANY(() => {
        this.CONSUME(Comma);
        (d.words ??= []).push(this.SUBRULE2(this.words));
      });
    });
    this.OPTION2(() => {
      (d.texts ??= []).push(this.SUBRULE(this.text));
    });
  });

  // --- sponsors { … } ----------------------------------------------------------------------------

  public sponsorsBlock = this.item('sponsorsBlock', (d) => {
    d.k.push(this.CONSUME(kw.sponsors));
    this.blockBody(d, 'sponsorsStatement', () => this.SUBRULE(this.sponsorsStatement));
  });

  private sponsorsStatement = this.RULE('sponsorsStatement', () => {
    this.OR(
      this.alts('sponsorsStatement', () => [
      { ALT: () => this.SUBRULE(this.sponsorStmt) },
      { ALT: () => this.SUBRULE(this.responsiblePartyStmt) },
      { ALT: () => this.SUBRULE(this.officialStmt) },
      { ALT: () => this.SUBRULE(this.contactStmt) },
      { ALT: () => this.SUBRULE(this.organizationStmt) },
    ]),
    );
  });

  /** `organization "Full name" class other`: the registry account's organization (identificationModule.organization). */
  private organizationStmt = this.item('organizationStmt', (d) => {
    d.k.push(this.CONSUME(kw.organization));
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.class);
      (d.words ??= []).push(this.SUBRULE(this.words));
    });
  });

  private sponsorStmt = this.item('sponsorStmt', (d) => {
    d.a = this.OR(this.alts('sponsorRole', () => [{ ALT: () => this.CONSUME(kw.lead) }, { ALT: () => this.CONSUME(kw.collaborator) }]));
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.class);
      (d.words ??= []).push(this.SUBRULE(this.words));
    });
  });

  /**
   * The type is optional: a legacy record (before the registry's 2011 form) names its responsible
   * party in free text, `responsible party "Name/Title" organization "…"`, with no type.
   * The texts are, in order: the name, then (after `title`) title, affiliation, (after
   * `organization`) organization. A text's place is taken before it is read: the builder counts
   * them to tell whether a name was written, and a text that recovery broke off still counts (as
   * it did in the CST).
   */
  private responsiblePartyStmt = this.item('responsiblePartyStmt', (d) => {
    this.CONSUME(kw.responsible);
    this.CONSUME(kw.party);
    this.OPTION4(() => {
      (d.words ??= []).push(this.SUBRULE(this.words, { ARGS: [[kw.organization]] }));
    });
    const texts: Tok[] = (d.texts = []);
    this.OPTION(() => {
      texts.push(undefined);
      texts[texts.length - 1] = this.SUBRULE(this.text);
    });
    this.OPTION2(() => {
      d.a = this.CONSUME(kw.title);
      texts.push(undefined);
      texts[texts.length - 1] = this.SUBRULE2(this.text);
    });
    this.OPTION3(() => {
      d.b = this.CONSUME(kw.affiliation);
      texts.push(undefined);
      texts[texts.length - 1] = this.SUBRULE3(this.text);
    });
    this.OPTION5(() => {
      d.c = this.CONSUME(kw.organization);
      texts.push(undefined);
      texts[texts.length - 1] = this.SUBRULE4(this.text);
    });
  });

  private officialStmt = this.item('officialStmt', (d) => {
    this.CONSUME(kw.official);
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.role);
      (d.words ??= []).push(this.SUBRULE(this.words, { ARGS: [[kw.affiliation]] }));
    });
    this.OPTION2(() => {
      this.CONSUME(kw.affiliation);
      (d.texts ??= []).push(this.SUBRULE2(this.text));
    });
  });

  private contactStmt = this.item('contactStmt', (d) => {
    this.CONSUME(kw.contact);
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.role);
      (d.words ??= []).push(this.SUBRULE(this.words, { ARGS: [[kw.phone, kw.email]] }));
    });
    this.OPTION2(() => {
      d.a = this.CONSUME(kw.phone);
      (d.texts ??= []).push(this.SUBRULE2(this.text));
      // The phone extension (registry phoneExt).
      this.OPTION4(() => {
        d.c = this.CONSUME(kw.ext);
        (d.texts ??= []).push(this.SUBRULE4(this.text));
      });
    });
    this.OPTION3(() => {
      d.b = this.CONSUME(kw.email);
      (d.texts ??= []).push(this.SUBRULE3(this.text));
    });
  });

  // --- measure ID "label" unit U ---------------------------------------------------------------

  public measureDecl = this.item('measureDecl', (d) => {
    this.CONSUME(kw.measure);
    (d.ids ??= []).push(this.CONSUME(Identifier));
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.unit);
      d.a = this.OR(
        this.alts('measureUnit', () => [
          { ALT: () => this.CONSUME(Unit) },
          ...TIME_WORD_KEYWORDS.map((word) => ({ ALT: () => this.CONSUME(kw[word]) })),
        ]),
      );
    });
  });

  // --- intervention ID { … } -------------------------------------------------------------------

  public interventionBlock = this.item('interventionBlock', (d) => {
    d.k.push(this.CONSUME(kw.intervention));
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.blockBody(d, 'interventionStatement', () => this.SUBRULE(this.interventionStatement));
  });

  private interventionStatement = this.RULE('interventionStatement', () => {
    this.OR(
      this.alts('interventionStatement', () => [
      { ALT: () => this.SUBRULE(this.typeStmt) },
      { ALT: () => this.SUBRULE(this.nameStmt) },
      { ALT: () => this.SUBRULE(this.otherNameStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.doseStmt) },
      { ALT: () => this.SUBRULE(this.adjustStmt) },
      { ALT: () => this.SUBRULE(this.taperStmt) },
      { ALT: () => this.SUBRULE(this.stopStmt) },
      { ALT: () => this.SUBRULE(this.maxDoseStmt) },
      { ALT: () => this.SUBRULE(this.basisStmt) },
    ]),
    );
  });

  private typeStmt = this.keywordsThenWords('typeStmt', kw.type);

  private nameStmt = this.keywordsThenText('nameStmt', kw.name);

  private otherNameStmt = this.keywordsThenText('otherNameStmt', kw.other, kw.name);

  private descriptionStmt = this.keywordsThenText('descriptionStmt', kw.description);

  /**
   * `dose AMOUNT [route] [frequency] [in N divided doses] [every Q] [schedule] [condition]`.
   * Everything between the amount and the condition may come in any order (`in 3 divided doses bid`
   * and `bid in 3 divided doses`, `on days 1 and 8 every 21 days` and `every 21 days on days 1 and 8`
   * all read naturally). Route and frequency words are plain
   * identifiers here (`iv`, `oral`, `bid`, `q12h`); the AST builder knows the vocabulary and names
   * an unknown word precisely.
   */
  public doseStmt = this.item('doseStmt', (d) => {
    const dose = (this.doseNow = d.dose = doseDraft());
    this.CONSUME(kw.dose);
    // A dose with no amount (`dose "placebo to match" iv every 4 weeks`) says in words what is given.
    this.OR9(
      this.alts('doseAmount', () => [
        {
          ALT: () => {
            this.doseNow.amount = this.SUBRULE(this.amount);
          },
        },
        {
          ALT: () => {
            this.doseNow.amountText = this.SUBRULE(this.text);
          },
        },
      ]),
    );
    this.MANY(this.doseParts);
    this.OPTION(this.doseCondition);
    this.OPTION2(() => {
      dose.wording = this.SUBRULE(this.wording);
    });
  });

  private readonly doseParts = () => {
    this.OR(
      this.alts('doseParts', () => [
        {
          ALT: () => {
            this.doseNow.words.push(this.CONSUME(Identifier));
          },
        },
        { ALT: () => this.SUBRULE(this.dividedClause) },
        { ALT: () => this.SUBRULE(this.everyClause) },
        { ALT: () => this.SUBRULE(this.schedulePart) },
        { ALT: () => this.SUBRULE(this.overClause) },
      ]),
    );
  };

  private readonly doseCondition = () => this.SUBRULE(this.condition);

  /** `over 30 min`: how long an infusion runs. */
  private overClause = this.doseClause('overClause', (d) => d.over, (c) => {
    this.CONSUME(kw.over);
    c.q = this.SUBRULE(this.quantity);
  });

  /** `as "1000 mg IV on Day 1"`: the sentence a structured dose or criterion was written as (kept for export). */
  private wording = this.RULE('wording', (): Tok => {
    this.CONSUME(kw.as);
    return this.SUBRULE(this.text);
  });

  /** `2.5 x ULN`: a multiple of the upper (or lower) limit of normal. */
  private normalLimitMultiple = this.RULE('normalLimitMultiple', (): NormalLimitDraft => {
    const m: NormalLimitDraft = { n: undefined, l: undefined };
    m.n = this.CONSUME(NumberLiteral);
    m.l = this.CONSUME(NormalLimit);
    return m;
  });

  private dividedClause = this.doseClause('dividedClause', (d) => d.divided, (c) => {
    this.CONSUME(kw.in);
    c.n = this.CONSUME(NumberLiteral);
    this.CONSUME(kw.divided);
    this.CONSUME(kw.doses);
  });

  private everyClause = this.doseClause('everyClause', (d) => d.every, (c) => {
    this.CONSUME(kw.every);
    c.q = this.SUBRULE(this.quantity);
  });

  private schedulePart = this.doseClause('schedulePart', (d) => d.schedule, () => {
    this.OR(
      this.alts('schedulePart', () => [
        {
          ALT: () => {
            this.clauseNow.k.push(this.CONSUME(kw.on));
            this.OR2(this.alts('onDays', () => [{ ALT: () => this.CONSUME(kw.day) }, { ALT: () => this.CONSUME(kw.days) }]));
            this.SUBRULE(this.dayList);
          },
        },
        {
          ALT: () => {
            this.clauseNow.k.push(this.CONSUME(kw.from));
            this.CONSUME2(kw.day);
            this.clauseNow.n = this.CONSUME(NumberLiteral);
          },
        },
        {
          ALT: () => {
            this.clauseNow.k.push(this.CONSUME(kw.to));
            this.CONSUME3(kw.day);
            this.clauseNow.n = this.CONSUME2(NumberLiteral);
          },
        },
        {
          ALT: () => {
            this.clauseNow.k.push(this.CONSUME(kw.for));
            // `for 6 months`, `for 6 cycles`, or a number of administrations: `for 4 doses`.
            this.OR3(
              this.alts('forDoses', () => [
                {
                  ALT: () => {
                    this.clauseNow.q = this.SUBRULE(this.quantity);
                  },
                },
                {
                  ALT: () => {
                    this.clauseNow.n = this.CONSUME3(NumberLiteral);
                    this.clauseNow.k.push(this.CONSUME(kw.doses));
                  },
                },
              ]),
            );
          },
        },
      ]),
    );
  });

  /** `1`, `1 and 181`, `1, 8 and 15` (into the clause's days as read, so a broken list keeps its first days). */
  private dayList = this.RULE('dayList', () => {
    const days = this.clauseNow.days;
    days.push(this.CONSUME(NumberLiteral));
    this.MANY(() => {
      this.OR(this.alts('dayListSeparator', () => [{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]));
      days.push(this.CONSUME2(NumberLiteral));
    });
  });

  /** `if cd19 > 5 10*6/L` or `depending on cd19` */
  private condition = this.doseClause('condition', (d) => d.condition, () => {
    this.OR(
      this.alts('condition', () => [
        {
          ALT: () => {
            this.CONSUME(kw.if);
            this.clauseNow.id = this.CONSUME(Identifier);
            this.clauseNow.comparator = this.SUBRULE(this.comparator);
            this.clauseNow.q = this.SUBRULE(this.quantity);
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.depending);
            this.CONSUME(kw.on);
            this.clauseNow.id = this.CONSUME2(Identifier);
          },
        },
      ]),
    );
  });

  private adjustStmt = this.item('adjustStmt', (d) => {
    this.CONSUME(kw.adjust);
    this.CONSUME(kw.by);
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.OPTION(() => {
      this.CONSUME(kw.target);
      d.amount = this.SUBRULE(this.amount);
    });
  });

  private taperStmt = this.item('taperStmt', (d) => {
    this.CONSUME(kw.taper);
    this.CONSUME(kw.after);
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
    this.OPTION(() => {
      this.CONSUME(kw.over);
      (d.quantities ??= []).push(this.SUBRULE2(this.quantity));
    });
  });

  private stopStmt = this.item('stopStmt', (d) => {
    this.CONSUME(kw.stop);
    this.CONSUME(kw.after);
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
  });

  private maxDoseStmt = this.item('maxDoseStmt', (d) => {
    this.CONSUME(kw.max);
    // `max cumulative dose 8 g`: the total over the whole schedule.
    this.OPTION(() => {
      d.a = this.CONSUME(kw.cumulative);
    });
    this.CONSUME(kw.dose);
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
  });

  private basisStmt = this.item('basisStmt', (d) => {
    this.CONSUME(kw.basis);
    d.a = this.OR(this.alts('basis', () => [{ ALT: () => this.CONSUME(kw.weight) }, { ALT: () => this.CONSUME(kw.surface) }]));
    (d.texts ??= []).push(this.SUBRULE(this.text));
  });

  // --- arm ID { … } ------------------------------------------------------------------------------

  public armBlock = this.item('armBlock', (d) => {
    d.k.push(this.CONSUME(kw.arm));
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.blockBody(d, 'armStatement', () => this.SUBRULE(this.armStatement));
  });

  private armStatement = this.RULE('armStatement', () => {
    this.OR(
      this.alts('armStatement', () => [
      { ALT: () => this.SUBRULE(this.labelStmt) },
      { ALT: () => this.SUBRULE(this.typeStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.receivesStmt) },
      { ALT: () => this.SUBRULE(this.armPeriodsStmt) },
    ]),
    );
  });

  private labelStmt = this.keywordsThenText('labelStmt', kw.label);

  /** `receives rituximab`, `receives drug_a in first` (only in that period), optionally `{ dose … }`. */
  private receivesStmt = this.item('receivesStmt', (d) => {
    this.CONSUME(kw.receives);
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.OPTION2(() => {
      this.CONSUME(kw.in);
      (d.ids ??= []).push(this.CONSUME2(Identifier));
    });
    this.OPTION(() => {
      // The override block's `{` (its range runs from there to the statement's end).
      d.a = this.LA(1);
      this.blockBody(d, 'doseStmt', () => this.SUBRULE(this.doseStmt));
    });
  });

  /** `periods screening, first, washout, second` — the periods an arm goes through, in order. */
  private armPeriodsStmt = this.item('armPeriodsStmt', (d) => {
    this.CONSUME(kw.periods);
    this.SUBRULE(this.nameList, { ARGS: [d] });
  });

  // --- group ID { … }: a group or cohort of an observational study ------------------------------

  /** Like an arm, but an observational group has no arm type: it is observed, not assigned. */
  public groupBlock = this.item('groupBlock', (d) => {
    d.k.push(this.CONSUME(kw.group));
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.blockBody(d, 'groupStatement', () => this.SUBRULE(this.groupStatement));
  });

  private groupStatement = this.RULE('groupStatement', () => {
    this.OR(
      this.alts('groupStatement', () => [
      { ALT: () => this.SUBRULE(this.labelStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.exposureStmt) },
    ]),
    );
  });

  /** `exposure smoking`: an intervention (registry: exposure) the group's participants have. */
  private exposureStmt = this.item('exposureStmt', (d) => {
    this.CONSUME(kw.exposure);
    (d.ids ??= []).push(this.CONSUME(Identifier));
  });

  // --- oversight { … } ----------------------------------------------------------------------------

  public oversightBlock = this.item('oversightBlock', (d) => {
    d.k.push(this.CONSUME(kw.oversight));
    this.blockBody(d, 'oversightStatement', () => this.SUBRULE(this.oversightStatement));
  });

  private oversightStatement = this.RULE('oversightStatement', () => {
    this.OR(
      this.alts('oversightStatement', () => [
      { ALT: () => this.SUBRULE(this.fdaRegulatedStmt) },
      { ALT: () => this.SUBRULE(this.unapprovedDeviceStmt) },
      { ALT: () => this.SUBRULE(this.pediatricPostmarketStmt) },
      { ALT: () => this.SUBRULE(this.exportedFromUsStmt) },
      { ALT: () => this.SUBRULE(this.dataMonitoringCommitteeStmt) },
      { ALT: () => this.SUBRULE(this.reviewBoardStmt) },
    ]),
    );
  });

  /** `fda regulated drug yes`, `fda regulated device no`: the product word is checked by the AST builder. */
  private fdaRegulatedStmt = this.item('fdaRegulatedStmt', (d) => {
    d.k.push(this.CONSUME(kw.fda));
    d.k.push(this.CONSUME(kw.regulated));
    this.productWords(d);
  });

  /** `unapproved device yes` */
  private unapprovedDeviceStmt = this.item('unapprovedDeviceStmt', (d) => {
    d.k.push(this.CONSUME(kw.unapproved));
    this.productWords(d);
  });

  /** `pediatric postmarket device yes` */
  private pediatricPostmarketStmt = this.item('pediatricPostmarketStmt', (d) => {
    d.k.push(this.CONSUME(kw.pediatric));
    d.k.push(this.CONSUME(kw.postmarket));
    this.productWords(d);
  });

  /** `exported from us yes` */
  private exportedFromUsStmt = this.item('exportedFromUsStmt', (d) => {
    d.k.push(this.CONSUME(kw.exported));
    d.k.push(this.CONSUME(kw.from));
    this.productWords(d);
  });

  /** The product word (a keyword of the statement's range) and the answer. */
  private productWords(d: Draft): void {
    const product = this.CONSUME(Identifier);
    d.a = product;
    d.k.push(product);
    (d.words ??= []).push(this.SUBRULE(this.words));
  }

  private dataMonitoringCommitteeStmt = this.keywordsThenWords('dataMonitoringCommitteeStmt', kw.data, kw.monitoring, kw.committee);

  /** `review board approved` (or pending, exempt, denied, not required, not yet submitted) */
  private reviewBoardStmt = this.keywordsThenWords('reviewBoardStmt', kw.review, kw.board);

  // --- ipd sharing { … } -------------------------------------------------------------------------

  public ipdSharingBlock = this.item('ipdSharingBlock', (d) => {
    d.k.push(this.CONSUME(kw.ipd));
    d.k.push(this.CONSUME(kw.sharing));
    this.blockBody(d, 'ipdSharingStatement', () => this.SUBRULE(this.ipdSharingStatement));
  });

  private ipdSharingStatement = this.RULE('ipdSharingStatement', () => {
    this.OR(
      this.alts('ipdSharingStatement', () => [
      { ALT: () => this.SUBRULE(this.planStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.infoTypesStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameTextStmt) },
      { ALT: () => this.SUBRULE(this.accessCriteriaStmt) },
      { ALT: () => this.SUBRULE(this.urlStmt) },
    ]),
    );
  });

  private planStmt = this.keywordsThenWords('planStmt', kw.plan);

  /** `info types study protocol, sap, icf, csr, analytic code` */
  private infoTypesStmt = this.item('infoTypesStmt', (d) => {
    d.k.push(this.CONSUME(kw.info));
    d.k.push(this.CONSUME(kw.types));
    (d.words ??= []).push(this.SUBRULE(this.words));
    this.MANY(() => {
      this.CONSUME(Comma);
      (d.words ??= []).push(this.SUBRULE2(this.words));
    });
  });

  private accessCriteriaStmt = this.keywordsThenText('accessCriteriaStmt', kw.access, kw.criteria);

  private urlStmt = this.keywordsThenText('urlStmt', kw.url);

  // --- eligibility { … } -------------------------------------------------------------------------

  public eligibilityBlock = this.item('eligibilityBlock', (d) => {
    d.k.push(this.CONSUME(kw.eligibility));
    this.blockBody(d, 'eligibilityStatement', () => this.SUBRULE(this.eligibilityStatement));
  });

  private eligibilityStatement = this.RULE('eligibilityStatement', () => {
    this.OR(
      this.alts('eligibilityStatement', () => [
      { ALT: () => this.SUBRULE(this.ageStmt) },
      { ALT: () => this.SUBRULE(this.sexStmt) },
      { ALT: () => this.SUBRULE(this.genderBasedStmt) },
      { ALT: () => this.SUBRULE(this.genderDescriptionStmt) },
      { ALT: () => this.SUBRULE(this.healthyVolunteersStmt) },
      { ALT: () => this.SUBRULE(this.criterionStmt) },
      { ALT: () => this.SUBRULE(this.studyPopulationStmt) },
      { ALT: () => this.SUBRULE(this.samplingStmt) },
      { ALT: () => this.SUBRULE(this.criteriaListStmt) },
      { ALT: () => this.SUBRULE(this.populationBlock) },
      { ALT: () => this.SUBRULE(this.criteriaLayoutStmt) },
    ]),
    );
  });

  /**
   * `inclusion criteria "Key Inclusion Criteria:" numbered`: how a list of the criteria text is
   * written — its heading as the registry wrote it, its markers (`numbered`: 1. 2. …; `bullet "-"`).
   * `texts` holds the heading; `a` is `bullet`, `b` is `numbered`, `c` the text after either.
   */
  private criteriaListStmt = this.item('criteriaListStmt', (d) => {
    d.k.push(this.OR(this.alts('criteriaList', () => [{ ALT: () => this.CONSUME(kw.inclusion) }, { ALT: () => this.CONSUME(kw.exclusion) }])));
    this.CONSUME(kw.criteria);
    this.OPTION(() => {
      (d.texts ??= []).push(this.SUBRULE(this.text));
    });
    this.OPTION2(() => {
      this.OR2([
        {
          ALT: () => {
            d.b = this.CONSUME(kw.numbered);
            // `numbered "7."`: the first number and its form (`1)`, `a.`); alone: 1. 2. 3. …
            this.OPTION3(() => {
              d.c = this.SUBRULE3(this.text);
            });
          },
        },
        {
          ALT: () => {
            d.a = this.CONSUME(kw.bullet);
            d.c = this.SUBRULE2(this.text);
          },
        },
      ]);
    });
  });

  /** `population "Healthy Controls" { include … exclude … }`: criteria of one population (cohort, part, donors). */
  private populationBlock = this.item('populationBlock', (d) => {
    d.k.push(this.CONSUME(kw.population));
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.blockBody(d, 'populationStatement', () => this.SUBRULE(this.populationStatement));
  });

  private populationStatement = this.RULE('populationStatement', () => {
    this.OR(
      this.alts('populationStatement', () => [
      { ALT: () => this.SUBRULE(this.criterionStmt) },
      { ALT: () => this.SUBRULE(this.criteriaListStmt) },
    ]),
    );
  });

  /** `criteria by population`: the text is written population by population, each with its own lists. */
  private criteriaLayoutStmt = this.item('criteriaLayoutStmt', () => {
    this.CONSUME(kw.criteria);
    this.CONSUME(kw.by);
    this.CONSUME(kw.population);
  });

  /** Observational studies: who is studied, and how they are sampled. */
  private studyPopulationStmt = this.keywordsThenText('studyPopulationStmt', kw.study, kw.population);

  private samplingStmt = this.keywordsThenWords('samplingStmt', kw.sampling);

  /**
   * `age 18 years to 80 years`, `age 18 years or older`, `age up to 17 years`, `age any`, `age TODO`
   * (a placeholder). `a` is `any`, `up` or `older`, whichever was written.
   */
  private ageStmt = this.item('ageStmt', (d) => {
    this.CONSUME(kw.age);
    this.OR([
      {
        ALT: () => {
          d.a = this.CONSUME(kw.any);
        },
      },
      {
        GATE: () => isPlaceholderWord(this.LA(1).image),
        ALT: () => {
          (d.ids ??= []).push(this.CONSUME(Identifier));
        },
      },
      {
        ALT: () => {
          d.a = this.CONSUME(kw.up);
          this.CONSUME(kw.to);
          (d.quantities ??= []).push(this.SUBRULE(this.quantity));
        },
      },
      {
        ALT: () => {
          (d.quantities ??= []).push(this.SUBRULE2(this.quantity));
          this.OR2([
            {
              ALT: () => {
                this.CONSUME2(kw.to);
                (d.quantities ??= []).push(this.SUBRULE3(this.quantity));
              },
            },
            {
              ALT: () => {
                this.CONSUME(kw.or);
                d.a = this.CONSUME(kw.older);
              },
            },
          ]);
        },
      },
    ]);
  });

  private sexStmt = this.keywordsThenWords('sexStmt', kw.sex);

  /** `gender based yes|no`, `gender description "…"`: eligibility based on gender identity (registry genderBased / genderDescription). */
  private genderBasedStmt = this.keywordsThenWords('genderBasedStmt', kw.gender, kw.based);

  private genderDescriptionStmt = this.keywordsThenText('genderDescriptionStmt', kw.gender, kw.description);

  private healthyVolunteersStmt = this.keywordsThenWords('healthyVolunteersStmt', kw.healthy, kw.volunteers);

  /** `include "text"`, `include MEASURE COMPARATOR QUANTITY ["note"]` or `include MEASURE LOW to HIGH UNIT` */
  private criterionStmt = this.item('criterionStmt', (d) => {
    this.criterionNow = d;
    d.a = this.OR(this.alts('polarity', () => [{ ALT: () => this.CONSUME(kw.include) }, { ALT: () => this.CONSUME(kw.exclude) }]));
    this.OR2(
      this.alts('criterion', () => [
        {
          ALT: () => {
            (this.criterionNow.texts ??= []).push(this.SUBRULE(this.text));
          },
        },
        { ALT: this.measureCriterion },
      ]),
    );
    this.OPTION3(() => this.SUBRULE(this.criterionMarker, { ARGS: [d] }));
  });

  /** `egfr >= 40 mL/min/1.73m2 ["note"] [as "…"]`, `alt <= 2.5 x ULN`, `hba1c 7.0 to 10.5 %` */
  private readonly measureCriterion = () => {
    const d = this.criterionNow;
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.OR3(
      this.alts('threshold', () => [
        {
          ALT: () => {
            this.criterionNow.comparator = this.SUBRULE(this.comparator);
            this.OR4(
              this.alts('thresholdValue', () => [
                {
                  ALT: () => {
                    this.criterionNow.limit = this.SUBRULE(this.normalLimitMultiple);
                  },
                },
                {
                  ALT: () => {
                    (this.criterionNow.quantities ??= []).push(this.SUBRULE(this.quantity));
                  },
                },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.criterionNow.between = this.SUBRULE(this.thresholdRange);
          },
        },
      ]),
    );
    this.OPTION(() => {
      (d.texts ??= []).push(this.SUBRULE2(this.text));
    });
    this.OPTION2(() => {
      d.wording = this.SUBRULE(this.wording);
    });
  };

  /**
   * `… numbered "7."` / `… bullet ""`: the marker one criterion is written with where it differs
   * from its list's (docs/language.md, the layout of the criteria text).
   */
  private criterionMarker = this.RULE('criterionMarker', (d?: Draft) => {
    const marker: NonNullable<Draft['marker']> = { k: undefined, text: undefined };
    if (d) d.marker = marker;
    marker.k = this.OR(this.alts('criterionMarker', () => [{ ALT: () => this.CONSUME(kw.numbered) }, { ALT: () => this.CONSUME(kw.bullet) }]));
    marker.text = this.SUBRULE(this.text);
  });

  /** `7.0 to 10.5 %`: a range of values, both ends included, in the unit written after the upper end. */
  private thresholdRange = this.RULE('thresholdRange', (): ThresholdRangeDraft => {
    const r: ThresholdRangeDraft = { low: undefined, q: undefined };
    r.low = this.CONSUME(NumberLiteral);
    this.CONSUME(kw.to);
    r.q = this.SUBRULE(this.quantity);
    return r;
  });

  // --- primary outcome "title" { … } -----------------------------------------------------------

  public outcomeBlock = this.item('outcomeBlock', (d) => {
    d.a = this.OR(
      this.alts('outcomeLevel', () => [
        { ALT: () => this.CONSUME(kw.primary) },
        { ALT: () => this.CONSUME(kw.secondary) },
        { ALT: () => this.CONSUME(kw.other) },
      ]),
    );
    this.CONSUME(kw.outcome);
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.blockBody(d, 'outcomeStatement', () => this.SUBRULE(this.outcomeStatement));
  });

  private outcomeStatement = this.RULE('outcomeStatement', () => {
    this.OR(
      this.alts('outcomeStatement', () => [
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameTextStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameStmt) },
    ]),
    );
  });

  private timeFrameTextStmt = this.keywordsThenText('timeFrameTextStmt', kw.time, kw.frame);

  /** `at month 12`, `at month 6 and month 12`, `at day 1, day 90 and day 181` */
  private timeFrameStmt = this.item('timeFrameStmt', (d) => {
    this.CONSUME(kw.at);
    (d.timePoints ??= []).push(this.SUBRULE(this.timePoint));
    this.MANY(() => {
      this.OR(this.alts('timePointSeparator', () => [{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]));
      (d.timePoints ??= []).push(this.SUBRULE2(this.timePoint));
    });
  });

  // --- schedule { visit ID at day N } ----------------------------------------------------------

  public scheduleBlock = this.item('scheduleBlock', (d) => {
    d.k.push(this.CONSUME(kw.schedule));
    this.blockBody(d, 'scheduleStatement', () => this.SUBRULE(this.scheduleStatement));
  });

  private scheduleStatement = this.RULE('scheduleStatement', () => {
    this.OR(
      this.alts('scheduleStatement', () => [
      { ALT: () => this.SUBRULE(this.visitStmt) },
      { ALT: () => this.SUBRULE(this.periodStmt) },
      { ALT: () => this.SUBRULE(this.assessStmt) },
    ]),
    );
  });

  /** `visit week4 at week 4`, `visit p2_day1 at day 1 in second`, `visit week4 at week 4 window -3 to 3 days` */
  private visitStmt = this.item('visitStmt', (d) => {
    this.CONSUME(kw.visit);
    (d.ids ??= []).push(this.CONSUME(Identifier));
    this.CONSUME(kw.at);
    (d.timePoints ??= []).push(this.SUBRULE(this.timePoint));
    this.OPTION(() => {
      this.CONSUME(kw.in);
      (d.ids ??= []).push(this.CONSUME2(Identifier));
    });
    this.OPTION2(() => {
      d.a = this.CONSUME(kw.window);
      d.amount = this.SUBRULE(this.amount);
    });
  });

  /**
   * `period screening for 28 days`, `period first treatment for 8 weeks`, `period followup follow up for 4 weeks`:
   * a name, optional kind words (up to `for`), and a length. Periods follow one another in the order written.
   */
  private periodStmt = this.item('periodStmt', (d) => {
    this.CONSUME(kw.period);
    (d.ids ??= []).push(this.CONSUME(Identifier));
    const kinds: IToken[] = [];
    (d.words ??= []).push(kinds);
    this.MANY({
      GATE: () => this.LA(1).tokenType !== kw.for,
      DEF: () => {
        kinds.push(this.CONSUME(Word));
      },
    });
    this.CONSUME(kw.for);
    (d.quantities ??= []).push(this.SUBRULE(this.quantity));
  });

  /** `assess egfr at screening, week4 and month6` (a measure) or `assess "12-lead ECG" at screening` (a procedure). */
  private assessStmt = this.item('assessStmt', (d) => {
    this.CONSUME(kw.assess);
    this.OR([
      {
        ALT: () => {
          (d.ids ??= []).push(this.CONSUME(Identifier));
        },
      },
      {
        ALT: () => {
          (d.texts ??= []).push(this.SUBRULE(this.text));
        },
      },
    ]);
    this.CONSUME(kw.at);
    this.SUBRULE(this.nameList, { ARGS: [d] });
  });

  /** `a`, `a and b`, `a, b and c` (into the statement's names as read, so a broken list keeps its first names). */
  private nameList = this.RULE('nameList', (d?: Draft) => {
    const names = d ? (d.names ??= []) : [];
    names.push(this.CONSUME(Identifier));
    this.MANY(() => {
      this.OR(this.alts('nameSeparator', () => [{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]));
      names.push(this.CONSUME2(Identifier));
    });
  });

  // --- site and reference lines --------------------------------------------------------------

  /**
   * `site "Facility" in "City", "State", "Country" zip "…" status recruiting` (the state may be left
   * out), optionally followed by a block of the site's contacts.
   */
  public siteDecl = this.item('siteDecl', (d) => {
    this.CONSUME(kw.site);
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.OPTION(() => {
      this.CONSUME(kw.in);
      (d.texts ??= []).push(this.SUBRULE2(this.text));
      this.MANY(() => {
        this.CONSUME(Comma);
        (d.texts ??= []).push(this.SUBRULE3(this.text));
      });
    });
    // The site's postal code (registry zip).
    this.OPTION3(() => {
      d.a = this.CONSUME(kw.zip);
      (d.texts ??= []).push(this.SUBRULE4(this.text));
    });
    this.OPTION2(() => {
      this.CONSUME(kw.status);
      (d.words ??= []).push(this.SUBRULE(this.words));
    });
    // The site's own contacts (registry locations[].contacts): `{ contact "…" role … phone "…" }`.
    this.OPTION4(() => {
      d.b = this.LA(1);
      this.blockBody(d, 'siteDecl', () => this.SUBRULE(this.contactStmt));
    });
  });

  /** `reference background pmid 20110379 "citation"` */
  public referenceDecl = this.item('referenceDecl', (d) => {
    this.CONSUME(kw.reference);
    (d.words ??= []).push(this.SUBRULE(this.words, { ARGS: [[kw.pmid]] }));
    this.OPTION(() => {
      this.CONSUME(kw.pmid);
      d.a = this.CONSUME(NumberLiteral);
    });
    (d.texts ??= []).push(this.SUBRULE(this.text));
  });

  /** `link "Study website" url "https://…"`: a web link beside the protocol (registry seeAlsoLinks). */
  public linkDecl = this.item('linkDecl', (d) => {
    this.CONSUME(kw.link);
    (d.texts ??= []).push(this.SUBRULE(this.text));
    this.CONSUME(kw.url);
    (d.texts ??= []).push(this.SUBRULE2(this.text));
  });
}

let instance: TrialParser | undefined;

/**
 * The one parser instance, built on first use (Chevrotain's grammar analysis runs once, at
 * construction): importing the grammar, as `trial --version` does through the CLI, costs nothing.
 */
export function trialParser(): TrialParser {
  return (instance ??= new TrialParser());
}

export type { IToken };
