/**
 * The statement heads valid in each block (for completion) and one line of documentation per
 * keyword (for hover and completion). Every word here is a keyword of grammar/tokens.ts KEYWORDS
 * (a test checks it), which stays the single source of the lexer's keywords.
 */
import { STATEMENT_HEADS, type BlockRule } from '../../grammar/statement-heads';
import { KEYWORDS } from '../../grammar/tokens';
import type { BlockKind } from './context';

export interface Head {
  /** The keywords as typed, e.g. `org study id`. */
  words: string;
  doc: string;
}

const h = (words: string, doc: string): Head => ({ words, doc });

/** Documentation of each head; which heads exist, and their order, come from grammar/statement-heads.ts. */
const HEAD_DOCS: Record<Exclude<BlockKind, 'unknown'>, Head[]> = {
  top: [
    h('trial', 'The study: identification, titles, status, dates, enrollment and descriptions.'),
    h('design', 'How the study is designed: allocation, model, purpose and masking.'),
    h('sponsors', 'Who runs the study: lead sponsor, collaborators, responsible party, officials, contacts.'),
    h('measure', 'A quantity measured in participants (a lab value, a score), named for doses and criteria: `measure ID "label" unit U`.'),
    h('intervention', 'A drug, device or procedure given to participants, with its doses: `intervention ID { … }`.'),
    h('arm', 'A group of participants and the interventions it receives: `arm ID { … }`.'),
    h('group', 'A group or cohort of an observational study and its exposures: `group ID { … }`.'),
    h('oversight', 'Regulatory oversight: FDA-regulated drug or device, data monitoring committee, review board status.'),
    h('ipd sharing', 'The plan to share individual participant data (IPD): plan, description, info types, time frame, access criteria, url.'),
    h('eligibility', 'Who may take part: age, sex, healthy volunteers, inclusion and exclusion criteria.'),
    h('primary outcome', 'A primary outcome measure: `primary outcome "title" { … }`.'),
    h('secondary outcome', 'A secondary outcome measure: `secondary outcome "title" { … }`.'),
    h('other outcome', 'Another pre-specified outcome measure: `other outcome "title" { … }`.'),
    h('schedule', 'The schedule of activities: periods, visits with windows, and what is assessed at each visit.'),
    h('site', 'A study location: `site "Facility" in "City", "State", "Country" status recruiting`.'),
    h('reference', 'A publication: `reference background pmid 12345678 "citation"`.'),
    h('link', 'A web link beside the protocol (the registry\'s "see also" links): `link "Study website" url "https://…"`.'),
  ],
  trial: [
    h('nct id', 'The ClinicalTrials.gov identifier, `NCT` and eight digits.'),
    h('org study id', "The sponsor's own unique study identifier."),
    h('secondary id', 'Another identifier of the study: `secondary id "…" type eudract number domain "…"`.'),
    h('brief title', 'A short title in plain language.'),
    h('official title', 'The full scientific title of the protocol.'),
    h('acronym', 'The short acronym of the study.'),
    h('study type', 'interventional, observational or expanded access.'),
    h('phase', 'The phase: `1`…`4`, `early 1`, `na`, or two phases such as `2/3`.'),
    h('status', 'The overall recruitment status of the study.'),
    h('why stopped', 'Why a study was suspended, terminated or withdrawn.'),
    h('start', 'The study start date (`yyyy-mm-dd`, `yyyy-mm`), `actual` or `estimated`.'),
    h('primary completion', 'The date the last participant was examined for the primary outcome.'),
    h('completion', 'The date the last participant had the last visit.'),
    h('verified', 'The record verification date: the month the responsible party last confirmed the record (`verified 2024-05`).'),
    h('enrollment', 'The number of participants, `actual` or `estimated`.'),
    h('duration', 'The planned duration of the study, e.g. `duration 24 months`.'),
    h('condition', 'A disease or condition studied (one per line).'),
    h('keyword', 'A word or phrase that helps people find the study (one per line).'),
    h('summary', 'A short description of the study for the public.'),
    h('details', 'A longer, more technical description.'),
    h('expanded access', 'Whether the intervention is also available through expanded access: `expanded access yes nct id NCT… status available`.'),
  ],
  design: [
    h('allocation', 'How participants are assigned to arms: randomized, non randomized, na.'),
    h('model', 'The intervention model: parallel, crossover, factorial, single group, sequential.'),
    h('purpose', 'The primary purpose: treatment, prevention, diagnostic …'),
    h('masking', 'Who is blinded: `masking double participant, investigator`.'),
    h('observational model', 'The observational model: cohort, case control, case only, case crossover, ecologic or community, family based, defined population, natural history, other.'),
    h('time perspective', 'When the observations are made: prospective, retrospective, cross sectional, other.'),
    h('biospecimen retention', 'Which specimens are kept: none retained, samples with dna, samples without dna, then an optional description.'),
    h('patient registry', 'Whether the observational study is a patient registry: yes or no.'),
    h('target duration', 'How long a patient registry follows each participant: `target duration 3 months`.'),
    h('expanded access', 'The expanded-access types of an expanded-access study: individual, intermediate, treatment.'),
  ],
  sponsors: [
    h('lead', 'The lead sponsor: `lead "Name" class industry`.'),
    h('collaborator', 'A collaborating organisation: `collaborator "Name" class other`.'),
    h('responsible party', 'Who is responsible for the registry record: sponsor or an investigator.'),
    h('official', 'An overall study official: `official "Name" role principal investigator affiliation "…"`.'),
    h('contact', 'A central contact: `contact "Name" role contact phone "…" email "…"`.'),
    h('organization', 'The organization whose registry account holds the record: `organization "Full name" class other`.'),
  ],
  oversight: [
    h('fda regulated', '`fda regulated drug yes|no`, `fda regulated device yes|no`: whether the study tests a drug (or biological) or a device product regulated by the U.S. FDA.'),
    h('unapproved', '`unapproved device yes|no`: whether a studied device is not yet approved or cleared by the FDA.'),
    h('pediatric postmarket', '`pediatric postmarket device yes|no`: whether this is a pediatric postmarket surveillance of a device, required by the FDA.'),
    h('exported from', '`exported from us yes|no`: whether a studied product is manufactured in and exported from the U.S.'),
    h('data monitoring committee', 'Whether a data monitoring committee oversees the study: yes or no.'),
    h('review board', 'The human-subjects review board status: approved, pending, exempt, denied, not required, not yet submitted.'),
  ],
  ipdSharing: [
    h('plan', 'Whether individual participant data will be shared: yes, no, undecided.'),
    h('description', 'Which data will be shared (or why not).'),
    h('info types', 'Supporting documents shared: study protocol, sap, icf, csr, analytic code.'),
    h('time frame', 'When and for how long the data will be available.'),
    h('access criteria', 'Who may get the data, and how.'),
    h('url', 'The web address where the data can be requested.'),
  ],
  intervention: [
    h('type', 'The intervention type: drug, biological, device, procedure …'),
    h('name', 'The name of the intervention as registered.'),
    h('other name', 'Another name (brand, code) of the intervention.'),
    h('description', 'A description of the intervention.'),
    h('dose', 'A dose: `dose 1000 mg iv on days 1 and 15`, `dose 3 mg/kg/d oral every 12 h from day 1`.'),
    h('adjust by', 'The dose is adjusted by a measure: `adjust by csa_level target 100 to 150 ng/mL`.'),
    h('taper after', 'The dose is tapered: `taper after 6 months over 3 months`.'),
    h('stop after', 'Treatment stops: `stop after 12 months`.'),
    h('max dose', 'The largest single administration allowed: `max dose 2000 mg`.'),
    h('basis', 'What per-kg or per-m² doses are computed from: `basis weight "actual body weight"`.'),
  ],
  arm: [
    h('label', 'The label of the arm as registered.'),
    h('type', 'The arm type: experimental, active comparator, placebo comparator …'),
    h('description', 'A description of the arm.'),
    h('receives', 'An intervention the arm receives, optionally in one period and with its own doses: `receives ID [in PERIOD] { dose … }`.'),
    h('periods', 'The periods the arm goes through, in order: `periods screening, first, washout, second`.'),
  ],
  group: [
    h('label', 'The label of the group or cohort as registered.'),
    h('description', 'A description of the group or cohort.'),
    h('exposure', 'An intervention (exposure) of the group, by name: `exposure ID`.'),
  ],
  receives: [h('dose', 'A dose that replaces the intervention’s doses in this arm.')],
  eligibility: [
    h('age', 'The age range: `age 18 years to 80 years`, `age 18 years or older`, `age any`.'),
    h('sex', 'Who may take part by sex: all, female, male.'),
    h('gender based', 'Whether eligibility is based on gender identity (as opposed to sex): yes or no.'),
    h('gender description', 'If eligibility is based on gender: the gender criteria, in words.'),
    h('healthy volunteers', 'Whether healthy volunteers may take part: yes or no.'),
    h('include', 'An inclusion criterion: `include "text"` or `include measure >= 40 mL/min "note"`.'),
    h('exclude', 'An exclusion criterion: `exclude "text"` or `exclude measure < 8 g/dL`.'),
    h('study population', 'Observational studies: the population studied, in words.'),
    h('sampling', 'Observational studies: probability sample or non probability sample.'),
    h('inclusion criteria', 'How the inclusion list is written: its heading as in the record and its markers: `inclusion criteria "Key Inclusion Criteria:" numbered` (or `bullet "-"`).'),
    h('exclusion criteria', 'How the exclusion list is written: `exclusion criteria "Exclusion criteria" bullet "-"`.'),
    h('population', 'Criteria of one population (cohort, part, donors), under its heading: `population "Healthy Controls" { include … }`.'),
    h('criteria by population', 'The criteria text is written population by population, each with its own inclusion and exclusion lists.'),
  ],
  population: [
    h('include', 'An inclusion criterion of this population.'),
    h('exclude', 'An exclusion criterion of this population.'),
    h('inclusion criteria', "The line that opens this population's inclusion criteria, instead of its name: `inclusion criteria \"Donor Inclusion Criteria\"`; and its markers."),
    h('exclusion criteria', "The line that opens this population's exclusion criteria, instead of its name; and its markers."),
  ],
  outcome: [
    h('description', 'A description of the outcome measure.'),
    h('time frame', 'The time frame in words: `time frame "…"`.'),
    h('at', 'The time frame as study days, weeks or months: `at month 6 and month 12`.'),
  ],
  schedule: [
    h('visit', 'A visit: `visit ID at day N` (or week/month N), optionally `in PERIOD` and with a `window -3 to 3 days`.'),
    h('period', 'A period of the study, in order: `period ID [kind] for 8 weeks` (kinds: screening, run in, treatment, washout, follow up, extension).'),
    h('assess', 'What is assessed at which visits: `assess MEASURE at v1, v2` or `assess "procedure" at v1`.'),
  ],
};

