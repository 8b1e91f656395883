/**
 * The typed syntax tree of a `.trial` document.
 *
 * Every node carries the range of the text it was built from, and every named property is a
 * `Located` value with the range of its own tokens, so that a check can underline exactly the
 * offending word (a unit, a day number, an identifier) rather than a whole statement.
 *
 * Blocks keep their statements as an ordered list (the order the writer chose, which the formatter
 * keeps); the semantic model in `server/` builds the convenient per-property view on top.
 * Words that name registry enumerations (arm types, statuses, sponsor classes …) are kept as the
 * words written: mapping them to registry values is the registry layer's job, not the grammar's.
 */

/** A place in the text: zero-based line and character (UTF-16 units, as in LSP) and offset. */
export interface Position {
  line: number;
  character: number;
  offset: number;
}

/** A span of text; `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

export interface Located<T> {
  value: T;
  range: Range;
}

interface NodeBase {
  range: Range;
}

/** A number, with its text as written (`3.0`, `0.50`): the precision the writer chose. */
export interface NumberValue extends Located<number> {
  written?: string;
}

/** A number with a unit exactly as written (`3 mg/kg/d`, `6 months`, `40 mL/min/1.73m2`). */
export interface Quantity extends NodeBase {
  kind: 'Quantity';
  value: NumberValue;
  /** The unit text as written; the units layer decides what UCUM code it means. */
  unit: Located<string>;
}

/** A dose amount: one quantity, or a range `1 to 2 mg` (the low end shares the unit). */
export interface Amount extends NodeBase {
  kind: 'Amount';
  low?: NumberValue;
  value: NumberValue;
  unit: Located<string>;
}

export type Comparator = '<' | '<=' | '>' | '>=' | '=';

export type TimeUnitWord = 'day' | 'week' | 'month' | 'year';

/** `day 181`, `month 12`: a point on the study calendar. */
export interface TimePoint extends NodeBase {
  kind: 'TimePoint';
  unit: Located<TimeUnitWord>;
  value: Located<number>;
}

// ---------------------------------------------------------------------------------------------
// The document

export interface Document extends NodeBase {
  kind: 'Document';
  items: TopItem[];
}

export type TopItem =
  | TrialBlock
  | DesignBlock
  | SponsorsBlock
  | MeasureDecl
  | InterventionBlock
  | ArmBlock
  | EligibilityBlock
  | OutcomeBlock
  | ScheduleBlock
  | SiteDecl
  | ReferenceDecl
  | LinkDecl
  | OversightBlock
  | IpdSharingBlock;

/** Statements of all blocks, for code that walks every statement. */
export type Statement =
  | TrialStatement
  | DesignStatement
  | SponsorsStatement
  | InterventionStatement
  | ArmStatement
  | EligibilityStatement
  | OutcomeStatement
  | ScheduleStatement
  | OversightStatement
  | IpdSharingStatement;

// ---------------------------------------------------------------------------------------------
// trial { … }: identification, status, dates, descriptions

export interface TrialBlock extends NodeBase {
  kind: 'TrialBlock';
  keyword: Range;
  statements: TrialStatement[];
}

export type TrialStatement =
  | NctIdStmt
  | OrgStudyIdStmt
  | SecondaryIdStmt
  | TextStmt
  | WordsStmt
  | PhaseStmt
  | DateStmt
  | VerifiedStmt
  | EnrollmentStmt
  | DurationStmt
  | ExpandedAccessStmt;

export interface NctIdStmt extends NodeBase {
  kind: 'NctId';
  id: Located<string>;
}

export interface OrgStudyIdStmt extends NodeBase {
  kind: 'OrgStudyId';
  id: Located<string>;
}

/** `secondary id "2020-001234-56" type eudract number domain "EudraCT"` */
export interface SecondaryIdStmt extends NodeBase {
  kind: 'SecondaryId';
  id: Located<string>;
  idType?: Located<string>;
  domain?: Located<string>;
}

