/**
 * The Chevrotain parser: grammar rules only, producing a concrete syntax tree (CST) that
 * `build-ast.ts` turns into the typed AST.
 *
 * Shape of the language: a document is a list of top-level items that stand on their own (the
 * trial block, each arm, each intervention, each site line …); a block is `{` statements `}`; a
 * statement is one line. Recovery is on: an error inside a statement resynchronises at the next
 * line, so every other statement of the file still reaches the AST.
 *
 * One parser instance is reused (Chevrotain's advice: construction runs the grammar analysis).
 */
import { CstParser, EOF, type CstNode, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, Comma, comparatorTokens, DateLiteral, Identifier, kw, LCurly, Newline, NormalLimit, NumberLiteral, RCurly, Slash,
  Text, TripleText, Unit, UnterminatedText, Word, TIME_WORD_KEYWORDS,
} from './tokens';
import { errorMessages } from './parse-messages';
import { isPlaceholderWord } from './placeholder';

export class TrialParser extends CstParser {
  /**
   * @param options.validate run Chevrotain's grammar validations (ambiguities, left recursion …).
   *   They cost a large part of the construction, which every `trial` command and server start
   *   pays, and the grammar does not change at run time: test/grammar/grammar-valid.test.ts runs
   *   them on every `npm test` instead.
   */
  constructor(options: { validate?: boolean } = {}) {
    // Offsets of every CST node come from the parser itself (cheaper than walking the tree later).
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages, nodeLocationTracking: 'onlyOffset', skipValidations: !options.validate });
    this.performSelfAnalysis();
  }

  // --- shared pieces -------------------------------------------------------------------------

  /** A quoted text, single-line or triple-quoted. */
  private text = this.RULE('text', () => {
    this.OR([
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(TripleText) },
      { ALT: () => this.CONSUME(UnterminatedText) },
    ]);
  });

  /**
   * Words naming a registry value, up to the end of the line or to a word that starts the next
   * part of the statement (`role principal investigator affiliation "…"` stops at `affiliation`).
   */
  private words = this.RULE('words', (stop?: TokenType[]) => {
    this.AT_LEAST_ONE({
      GATE: () => !stop || !stop.includes(this.LA(1).tokenType),
      DEF: () => this.CONSUME(Word),
    });
  });

  /** A time word (`days`) accepted as the unit of a duration after a number. */
  private unitOrTimeWord = this.RULE('unitOrTimeWord', () => {
    this.OR([
      { ALT: () => this.CONSUME(Unit) },
      ...TIME_WORD_KEYWORDS.map((word) => ({ ALT: () => this.CONSUME(kw[word]) })),
      { ALT: () => this.CONSUME(kw.cycles) },
    ]);
  });

  private quantity = this.RULE('quantity', () => {
    this.CONSUME(NumberLiteral);
    this.SUBRULE(this.unitOrTimeWord);
  });

  /** `1000 mg` or `100 to 150 ng/mL` */
  private amount = this.RULE('amount', () => {
    this.CONSUME(NumberLiteral);
    this.OPTION(() => {
      this.CONSUME(kw.to);
      this.CONSUME2(NumberLiteral);
    });
    this.SUBRULE(this.unitOrTimeWord);
  });

  private comparator = this.RULE('comparator', () => {
    this.OR(comparatorTokens.map((token) => ({ ALT: () => this.CONSUME(token) })));
  });

  private timePoint = this.RULE('timePoint', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.day) },
      { ALT: () => this.CONSUME(kw.week) },
      { ALT: () => this.CONSUME(kw.month) },
      { ALT: () => this.CONSUME(kw.year) },
    ]);
    this.CONSUME(NumberLiteral);
  });

  /** A statement made of its keywords and one text: `brief title "…"`, `other name "…"`. */
  private keywordsThenText(ruleName: string, ...keywords: TokenType[]) {
    return this.RULE(ruleName, () => {
      keywords.forEach((keyword, i) => this.consume(i, keyword));
      this.SUBRULE(this.text);
    });
  }

  /** A statement made of its keywords and registry words: `study type interventional`. */
  private keywordsThenWords(ruleName: string, ...keywords: TokenType[]) {
    return this.RULE(ruleName, () => {
      keywords.forEach((keyword, i) => this.consume(i, keyword));
      this.SUBRULE(this.words);
    });
  }

  /** The body of a block: statements separated by line ends, up to `}`. */
  private blockBody(statement: () => void): void {
    // Occurrence index 9 keeps these apart from the calling rule's own OR/MANY/CONSUME.
    this.CONSUME9(LCurly);
    this.MANY9(() => {
      this.OR9([{ ALT: () => this.CONSUME9(Newline) }, { ALT: statement }]);
    });
    this.CONSUME9(RCurly);
  }

  // --- document --------------------------------------------------------------------------------

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
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
      ]);
    });
    this.CONSUME(EOF);
  });

  // --- trial { … } -------------------------------------------------------------------------------

  public trialBlock = this.RULE('trialBlock', () => {
    this.CONSUME(kw.trial);
    this.blockBody(() => this.SUBRULE(this.trialStatement));
  });

  private trialStatement = this.RULE('trialStatement', () => {
    this.OR([
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
      { ALT: () => this.SUBRULE(this.enrollmentStmt) },
      { ALT: () => this.SUBRULE(this.durationStmt) },
      { ALT: () => this.SUBRULE(this.conditionStmt) },
      { ALT: () => this.SUBRULE(this.keywordStmt) },
      { ALT: () => this.SUBRULE(this.summaryStmt) },
      { ALT: () => this.SUBRULE(this.detailsStmt) },
      { ALT: () => this.SUBRULE(this.expandedAccessStmt) },
    ]);
  });

  private nctIdStmt = this.RULE('nctIdStmt', () => {
    this.CONSUME(kw.nct);
    this.CONSUME(kw.id);
    this.CONSUME(Identifier);
  });

  private orgStudyIdStmt = this.keywordsThenText('orgStudyIdStmt', kw.org, kw.study, kw.id);

  private secondaryIdStmt = this.RULE('secondaryIdStmt', () => {
    this.CONSUME(kw.secondary);
    this.CONSUME(kw.id);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.type);
      this.SUBRULE(this.words, { ARGS: [[kw.domain]] });
    });
    this.OPTION2(() => {
      this.CONSUME(kw.domain);
      this.SUBRULE2(this.text);
    });
  });

  private briefTitleStmt = this.keywordsThenText('briefTitleStmt', kw.brief, kw.title);

  private officialTitleStmt = this.keywordsThenText('officialTitleStmt', kw.official, kw.title);

  private acronymStmt = this.keywordsThenText('acronymStmt', kw.acronym);

  private studyTypeStmt = this.keywordsThenWords('studyTypeStmt', kw.study, kw.type);

  /** `phase 3`, `phase 2/3`, `phase early 1`, `phase na` */
  private phaseStmt = this.RULE('phaseStmt', () => {
    this.CONSUME(kw.phase);
    this.SUBRULE(this.phaseValue);
    this.MANY(() => {
      this.CONSUME(Slash);
      this.SUBRULE2(this.phaseValue);
    });
  });

  private phaseValue = this.RULE('phaseValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      {
        ALT: () => {
          this.CONSUME(Word);
          this.OPTION(() => this.CONSUME2(NumberLiteral));
        },
      },
    ]);
  });

  private statusStmt = this.keywordsThenWords('statusStmt', kw.status);

  private whyStoppedStmt = this.keywordsThenText('whyStoppedStmt', kw.why, kw.stopped);

  /** `start 2021-04-14 actual`, `primary completion 2024-12 estimated`, `completion 2025 estimated` */
  private dateStmt = this.RULE('dateStmt', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.start) },
      {
        ALT: () => {
          this.CONSUME(kw.primary);
          this.CONSUME(kw.completion);
        },
      },
      { ALT: () => this.CONSUME2(kw.completion) },
    ]);
    this.OR2([
      { ALT: () => this.CONSUME(DateLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
    ]);
    this.OPTION(() => this.SUBRULE(this.actualOrEstimated));
  });

  private actualOrEstimated = this.RULE('actualOrEstimated', () => {
    this.OR([{ ALT: () => this.CONSUME(kw.actual) }, { ALT: () => this.CONSUME(kw.estimated) }]);
  });

  /** `enrollment 120 actual`, or `enrollment TODO` (a placeholder) */
  private enrollmentStmt = this.RULE('enrollmentStmt', () => {
    this.CONSUME(kw.enrollment);
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
    ]);
    this.OPTION(() => this.SUBRULE(this.actualOrEstimated));
  });

  private durationStmt = this.RULE('durationStmt', () => {
    this.CONSUME(kw.duration);
    this.SUBRULE(this.quantity);
  });

  private conditionStmt = this.keywordsThenText('conditionStmt', kw.condition);

  private keywordStmt = this.keywordsThenText('keywordStmt', kw.keyword);

  private summaryStmt = this.keywordsThenText('summaryStmt', kw.summary);

  private detailsStmt = this.keywordsThenText('detailsStmt', kw.details);

  /**
   * `expanded access yes nct id NCT01234567 status available`: whether the intervention is also
   * available through an expanded-access program, and that program's own record (optional).
   */
  private expandedAccessStmt = this.RULE('expandedAccessStmt', () => {
    this.CONSUME(kw.expanded);
    this.CONSUME(kw.access);
    this.CONSUME(Word);
    this.OPTION(() => {
      this.CONSUME(kw.nct);
      this.CONSUME(kw.id);
      this.CONSUME(Identifier);
    });
    this.OPTION2(() => {
      this.CONSUME(kw.status);
      this.SUBRULE(this.words);
    });
  });

  // --- design { … } ------------------------------------------------------------------------------

  public designBlock = this.RULE('designBlock', () => {
    this.CONSUME(kw.design);
    this.blockBody(() => this.SUBRULE(this.designStatement));
  });

  private designStatement = this.RULE('designStatement', () => {
    this.OR([
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
    ]);
  });

  // Observational designs (registry: designInfo.observationalModel, timePerspective, bioSpec,
  // patientRegistry, targetDuration) and expanded-access types (designModule.expandedAccessTypes).

  private observationalModelStmt = this.keywordsThenWords('observationalModelStmt', kw.observational, kw.model);

  private timePerspectiveStmt = this.keywordsThenWords('timePerspectiveStmt', kw.time, kw.perspective);

  /** `biospecimen retention samples with dna "Whole blood and serum"` */
  private biospecimenStmt = this.RULE('biospecimenStmt', () => {
    this.CONSUME(kw.biospecimen);
    this.CONSUME(kw.retention);
    this.SUBRULE(this.words);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  private patientRegistryStmt = this.keywordsThenWords('patientRegistryStmt', kw.patient, kw.registry);

  /** `target duration 3 months`: how long a patient registry follows each participant. */
  private targetDurationStmt = this.RULE('targetDurationStmt', () => {
    this.CONSUME(kw.target);
    this.CONSUME(kw.duration);
    this.SUBRULE(this.quantity);
  });

  /** `expanded access individual, intermediate, treatment` */
  private expandedAccessTypesStmt = this.RULE('expandedAccessTypesStmt', () => {
    this.CONSUME(kw.expanded);
    this.CONSUME(kw.access);
    this.SUBRULE(this.words);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.words);
    });
  });

  private allocationStmt = this.keywordsThenWords('allocationStmt', kw.allocation);

  private modelStmt = this.RULE('modelStmt', () => {
    this.CONSUME(kw.model);
    this.SUBRULE(this.words);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  private purposeStmt = this.keywordsThenWords('purposeStmt', kw.purpose);

  /** `masking double participant, investigator "description"` */
  private maskingStmt = this.RULE('maskingStmt', () => {
    this.CONSUME(kw.masking);
    this.CONSUME(Word);
    this.OPTION(() => {
      this.SUBRULE(this.words);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.words);
      });
    });
    this.OPTION2(() => this.SUBRULE(this.text));
  });

  // --- sponsors { … } ----------------------------------------------------------------------------

  public sponsorsBlock = this.RULE('sponsorsBlock', () => {
    this.CONSUME(kw.sponsors);
    this.blockBody(() => this.SUBRULE(this.sponsorsStatement));
  });

  private sponsorsStatement = this.RULE('sponsorsStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sponsorStmt) },
      { ALT: () => this.SUBRULE(this.responsiblePartyStmt) },
      { ALT: () => this.SUBRULE(this.officialStmt) },
      { ALT: () => this.SUBRULE(this.contactStmt) },
      { ALT: () => this.SUBRULE(this.organizationStmt) },
    ]);
  });

  /** `organization "Full name" class other`: the registry account's organization (identificationModule.organization). */
  private organizationStmt = this.RULE('organizationStmt', () => {
    this.CONSUME(kw.organization);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.class);
      this.SUBRULE(this.words);
    });
  });

  private sponsorStmt = this.RULE('sponsorStmt', () => {
    this.OR([{ ALT: () => this.CONSUME(kw.lead) }, { ALT: () => this.CONSUME(kw.collaborator) }]);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.class);
      this.SUBRULE(this.words);
    });
  });

  /** The type is optional: a legacy record (before the registry's 2011 form) names its responsible party
   *  in free text, `responsible party "Name/Title" organization "…"`, with no type. */
  private responsiblePartyStmt = this.RULE('responsiblePartyStmt', () => {
    this.CONSUME(kw.responsible);
    this.CONSUME(kw.party);
    this.OPTION4(() => this.SUBRULE(this.words, { ARGS: [[kw.organization]] }));
    this.OPTION(() => this.SUBRULE(this.text));
    this.OPTION2(() => {
      this.CONSUME(kw.title);
      this.SUBRULE2(this.text);
    });
    this.OPTION3(() => {
      this.CONSUME(kw.affiliation);
      this.SUBRULE3(this.text);
    });
    this.OPTION5(() => {
      this.CONSUME(kw.organization);
      this.SUBRULE4(this.text);
    });
  });

  private officialStmt = this.RULE('officialStmt', () => {
    this.CONSUME(kw.official);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.role);
      this.SUBRULE(this.words, { ARGS: [[kw.affiliation]] });
    });
    this.OPTION2(() => {
      this.CONSUME(kw.affiliation);
      this.SUBRULE2(this.text);
    });
  });

  private contactStmt = this.RULE('contactStmt', () => {
    this.CONSUME(kw.contact);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.role);
      this.SUBRULE(this.words, { ARGS: [[kw.phone, kw.email]] });
    });
    this.OPTION2(() => {
      this.CONSUME(kw.phone);
      this.SUBRULE2(this.text);
    });
    this.OPTION3(() => {
      this.CONSUME(kw.email);
      this.SUBRULE3(this.text);
    });
  });

  // --- measure ID "label" unit U ---------------------------------------------------------------

  public measureDecl = this.RULE('measureDecl', () => {
    this.CONSUME(kw.measure);
    this.CONSUME(Identifier);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.unit);
      this.OR([
        { ALT: () => this.CONSUME(Unit) },
        ...TIME_WORD_KEYWORDS.map((word) => ({ ALT: () => this.CONSUME(kw[word]) })),
      ]);
    });
  });

  // --- intervention ID { … } -------------------------------------------------------------------

  public interventionBlock = this.RULE('interventionBlock', () => {
    this.CONSUME(kw.intervention);
    this.CONSUME(Identifier);
    this.blockBody(() => this.SUBRULE(this.interventionStatement));
  });

  private interventionStatement = this.RULE('interventionStatement', () => {
    this.OR([
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
    ]);
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
  public doseStmt = this.RULE('doseStmt', () => {
    this.CONSUME(kw.dose);
    // A dose with no amount (`dose "placebo to match" iv every 4 weeks`) says in words what is given.
    this.OR9([{ ALT: () => this.SUBRULE(this.amount) }, { ALT: () => this.SUBRULE(this.text) }]);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Identifier) },
        { ALT: () => this.SUBRULE(this.dividedClause) },
        { ALT: () => this.SUBRULE(this.everyClause) },
        { ALT: () => this.SUBRULE(this.schedulePart) },
        { ALT: () => this.SUBRULE(this.overClause) },
      ]);
    });
    this.OPTION(() => this.SUBRULE(this.condition));
    this.OPTION2(() => this.SUBRULE(this.wording));
  });

  /** `over 30 min`: how long an infusion runs. */
  private overClause = this.RULE('overClause', () => {
    this.CONSUME(kw.over);
    this.SUBRULE(this.quantity);
  });

  /** `as "1000 mg IV on Day 1"`: the sentence a structured dose or criterion was written as (kept for export). */
  private wording = this.RULE('wording', () => {
    this.CONSUME(kw.as);
    this.SUBRULE(this.text);
  });

  /** `2.5 x ULN`: a multiple of the upper (or lower) limit of normal. */
  private normalLimitMultiple = this.RULE('normalLimitMultiple', () => {
    this.CONSUME(NumberLiteral);
    this.CONSUME(NormalLimit);
  });

  private dividedClause = this.RULE('dividedClause', () => {
    this.CONSUME(kw.in);
    this.CONSUME(NumberLiteral);
    this.CONSUME(kw.divided);
    this.CONSUME(kw.doses);
  });

  private everyClause = this.RULE('everyClause', () => {
    this.CONSUME(kw.every);
    this.SUBRULE(this.quantity);
  });

  private schedulePart = this.RULE('schedulePart', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw.on);
          this.OR2([{ ALT: () => this.CONSUME(kw.day) }, { ALT: () => this.CONSUME(kw.days) }]);
          this.SUBRULE(this.dayList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.from);
          this.CONSUME2(kw.day);
          this.CONSUME(NumberLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.to);
          this.CONSUME3(kw.day);
          this.CONSUME2(NumberLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.for);
          // `for 6 months`, `for 6 cycles`, or a number of administrations: `for 4 doses`.
          this.OR3([
            { ALT: () => this.SUBRULE(this.quantity) },
            {
              ALT: () => {
                this.CONSUME3(NumberLiteral);
                this.CONSUME(kw.doses);
              },
            },
          ]);
        },
      },
    ]);
  });

  /** `1`, `1 and 181`, `1, 8 and 15` */
  private dayList = this.RULE('dayList', () => {
    this.CONSUME(NumberLiteral);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]);
      this.CONSUME2(NumberLiteral);
    });
  });

  /** `if cd19 > 5 10*6/L` or `depending on cd19` */
  private condition = this.RULE('condition', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw.if);
          this.CONSUME(Identifier);
          this.SUBRULE(this.comparator);
          this.SUBRULE(this.quantity);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.depending);
          this.CONSUME(kw.on);
          this.CONSUME2(Identifier);
        },
      },
    ]);
  });

  private adjustStmt = this.RULE('adjustStmt', () => {
    this.CONSUME(kw.adjust);
    this.CONSUME(kw.by);
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(kw.target);
      this.SUBRULE(this.amount);
    });
  });

  private taperStmt = this.RULE('taperStmt', () => {
    this.CONSUME(kw.taper);
    this.CONSUME(kw.after);
    this.SUBRULE(this.quantity);
    this.OPTION(() => {
      this.CONSUME(kw.over);
      this.SUBRULE2(this.quantity);
    });
  });

  private stopStmt = this.RULE('stopStmt', () => {
    this.CONSUME(kw.stop);
    this.CONSUME(kw.after);
    this.SUBRULE(this.quantity);
  });

  private maxDoseStmt = this.RULE('maxDoseStmt', () => {
    this.CONSUME(kw.max);
    // `max cumulative dose 8 g`: the total over the whole schedule.
    this.OPTION(() => this.CONSUME(kw.cumulative));
    this.CONSUME(kw.dose);
    this.SUBRULE(this.quantity);
  });

  private basisStmt = this.RULE('basisStmt', () => {
    this.CONSUME(kw.basis);
    this.OR([{ ALT: () => this.CONSUME(kw.weight) }, { ALT: () => this.CONSUME(kw.surface) }]);
    this.SUBRULE(this.text);
  });

  // --- arm ID { … } ------------------------------------------------------------------------------

  public armBlock = this.RULE('armBlock', () => {
    this.CONSUME(kw.arm);
    this.CONSUME(Identifier);
    this.blockBody(() => this.SUBRULE(this.armStatement));
  });

  private armStatement = this.RULE('armStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.labelStmt) },
      { ALT: () => this.SUBRULE(this.typeStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.receivesStmt) },
      { ALT: () => this.SUBRULE(this.armPeriodsStmt) },
    ]);
  });

  private labelStmt = this.keywordsThenText('labelStmt', kw.label);

  /** `receives rituximab`, `receives drug_a in first` (only in that period), optionally `{ dose … }`. */
  private receivesStmt = this.RULE('receivesStmt', () => {
    this.CONSUME(kw.receives);
    this.CONSUME(Identifier);
    this.OPTION2(() => {
      this.CONSUME(kw.in);
      this.CONSUME2(Identifier);
    });
    this.OPTION(() => this.blockBody(() => this.SUBRULE(this.doseStmt)));
  });

  /** `periods screening, first, washout, second` — the periods an arm goes through, in order. */
  private armPeriodsStmt = this.RULE('armPeriodsStmt', () => {
    this.CONSUME(kw.periods);
    this.SUBRULE(this.nameList);
  });

  // --- group ID { … }: a group or cohort of an observational study ------------------------------

  /** Like an arm, but an observational group has no arm type: it is observed, not assigned. */
  public groupBlock = this.RULE('groupBlock', () => {
    this.CONSUME(kw.group);
    this.CONSUME(Identifier);
    this.blockBody(() => this.SUBRULE(this.groupStatement));
  });

  private groupStatement = this.RULE('groupStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.labelStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.exposureStmt) },
    ]);
  });

  /** `exposure smoking`: an intervention (registry: exposure) the group's participants have. */
  private exposureStmt = this.RULE('exposureStmt', () => {
    this.CONSUME(kw.exposure);
    this.CONSUME(Identifier);
  });

  // --- oversight { … } ----------------------------------------------------------------------------

  public oversightBlock = this.RULE('oversightBlock', () => {
    this.CONSUME(kw.oversight);
    this.blockBody(() => this.SUBRULE(this.oversightStatement));
  });

  private oversightStatement = this.RULE('oversightStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.fdaRegulatedStmt) },
      { ALT: () => this.SUBRULE(this.unapprovedDeviceStmt) },
      { ALT: () => this.SUBRULE(this.pediatricPostmarketStmt) },
      { ALT: () => this.SUBRULE(this.exportedFromUsStmt) },
      { ALT: () => this.SUBRULE(this.dataMonitoringCommitteeStmt) },
      { ALT: () => this.SUBRULE(this.reviewBoardStmt) },
    ]);
  });

  /** `fda regulated drug yes`, `fda regulated device no`: the product word is checked by the AST builder. */
  private fdaRegulatedStmt = this.RULE('fdaRegulatedStmt', () => {
    this.CONSUME(kw.fda);
    this.CONSUME(kw.regulated);
    this.CONSUME(Identifier);
    this.SUBRULE(this.words);
  });

  /** `unapproved device yes` */
  private unapprovedDeviceStmt = this.RULE('unapprovedDeviceStmt', () => {
    this.CONSUME(kw.unapproved);
    this.CONSUME(Identifier);
    this.SUBRULE(this.words);
  });

  /** `pediatric postmarket device yes` */
  private pediatricPostmarketStmt = this.RULE('pediatricPostmarketStmt', () => {
    this.CONSUME(kw.pediatric);
    this.CONSUME(kw.postmarket);
    this.CONSUME(Identifier);
    this.SUBRULE(this.words);
  });

  /** `exported from us yes` */
  private exportedFromUsStmt = this.RULE('exportedFromUsStmt', () => {
    this.CONSUME(kw.exported);
    this.CONSUME(kw.from);
    this.CONSUME(Identifier);
    this.SUBRULE(this.words);
  });

  private dataMonitoringCommitteeStmt = this.keywordsThenWords('dataMonitoringCommitteeStmt', kw.data, kw.monitoring, kw.committee);

  /** `review board approved` (or pending, exempt, denied, not required, not yet submitted) */
  private reviewBoardStmt = this.keywordsThenWords('reviewBoardStmt', kw.review, kw.board);

  // --- ipd sharing { … } -------------------------------------------------------------------------

  public ipdSharingBlock = this.RULE('ipdSharingBlock', () => {
    this.CONSUME(kw.ipd);
    this.CONSUME(kw.sharing);
    this.blockBody(() => this.SUBRULE(this.ipdSharingStatement));
  });

  private ipdSharingStatement = this.RULE('ipdSharingStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.planStmt) },
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.infoTypesStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameTextStmt) },
      { ALT: () => this.SUBRULE(this.accessCriteriaStmt) },
      { ALT: () => this.SUBRULE(this.urlStmt) },
    ]);
  });

  private planStmt = this.keywordsThenWords('planStmt', kw.plan);

  /** `info types study protocol, sap, icf, csr, analytic code` */
  private infoTypesStmt = this.RULE('infoTypesStmt', () => {
    this.CONSUME(kw.info);
    this.CONSUME(kw.types);
    this.SUBRULE(this.words);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.words);
    });
  });

  private accessCriteriaStmt = this.keywordsThenText('accessCriteriaStmt', kw.access, kw.criteria);

  private urlStmt = this.keywordsThenText('urlStmt', kw.url);

  // --- eligibility { … } -------------------------------------------------------------------------

  public eligibilityBlock = this.RULE('eligibilityBlock', () => {
    this.CONSUME(kw.eligibility);
    this.blockBody(() => this.SUBRULE(this.eligibilityStatement));
  });

  private eligibilityStatement = this.RULE('eligibilityStatement', () => {
    this.OR([
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
    ]);
  });

  /**
   * `inclusion criteria "Key Inclusion Criteria:" numbered`: how a list of the criteria text is
   * written — its heading as the registry wrote it, its markers (`numbered`: 1. 2. …; `bullet "-"`).
   */
  private criteriaListStmt = this.RULE('criteriaListStmt', () => {
    this.OR([{ ALT: () => this.CONSUME(kw.inclusion) }, { ALT: () => this.CONSUME(kw.exclusion) }]);
    this.CONSUME(kw.criteria);
    this.OPTION(() => this.SUBRULE(this.text));
    this.OPTION2(() => {
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(kw.numbered);
            // `numbered "7."`: the first number and its form (`1)`, `a.`); alone: 1. 2. 3. …
            this.OPTION3(() => this.SUBRULE3(this.text));
          },
        },
        {
          ALT: () => {
            this.CONSUME(kw.bullet);
            this.SUBRULE2(this.text);
          },
        },
      ]);
    });
  });

  /** `population "Healthy Controls" { include … exclude … }`: criteria of one population (cohort, part, donors). */
  private populationBlock = this.RULE('populationBlock', () => {
    this.CONSUME(kw.population);
    this.SUBRULE(this.text);
    this.blockBody(() => this.SUBRULE(this.populationStatement));
  });

  private populationStatement = this.RULE('populationStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.criterionStmt) },
      { ALT: () => this.SUBRULE(this.criteriaListStmt) },
    ]);
  });

  /** `criteria by population`: the text is written population by population, each with its own lists. */
  private criteriaLayoutStmt = this.RULE('criteriaLayoutStmt', () => {
    this.CONSUME(kw.criteria);
    this.CONSUME(kw.by);
    this.CONSUME(kw.population);
  });

  /** Observational studies: who is studied, and how they are sampled. */
  private studyPopulationStmt = this.keywordsThenText('studyPopulationStmt', kw.study, kw.population);

  private samplingStmt = this.keywordsThenWords('samplingStmt', kw.sampling);

  /** `age 18 years to 80 years`, `age 18 years or older`, `age up to 17 years`, `age any`, `age TODO` (a placeholder) */
  private ageStmt = this.RULE('ageStmt', () => {
    this.CONSUME(kw.age);
    this.OR([
      { ALT: () => this.CONSUME(kw.any) },
      { GATE: () => isPlaceholderWord(this.LA(1).image), ALT: () => this.CONSUME(Identifier) },
      {
        ALT: () => {
          this.CONSUME(kw.up);
          this.CONSUME(kw.to);
          this.SUBRULE(this.quantity);
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.quantity);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME2(kw.to);
                this.SUBRULE3(this.quantity);
              },
            },
            {
              ALT: () => {
                this.CONSUME(kw.or);
                this.CONSUME(kw.older);
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
  private criterionStmt = this.RULE('criterionStmt', () => {
    this.OR([{ ALT: () => this.CONSUME(kw.include) }, { ALT: () => this.CONSUME(kw.exclude) }]);
    this.OR2([
      { ALT: () => this.SUBRULE(this.text) },
      {
        ALT: () => {
          this.CONSUME(Identifier);
          this.OR3([
            {
              ALT: () => {
                this.SUBRULE(this.comparator);
                this.OR4([
                  { ALT: () => this.SUBRULE(this.normalLimitMultiple) },
                  { ALT: () => this.SUBRULE(this.quantity) },
                ]);
              },
            },
            { ALT: () => this.SUBRULE(this.thresholdRange) },
          ]);
          this.OPTION(() => this.SUBRULE2(this.text));
          this.OPTION2(() => this.SUBRULE(this.wording));
        },
      },
    ]);
    this.OPTION3(() => this.SUBRULE(this.criterionMarker));
  });

  /**
   * `… numbered "7."` / `… bullet ""`: the marker one criterion is written with where it differs
   * from its list's (docs/language.md, the layout of the criteria text).
   */
  private criterionMarker = this.RULE('criterionMarker', () => {
    this.OR([{ ALT: () => this.CONSUME(kw.numbered) }, { ALT: () => this.CONSUME(kw.bullet) }]);
    this.SUBRULE(this.text);
  });

  /** `7.0 to 10.5 %`: a range of values, both ends included, in the unit written after the upper end. */
  private thresholdRange = this.RULE('thresholdRange', () => {
    this.CONSUME(NumberLiteral);
    this.CONSUME(kw.to);
    this.SUBRULE(this.quantity);
  });

  // --- primary outcome "title" { … } -----------------------------------------------------------

  public outcomeBlock = this.RULE('outcomeBlock', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.primary) },
      { ALT: () => this.CONSUME(kw.secondary) },
      { ALT: () => this.CONSUME(kw.other) },
    ]);
    this.CONSUME(kw.outcome);
    this.SUBRULE(this.text);
    this.blockBody(() => this.SUBRULE(this.outcomeStatement));
  });

  private outcomeStatement = this.RULE('outcomeStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.descriptionStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameTextStmt) },
      { ALT: () => this.SUBRULE(this.timeFrameStmt) },
    ]);
  });

  private timeFrameTextStmt = this.keywordsThenText('timeFrameTextStmt', kw.time, kw.frame);

  /** `at month 12`, `at month 6 and month 12`, `at day 1, day 90 and day 181` */
  private timeFrameStmt = this.RULE('timeFrameStmt', () => {
    this.CONSUME(kw.at);
    this.SUBRULE(this.timePoint);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]);
      this.SUBRULE2(this.timePoint);
    });
  });

  // --- schedule { visit ID at day N } ----------------------------------------------------------

  public scheduleBlock = this.RULE('scheduleBlock', () => {
    this.CONSUME(kw.schedule);
    this.blockBody(() => this.SUBRULE(this.scheduleStatement));
  });

  private scheduleStatement = this.RULE('scheduleStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.visitStmt) },
      { ALT: () => this.SUBRULE(this.periodStmt) },
      { ALT: () => this.SUBRULE(this.assessStmt) },
    ]);
  });

  /** `visit week4 at week 4`, `visit p2_day1 at day 1 in second`, `visit week4 at week 4 window -3 to 3 days` */
  private visitStmt = this.RULE('visitStmt', () => {
    this.CONSUME(kw.visit);
    this.CONSUME(Identifier);
    this.CONSUME(kw.at);
    this.SUBRULE(this.timePoint);
    this.OPTION(() => {
      this.CONSUME(kw.in);
      this.CONSUME2(Identifier);
    });
    this.OPTION2(() => {
      this.CONSUME(kw.window);
      this.SUBRULE(this.amount);
    });
  });

  /**
   * `period screening for 28 days`, `period first treatment for 8 weeks`, `period followup follow up for 4 weeks`:
   * a name, optional kind words (up to `for`), and a length. Periods follow one another in the order written.
   */
  private periodStmt = this.RULE('periodStmt', () => {
    this.CONSUME(kw.period);
    this.CONSUME(Identifier);
    this.MANY({
      GATE: () => this.LA(1).tokenType !== kw.for,
      DEF: () => this.CONSUME(Word),
    });
    this.CONSUME(kw.for);
    this.SUBRULE(this.quantity);
  });

  /** `assess egfr at screening, week4 and month6` (a measure) or `assess "12-lead ECG" at screening` (a procedure). */
  private assessStmt = this.RULE('assessStmt', () => {
    this.CONSUME(kw.assess);
    this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.SUBRULE(this.text) }]);
    this.CONSUME(kw.at);
    this.SUBRULE(this.nameList);
  });

  /** `a`, `a and b`, `a, b and c` */
  private nameList = this.RULE('nameList', () => {
    this.CONSUME(Identifier);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(kw.and) }]);
      this.CONSUME2(Identifier);
    });
  });

  // --- site and reference lines --------------------------------------------------------------

  /** `site "Facility" in "City", "State", "Country" status recruiting` (the state may be left out). */
  public siteDecl = this.RULE('siteDecl', () => {
    this.CONSUME(kw.site);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(kw.in);
      this.SUBRULE2(this.text);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE3(this.text);
      });
    });
    this.OPTION2(() => {
      this.CONSUME(kw.status);
      this.SUBRULE(this.words);
    });
  });

  /** `reference background pmid 20110379 "citation"` */
  public referenceDecl = this.RULE('referenceDecl', () => {
    this.CONSUME(kw.reference);
    this.SUBRULE(this.words, { ARGS: [[kw.pmid]] });
    this.OPTION(() => {
      this.CONSUME(kw.pmid);
      this.CONSUME(NumberLiteral);
    });
    this.SUBRULE(this.text);
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

export type { CstNode, IToken };