const RULE_OF: Record<Exclude<BlockKind, 'unknown'>, BlockRule> = {
  top: 'document',
  trial: 'trialBlock',
  design: 'designBlock',
  sponsors: 'sponsorsBlock',
  intervention: 'interventionBlock',
  arm: 'armBlock',
  group: 'groupBlock',
  oversight: 'oversightBlock',
  ipdSharing: 'ipdSharingBlock',
  receives: 'receivesStmt',
  eligibility: 'eligibilityBlock',
  population: 'populationBlock',
  outcome: 'outcomeBlock',
  schedule: 'scheduleBlock',
};

/** The statement heads valid in each block (grammar/statement-heads.ts), with their documentation. */
export const HEADS = Object.fromEntries(
  Object.entries(RULE_OF).map(([block, rule]) => [
    block,
    (STATEMENT_HEADS[rule] as readonly string[]).map(
      (words) => HEAD_DOCS[block as Exclude<BlockKind, 'unknown'>].find((h) => h.words === words) ?? { words, doc: `The \`${words}\` statement.` },
    ),
  ]),
) as Record<Exclude<BlockKind, 'unknown'>, Head[]>;

/** One line per keyword, for hover. Words not listed fall back to the heads they start. */
const EXTRA_DOCS: Record<string, string> = {
  actual: 'The date or count has happened / is final.',
  estimated: 'The date or count is anticipated.',
  domain: 'The organisation that issued a secondary id.',
  class: 'The sponsor’s agency class (industry, other, nih …).',
  role: 'The role of a person in the study.',
  affiliation: 'The organisation a person belongs to.',
  phone: 'A telephone number.',
  ext: 'The extension of the phone number before it: `phone "+1 555 0100" ext "204"`.',
  email: 'An e-mail address.',
  unit: 'The unit the measure is recorded in (UCUM).',
  by: 'Part of `adjust by`.',
  target: 'The target range of a dose adjustment.',
  after: 'How long after the first dose.',
  over: 'How long the taper takes (`taper after 6 months over 3 months`), or how long one infusion runs (`dose 12 mg/m2 iv over 1 h`).',
  numbered: '`numbered`: the list of criteria is written 1. 2. 3. …, numbered again whenever criteria are added or removed; `numbered "7."` starts at 7, `numbered "a)"` writes a) b) c) …. After one criterion (`include "…" numbered "6."`): that criterion\'s own number, the next ones go on from it.',
  bullet: '`bullet "-"`: the marker written before every criterion of the list (`*` when none is stated); `bullet ""` none. After one criterion (`include "…" bullet ""`): that criterion\'s own marker, e.g. a paragraph inside the list.',
  as: '`as "…"`: the sentence a dose or criterion was written as in the registry record. The export writes it while it still says the structure; once the structure is edited, the structure is written instead.',
  on: '`on days 1, 8 and 15`: listed study days (Day 1 = first day of treatment).',
  day: 'A study day (Day 1 = first day of treatment).',
  days: 'Study days, or a duration in days.',
  week: 'A study week.',
  weeks: 'A duration in weeks.',
  month: 'A study month.',
  months: 'A duration in months.',
  year: 'A study year.',
  years: 'A duration (or age) in years.',
  and: 'Joins listed days or time points.',
  from: '`from day N`: the first study day of a repeated dose.',
  to: '`to day N`: the last study day of a repeated dose; in ranges, the upper end.',
  for: '`for 6 months`, `for 6 cycles`: how long a repeated dose is given.',
  every: '`every 12 h`, `every 4 weeks`: the interval between doses.',
  in: '`in 2 divided doses`: a daily dose split into equal parts; for a site, where it is.',
  divided: '`in N divided doses`: the daily amount is split into N administrations.',
  doses: '`in N divided doses`.',
  if: '`if measure > threshold`: the dose is given only when the condition holds.',
  depending: '`depending on measure`: the dose depends on a measure, without a fixed threshold.',
  cycles: 'Treatment cycles, as a duration: `for 6 cycles`.',
  weight: 'Doses per kg are computed from body weight.',
  surface: 'Doses per m² are computed from body surface area.',
  or: '`or older`: no upper age limit.',
  older: '`age 18 years or older`.',
  up: '`age up to 17 years`.',
  any: '`age any`: no age limit.',
  volunteers: 'Part of `healthy volunteers`.',
  outcome: 'An outcome measure block.',
  frame: 'Part of `time frame`.',
  pmid: 'The PubMed identifier of a reference.',
  zip: 'The postal code of a site: `site "…" in "Lyon", "France" zip "69003"`.',
  id: 'An identifier.',
  study: 'Part of `org study id` and `study type`.',
  title: 'A title.',
  stopped: 'Part of `why stopped`.',
  party: 'Part of `responsible party`.',
  nct: 'Part of `nct id`.',
  org: 'Part of `org study id`.',
  brief: 'Part of `brief title`.',
  why: 'Part of `why stopped`.',
  max: 'Part of `max dose`.',
  healthy: 'Part of `healthy volunteers`.',
  gender: 'Part of `gender based` and `gender description`.',
  based: 'Part of `gender based`.',
  time: 'Part of `time frame`.',
  visit: 'A visit of the schedule: `visit ID at day N`.',
  window: 'How early or late a visit may take place: `window -3 to 3 days` (or `window 3 days`).',
  primary: 'A primary outcome, or `primary completion` date.',
  secondary: 'A secondary outcome, or a `secondary id`.',
  other: 'Another outcome, `other name` of an intervention, or the registry word "other".',
};