/** Statements whose value is one text: titles, summary, conditions, descriptions, labels … */
export type TextField =
  | 'briefTitle'
  | 'officialTitle'
  | 'acronym'
  | 'whyStopped'
  | 'condition'
  | 'keyword'
  | 'summary'
  | 'details'
  | 'name'
  | 'otherName'
  | 'description'
  | 'label'
  | 'timeFrameText'
  | 'studyPopulation'
  | 'genderDescription'
  | 'accessCriteria'
  | 'url';

export interface TextStmt extends NodeBase {
  kind: 'Text';
  field: TextField;
  /** The keywords that introduce the statement (`brief title`). */
  keyword: Range;
  text: Located<string>;
}

/** Statements whose value is a registry word (or words): `status terminated`, `type active comparator`. */
export type WordsField =
  | 'studyType'
  | 'status'
  | 'allocation'
  | 'purpose'
  | 'interventionType'
  | 'armType'
  | 'sex'
  | 'genderBased'
  | 'healthyVolunteers'
  | 'observationalModel'
  | 'timePerspective'
  | 'patientRegistry'
  | 'samplingMethod'
  | 'fdaRegulatedDrug'
  | 'fdaRegulatedDevice'
  | 'unapprovedDevice'
  | 'pediatricPostmarketDevice'
  | 'exportedFromUs'
  | 'dataMonitoringCommittee'
  | 'reviewBoard'
  | 'ipdSharing';

export interface WordsStmt extends NodeBase {
  kind: 'Words';
  field: WordsField;
  keyword: Range;
  words: Located<string>;
}

/** `phase 3`, `phase 2/3`, `phase early 1`, `phase na` — each phase as written (`1`…`4`, `early 1`, `na`). */
export interface PhaseStmt extends NodeBase {
  kind: 'Phase';
  phases: Located<string>[];
}

export type DateField = 'start' | 'primaryCompletion' | 'completion';
export type ActualOrEstimated = 'actual' | 'estimated';

/**
 * `start 2021-04-14 actual`; the date keeps the precision written (yyyy, yyyy-mm, yyyy-mm-dd), or is
 * the placeholder `TODO` (grammar/placeholder.ts) — test with `isPlaceholderWord(date.value)`.
 */
export interface DateStmt extends NodeBase {
  kind: 'Date';
  field: DateField;
  keyword: Range;
  date: Located<string>;
  dateType?: Located<ActualOrEstimated>;
}

/**
 * `verified 2024-05`: the record verification date (statusVerifiedDate), the month the responsible
 * party last confirmed the record; as written (yyyy-mm usually), or the placeholder `TODO`.
 */
export interface VerifiedStmt extends NodeBase {
  kind: 'Verified';
  keyword: Range;
  date: Located<string>;
}

/** `enrollment 120 actual`; `enrollment TODO` has a `placeholder` and no `count`. */
export interface EnrollmentStmt extends NodeBase {
  kind: 'Enrollment';
  count?: Located<number>;
  placeholder?: Located<string>;
  countType?: Located<ActualOrEstimated>;
}

/** `duration 24 months`: the planned duration of the study, for schedule checks. */
export interface DurationStmt extends NodeBase {
  kind: 'Duration';
  duration: Quantity;
}

/**
 * `expanded access yes nct id NCT01234567 status available`: whether the intervention is also
 * available through expanded access (registry: statusModule.expandedAccessInfo).
 */
export interface ExpandedAccessStmt extends NodeBase {
  kind: 'ExpandedAccess';
  keyword: Range;
  /** `yes` or `no` as written. */
  answer: Located<string>;
  /** The expanded-access record's NCT id. */
  nctId?: Located<string>;
  /** The expanded-access record's status words (`available` …). */
  status?: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// design { … }

export interface DesignBlock extends NodeBase {
  kind: 'DesignBlock';
  keyword: Range;
  statements: DesignStatement[];
}

export type DesignStatement = WordsStmt | ModelStmt | MaskingStmt | BiospecimenStmt | TargetDurationStmt | ExpandedAccessTypesStmt;

/** `biospecimen retention samples with dna "Whole blood"` (observational studies). */
export interface BiospecimenStmt extends NodeBase {
  kind: 'Biospecimen';
  keyword: Range;
  retention: Located<string>;
  description?: Located<string>;
}

/** `target duration 3 months`: how long a patient registry follows each participant. */
export interface TargetDurationStmt extends NodeBase {
  kind: 'TargetDuration';
  keyword: Range;
  duration: Quantity;
}

/** `expanded access individual, intermediate, treatment` (expanded-access studies). */
export interface ExpandedAccessTypesStmt extends NodeBase {
  kind: 'ExpandedAccessTypes';
  keyword: Range;
  types: Located<string>[];
}

/** `model parallel "Participants are randomised 1:1 …"` */
export interface ModelStmt extends NodeBase {
  kind: 'Model';
  model: Located<string>;
  description?: Located<string>;
}

/** `masking double participant, investigator "Central pharmacy prepares …"` */
export interface MaskingStmt extends NodeBase {
  kind: 'Masking';
  level: Located<string>;
  roles: Located<string>[];
  description?: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// sponsors { … }

export interface SponsorsBlock extends NodeBase {
  kind: 'SponsorsBlock';
  keyword: Range;
  statements: SponsorsStatement[];
}

export type SponsorsStatement = SponsorStmt | ResponsiblePartyStmt | OfficialStmt | ContactStmt | OrganizationStmt;

/** `organization "Full name" class other`: the registry account's organization. */
export interface OrganizationStmt extends NodeBase {
  kind: 'Organization';
  keyword: Range;
  name: Located<string>;
  agencyClass?: Located<string>;
}

/** `lead "Peking Union Medical College Hospital" class other` (or `collaborator …`). */
export interface SponsorStmt extends NodeBase {
  kind: 'Sponsor';
  role: Located<'lead' | 'collaborator'>;
  name: Located<string>;
  agencyClass?: Located<string>;
}

/** `responsible party sponsor`, `responsible party principal investigator "Name" title "…" affiliation "…"`,
 *  or the legacy form without a type, `responsible party "Name/Title" organization "…"` (the registry's
 *  `oldNameTitle` / `oldOrganization`, written before its 2011 responsible-party form). */
export interface ResponsiblePartyStmt extends NodeBase {
  kind: 'ResponsibleParty';
  /** Absent in the legacy form. */
  partyType?: Located<string>;
  /** The investigator's name; in the legacy form (no type) the free-text name/title. */
  investigator?: Located<string>;
  title?: Located<string>;
  affiliation?: Located<string>;
  /** Legacy form: the responsible party's organization (`oldOrganization`). */
  organization?: Located<string>;
}

/** `official "Yan Qin, Doctor" role principal investigator affiliation "…"` */
export interface OfficialStmt extends NodeBase {
  kind: 'Official';
  name: Located<string>;
  role?: Located<string>;
  affiliation?: Located<string>;
}

/** `contact "Trial desk" phone "+1 555 0100" email "trial@example.org"` */
export interface ContactStmt extends NodeBase {
  kind: 'Contact';
  name: Located<string>;
  role?: Located<string>;
  phone?: Located<string>;
  /** The phone extension (`ext "…"` after the phone). */
  phoneExt?: Located<string>;
  email?: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// measure ID "label" unit U

export interface MeasureDecl extends NodeBase {
  kind: 'MeasureDecl';
  id: Located<string>;
  label: Located<string>;
  unit?: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// intervention ID { … }

export interface InterventionBlock extends NodeBase {
  kind: 'InterventionBlock';
  keyword: Range;
  id: Located<string>;
  statements: InterventionStatement[];
}

export type InterventionStatement =
  | WordsStmt
  | TextStmt
  | DoseStmt
  | AdjustStmt
  | TaperStmt
  | StopStmt
  | MaxDoseStmt
  | BasisStmt;

export type Frequency =
  | { kind: 'named'; code: FrequencyCode; range: Range }
  | { kind: 'every'; interval: Quantity; range: Range };

/** Named frequencies; `qNh` is kept as `q<N>h`. */
export type FrequencyCode = 'once' | 'daily' | 'bid' | 'tid' | 'qid' | 'qod' | 'weekly' | 'monthly' | `q${number}h`;

export type RouteCode =
  | 'iv'
  | 'oral'
  | 'sc'
  | 'im'
  | 'inhaled'
  | 'topical'
  | 'intranasal'
  | 'rectal'
  | 'sublingual'
  | 'transdermal'
  | 'intrathecal'
  | 'intravitreal'
  | 'intravesical'
  | 'intradermal';

/** When a dose is given. Days are study days (Day 1 = first day of treatment). */
export interface Schedule extends NodeBase {
  kind: 'Schedule';
  /** `on days 1, 8 and 15` */
  days: Located<number>[];
  /** `from day 1` */
  from?: Located<number>;
  /** `to day 28` */
  to?: Located<number>;
  /** `for 6 months`, `for 6 cycles`, `for 4 doses` (unit `doses`: a number of administrations) */
  for?: Quantity;
}

export interface Condition extends NodeBase {
  kind: 'Condition';
  /** `if cd19 > 5 10*6/L` has a comparator and threshold; `depending on cd19` has neither. */
  measure: Located<string>;
  comparator?: Located<Comparator>;
  threshold?: Quantity;
}

/**
 * `dose 3 mg/kg/d oral in 2 divided doses every 12 h from day 1 for 6 months`
 * `dose 1000 mg iv on days 15 and 195 if cd19_b_cells > 5 10*6/L`
 */
export interface DoseStmt extends NodeBase {
  kind: 'Dose';
  /** Absent when the dose is said in words instead (`dose "placebo to match" iv …`). */
  amount?: Amount;
  /** `dose "as directed" oral daily`: no amount, what is given in the writer's words. */
  amountText?: Located<string>;
  route?: Located<RouteCode>;
  frequency?: Frequency;
  divided?: Located<number>;
  schedule?: Schedule;
  condition?: Condition;
  /** `over 30 min`: how long an infusion runs. */
  infusion?: Quantity;
  /** `as "…"`: the sentence the dose was written as in the registry text (export keeps it while it still says this dose). */
  wording?: Located<string>;
}

/** `adjust by csa_level` or `adjust by csa_level target 100 to 150 ng/mL` */
export interface AdjustStmt extends NodeBase {
  kind: 'Adjust';
  measure: Located<string>;
  target?: Amount;
}

/** `taper after 6 months over 3 months` */
export interface TaperStmt extends NodeBase {
  kind: 'Taper';
  after: Quantity;
  over?: Quantity;
}

/** `stop after 12 months` */
export interface StopStmt extends NodeBase {
  kind: 'Stop';
  after: Quantity;
}

/** `max dose 2000 mg` — the largest single administration allowed. */
export interface MaxDoseStmt extends NodeBase {
  kind: 'MaxDose';
  amount: Quantity;
  /** `max cumulative dose 8 g`: the largest total over the whole schedule (the word's range), not one administration. */
  cumulative?: Range;
}

/** `basis weight "actual body weight at screening"` — what per-kg / per-m² doses are computed from. */
export interface BasisStmt extends NodeBase {
  kind: 'Basis';
  basis: Located<'weight' | 'surface'>;
  text: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// arm ID { … }

export interface ArmBlock extends NodeBase {
  kind: 'ArmBlock';
  keyword: Range;
  id: Located<string>;
  statements: ArmStatement[];
  /**
   * Present for `group NAME { … }`: a group or cohort of an observational study. It shares the
   * arm's namespace and registry list (armGroups) but is observed, not assigned: it has no arm
   * type, and its `exposure` lines are `Receives` statements without doses.
   */
  group?: true;
}

export type ArmStatement = TextStmt | WordsStmt | ReceivesStmt | ArmPeriodsStmt;

/** `periods screening, first, washout, second`: the periods an arm goes through (default: all). */
export interface ArmPeriodsStmt extends NodeBase {
  kind: 'ArmPeriods';
  periods: Located<string>[];
}

/** `receives cyclosporine`, optionally with arm-specific doses that replace the intervention's. */
export interface ReceivesStmt extends NodeBase {
  kind: 'Receives';
  intervention: Located<string>;
  /** `receives drug_a in first`: only in that period; its dose days count from the period's day 1. */
  period?: Located<string>;
  doses: DoseStmt[];
  /** Present when a `{ … }` override block was written, even an empty one. */
  overrideBlock?: Range;
  /** Written `exposure NAME` in a group. */
  exposure?: true;
}

// ---------------------------------------------------------------------------------------------
// eligibility { … }

export interface EligibilityBlock extends NodeBase {
  kind: 'EligibilityBlock';
  keyword: Range;
  statements: EligibilityStatement[];
}

export type EligibilityStatement = AgeStmt | WordsStmt | CriterionStmt | TextStmt | CriteriaListStmt | PopulationBlock | CriteriaLayoutStmt;

/**
 * `inclusion criteria "Key Inclusion Criteria:" numbered`: how one list of the criteria text is
 * written (docs/language.md, the layout of the criteria text). Layout only: the criteria are the
 * `include` / `exclude` statements.
 */
export interface CriteriaListStmt extends NodeBase {
  kind: 'CriteriaList';
  list: Located<'include' | 'exclude'>;
  /** The heading line as written in the registry record; absent: the standard heading. */
  heading?: Located<string>;
  /** `numbered`: items written 1. 2. 3. … */
  numbered?: Range;
  /** `numbered "7."`: the first number and its form (`7.`, `1)`, `a.`, `(a)`); absent: `1.`. */
  firstNumber?: Located<string>;
  /** `bullet "-"`: the marker of every item. Neither: `*` (in a population: the study's own list style). */
  bullet?: Located<string>;
}

/** `population "Healthy Controls" { include … }`: criteria that apply to one population only. */
export interface PopulationBlock extends NodeBase {
  kind: 'Population';
  keyword: Range;
  title: Located<string>;
  statements: PopulationStatement[];
}

export type PopulationStatement = CriterionStmt | CriteriaListStmt;

/** `criteria by population`: the criteria text is written population by population. */
export interface CriteriaLayoutStmt extends NodeBase {
  kind: 'CriteriaLayout';
}

/** `age 18 years to 80 years`, `age 18 years or older`, `age up to 17 years`, `age any`; `age TODO` has a `placeholder` (and no limits) */
export interface AgeStmt extends NodeBase {
  kind: 'Age';
  min?: Quantity;
  max?: Quantity;
  placeholder?: Located<string>;
}

/**
 * `include "free text"` or, structured, `include proteinuria >= 4 g/24h "note"` or a range
 * `include hba1c 7.0 to 10.5 %`.
 */
export interface CriterionStmt extends NodeBase {
  kind: 'Criterion';
  polarity: Located<'include' | 'exclude'>;
  text?: Located<string>;
  measure?: Located<string>;
  comparator?: Located<Comparator>;
  threshold?: Quantity;
  /**
   * `hba1c 7.0 to 10.5 %`: the lower end of a range of values (both ends included); `threshold` is then
   * the upper end with the range's unit, and there is no `comparator`.
   */
  low?: NumberValue;
  /** `alt <= 2.5 x ULN`: the threshold as a multiple of a normal limit (then there is no `threshold`). */
  limit?: NormalLimitMultiple;
  note?: Located<string>;
  /** `as "…"`: the criterion's own sentence (export keeps it while it still says this criterion). */
  wording?: Located<string>;
  /**
   * `numbered "7."` / `bullet ""`: the marker this criterion is written with instead of its list's
   * (layout only). A number in the list's own form sets the count the next criteria go on from.
   */
  marker?: { numbered: boolean; written: Located<string>; /** `numbered` or `bullet` */ keyword?: Range };
}

/** `2.5 x ULN`: a multiple of the upper (ULN) or lower (LLN) limit of normal of the measure. */
export interface NormalLimitMultiple extends NodeBase {
  kind: 'NormalLimitMultiple';
  multiple: Located<number>;
  of: Located<'ULN' | 'LLN'>;
}

// ---------------------------------------------------------------------------------------------
// primary outcome "title" { … }

export interface OutcomeBlock extends NodeBase {
  kind: 'OutcomeBlock';
  level: Located<'primary' | 'secondary' | 'other'>;
  title: Located<string>;
  statements: OutcomeStatement[];
}

export type OutcomeStatement = TextStmt | TimeFrameStmt;

/** `at month 6 and month 12` — points of the study calendar. */
export interface TimeFrameStmt extends NodeBase {
  kind: 'TimeFrame';
  points: TimePoint[];
}

// ---------------------------------------------------------------------------------------------
// schedule { visit ID at day N }

export interface ScheduleBlock extends NodeBase {
  kind: 'ScheduleBlock';
  keyword: Range;
  /** Visits, periods and assessments, in source order. */
  statements: ScheduleStatement[];
}

export type ScheduleStatement = Visit | PeriodStmt | AssessStmt;

/**
 * `visit week4 at week 4 window -3 to 3 days`; with `in PERIOD` the time point counts from that
 * period's own day 1 (`visit p2_day1 at day 1 in second`).
 */
export interface Visit extends NodeBase {
  kind: 'Visit';
  id: Located<string>;
  at: TimePoint;
  period?: Located<string>;
  /** `window -3 to 3 days` (low and high), or `window 3 days` (= -3 to 3 days). */
  window?: Amount;
}

/** `period first treatment for 8 weeks`: a name, kind words as written (may be empty), a length. */
export interface PeriodStmt extends NodeBase {
  kind: 'Period';
  id: Located<string>;
  kindWords?: Located<string>;
  length: Quantity;
}

/** `assess egfr at screening, week4` (a measure) or `assess "12-lead ECG" at screening` (a procedure). */
export interface AssessStmt extends NodeBase {
  kind: 'Assess';
  measure?: Located<string>;
  procedure?: Located<string>;
  visits: Located<string>[];
}

// ---------------------------------------------------------------------------------------------
// site "Facility" in "City", "State", "Country" status recruiting

export interface SiteDecl extends NodeBase {
  kind: 'SiteDecl';
  facility: Located<string>;
  city?: Located<string>;
  state?: Located<string>;
  country?: Located<string>;
  /** The postal code (`zip "…"` after the place). */
  zip?: Located<string>;
  status?: Located<string>;
  /** The site's own contacts, from its `{ contact … }` block (none without one). */
  contacts: ContactStmt[];
  /** Present when a `{ … }` block was written, even an empty one: from `{` to the site's end. */
  contactsBlock?: Range;
}

// reference background pmid 20110379 "citation"
export interface ReferenceDecl extends NodeBase {
  kind: 'ReferenceDecl';
  refType: Located<string>;
  pmid?: Located<string>;
  citation: Located<string>;
}

/** `link "Study website" url "https://…"`: a web link beside the protocol (registry seeAlsoLinks[]). */
export interface LinkDecl extends NodeBase {
  kind: 'LinkDecl';
  label: Located<string>;
  url: Located<string>;
}

// ---------------------------------------------------------------------------------------------
// oversight { … } and ipd sharing { … }

/** `oversight { fda regulated drug yes … }`: yes/no answers (and the review board's status) as `Words` statements. */
export interface OversightBlock extends NodeBase {
  kind: 'OversightBlock';
  keyword: Range;
  statements: OversightStatement[];
}

export type OversightStatement = WordsStmt;

/** `ipd sharing { plan yes … }`: the statement on sharing individual participant data. */
export interface IpdSharingBlock extends NodeBase {
  kind: 'IpdSharingBlock';
  keyword: Range;
  statements: IpdSharingStatement[];
}

export type IpdSharingStatement = WordsStmt | TextStmt | InfoTypesStmt;

/** `info types study protocol, sap` */
export interface InfoTypesStmt extends NodeBase {
  kind: 'InfoTypes';
  keyword: Range;
  types: Located<string>[];
}

/** A `//` comment, kept for the formatter and for `// trial-ignore CODE`. */
export interface Comment {
  text: string;
  range: Range;
}