const keywordDocs = new Map<string, string>();
for (const heads of Object.values(HEAD_DOCS)) {
  for (const head of heads) {
    const first = head.words.split(' ')[0];
    if (!keywordDocs.has(head.words)) keywordDocs.set(head.words, head.doc);
    if (!keywordDocs.has(first)) keywordDocs.set(first, head.doc);
  }
}
for (const [word, doc] of Object.entries(EXTRA_DOCS)) if (!keywordDocs.has(word)) keywordDocs.set(word, doc);

/** The one-line doc of a keyword (or of a multi-word head such as `org study id`). */
export function keywordDoc(word: string): string | undefined {
  return keywordDocs.get(word.toLowerCase());
}

export const KEYWORD_SET: ReadonlySet<string> = new Set<string>(KEYWORDS);

/** Every word used by a head, for the consistency test with KEYWORDS. */
export function headWords(): string[] {
  return [...new Set(Object.values(HEAD_DOCS).flatMap((heads) => heads.flatMap((head) => head.words.split(' '))))];
}

/** Heads documented here that the grammar does not list, and heads the grammar lists without a doc. */
export function headDocMismatches(): string[] {
  const out: string[] = [];
  for (const [block, rule] of Object.entries(RULE_OF)) {
    const grammar = new Set(STATEMENT_HEADS[rule] as readonly string[]);
    const documented = new Set(HEAD_DOCS[block as Exclude<BlockKind, 'unknown'>].map((h) => h.words));
    for (const w of documented) if (!grammar.has(w)) out.push(`${block}: '${w}' documented but not a head in the grammar`);
    for (const w of grammar) if (!documented.has(w)) out.push(`${block}: '${w}' has no documentation`);
  }
  return out;
}
