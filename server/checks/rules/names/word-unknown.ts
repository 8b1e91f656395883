/**
 * Registry words: every word that stands for a registry enumeration value must be one of its
 * values, written in lower case with spaces (`active comparator` = ACTIVE_COMPARATOR).
 * Per item: the words of one block or declaration.
 */
import type * as A from '../../../../grammar/ast';
import { isPlaceholderWord } from '../../../../grammar/placeholder';
import { phaseValue, registryValue, wordsFor } from '../../../model';
import { ENUMS, type EnumName } from '../../../registry/enums';
import { REVIEW_BOARD_STATUS, reviewBoardStatus } from '../../../registry/review-board';
import { itemRule, type Report, type RuleContext } from '../../types';
import { closest, replaceFix } from '../../util';

interface WordKind {
  what: string;
  valid: readonly string[];
  ok: (w: string) => boolean;
}

/** One WordKind per enumeration and wording, built on first use (the valid words, the test); by enumeration, then by wording (no key to build per word). */
const enumKinds = new Map<string, Map<string, WordKind>>();
function enumKind(name: EnumName, what: string): WordKind {
  let byWhat = enumKinds.get(name);
  if (!byWhat) enumKinds.set(name, (byWhat = new Map()));
  let k = byWhat.get(what);
  if (!k) {
    k = { what, valid: (ENUMS[name] as readonly string[]).map(wordsFor), ok: (w) => registryValue(w, name) !== undefined };
    byWhat.set(what, k);
  }
  return k;
}

const HEALTHY: WordKind = { what: 'a healthy-volunteers answer', valid: ['yes', 'no'], ok: (x) => /^(yes|no)$/i.test(x.trim()) };
const PHASE: WordKind = { what: 'a phase', valid: ['1', '2', '3', '4', 'early 1', 'na'], ok: (x) => phaseValue(x) !== undefined };

const WORDS_ENUM: Record<A.WordsField, [EnumName, string] | undefined> = {
  studyType: ['StudyType', 'a study type'],
  status: ['Status', 'a study status'],
  allocation: ['DesignAllocation', 'an allocation'],
  purpose: ['PrimaryPurpose', 'a primary purpose'],
  interventionType: ['InterventionType', 'an intervention type'],
  armType: ['ArmGroupType', 'an arm type'],
  sex: ['Sex', 'a sex'],
  genderBased: undefined,
  healthyVolunteers: undefined,
  observationalModel: ['ObservationalModel', 'an observational model'],
  timePerspective: ['DesignTimePerspective', 'a time perspective'],
  patientRegistry: undefined,
  samplingMethod: ['SamplingMethod', 'a sampling method'],
  fdaRegulatedDrug: undefined,
  fdaRegulatedDevice: undefined,
  unapprovedDevice: undefined,
  pediatricPostmarketDevice: undefined,
  exportedFromUs: undefined,
  dataMonitoringCommittee: undefined,
  reviewBoard: undefined,
  ipdSharing: ['IpdSharing', 'an IPD sharing plan'],
};

/** Fields answered `yes` or `no`, by what a message calls them. */
const YES_NO_FIELDS: Partial<Record<A.WordsField, WordKind>> = {
  healthyVolunteers: HEALTHY,
  genderBased: { ...HEALTHY, what: 'a gender-based answer' },
  patientRegistry: { ...HEALTHY, what: 'a patient-registry answer' },
  fdaRegulatedDrug: { ...HEALTHY, what: 'a yes/no answer' },
  fdaRegulatedDevice: { ...HEALTHY, what: 'a yes/no answer' },
  unapprovedDevice: { ...HEALTHY, what: 'a yes/no answer' },
  pediatricPostmarketDevice: { ...HEALTHY, what: 'a yes/no answer' },
  exportedFromUs: { ...HEALTHY, what: 'a yes/no answer' },
  dataMonitoringCommittee: { ...HEALTHY, what: 'a yes/no answer' },
  reviewBoard: { what: 'a review board status', valid: REVIEW_BOARD_STATUS, ok: (x) => reviewBoardStatus(x) !== undefined },
};

/** The registry's three expanded-access types (designModule.expandedAccessTypes has one flag each). */
export const EXPANDED_ACCESS_TYPES = ['individual', 'intermediate', 'treatment'] as const;
const EXPANDED_ACCESS_TYPE: WordKind = {
  what: 'an expanded-access type',
  valid: EXPANDED_ACCESS_TYPES,
  ok: (x) => (EXPANDED_ACCESS_TYPES as readonly string[]).includes(x.trim().toLowerCase()),
};

const EXPANDED_ACCESS_ANSWER: WordKind = { ...HEALTHY, what: 'an expanded-access answer' };

/**
 * Each registry word written in one item, with its kind (in source order of the statements). The
 * checks call this on every item of every check: no list and no object per word.
 */
/** What forEachWordUse calls for each word; `p` and `q` are passed through (no closure per item). */
export type WordVisit<P, Q> = (words: A.Located<string>, kind: WordKind, p: P, q: Q) => void;

function enumUse<P, Q>(words: A.Located<string> | undefined, name: EnumName, what: string, visit: WordVisit<P, Q>, p: P, q: Q): void {
  if (words) visit(words, enumKind(name, what), p, q);
}

export function forEachWordUse<P, Q>(item: A.TopItem, visit: WordVisit<P, Q>, p: P, q: Q): void {
  switch (item.kind) {
    case 'TrialBlock':
    case 'DesignBlock':
    case 'EligibilityBlock':
    case 'InterventionBlock':
    case 'ArmBlock':
    case 'OversightBlock':
    case 'IpdSharingBlock':
      for (const s of item.statements as { kind: string }[]) {
        if (s.kind !== 'Words') continue;
        const w = s as A.WordsStmt;
        const e = WORDS_ENUM[w.field];
        if (e) enumUse(w.words, e[0], e[1], visit, p, q);
        else if (YES_NO_FIELDS[w.field]) visit(w.words, YES_NO_FIELDS[w.field]!, p, q);
      }
      break;
  }
  switch (item.kind) {
    case 'TrialBlock':
      for (const s of item.statements) if (s.kind === 'Phase') for (const ph of s.phases) visit(ph, PHASE, p, q);
      for (const s of item.statements) if (s.kind === 'SecondaryId') enumUse(s.idType, 'SecondaryIdType', 'a secondary id type', visit, p, q);
      for (const s of item.statements) {
        if (s.kind !== 'ExpandedAccess') continue;
        visit(s.answer, EXPANDED_ACCESS_ANSWER, p, q);
        enumUse(s.status, 'ExpandedAccessStatus', 'an expanded-access status', visit, p, q);
      }
      break;
    case 'DesignBlock':
      for (const s of item.statements) if (s.kind === 'Model') enumUse(s.model, 'InterventionalAssignment', 'an intervention model', visit, p, q);
      for (const s of item.statements) {
        if (s.kind !== 'Masking') continue;
        enumUse(s.level, 'DesignMasking', 'a masking level', visit, p, q);
        for (const r of s.roles) enumUse(r, 'WhoMasked', 'a masked role', visit, p, q);
      }
      for (const s of item.statements) if (s.kind === 'Biospecimen') enumUse(s.retention, 'BioSpecRetention', 'a biospecimen retention', visit, p, q);
      for (const s of item.statements) if (s.kind === 'ExpandedAccessTypes') for (const t of s.types) visit(t, EXPANDED_ACCESS_TYPE, p, q);
      break;
    case 'SponsorsBlock':
      for (const s of item.statements) if (s.kind === 'Sponsor') enumUse(s.agencyClass, 'AgencyClass', 'a sponsor class', visit, p, q);
      for (const s of item.statements) if (s.kind === 'ResponsibleParty') enumUse(s.partyType, 'ResponsiblePartyType', 'a responsible party type', visit, p, q);
      for (const s of item.statements) if (s.kind === 'Official') enumUse(s.role, 'OfficialRole', 'an official role', visit, p, q);
      for (const s of item.statements) if (s.kind === 'Contact') enumUse(s.role, 'ContactRole', 'a contact role', visit, p, q);
      for (const s of item.statements) if (s.kind === 'Organization') enumUse(s.agencyClass, 'AgencyClass', 'an organization class', visit, p, q);
      break;
    case 'IpdSharingBlock':
      for (const s of item.statements) if (s.kind === 'InfoTypes') for (const t of s.types) enumUse(t, 'IpdSharingInfoType', 'an IPD information type', visit, p, q);
      break;
    case 'SiteDecl':
      enumUse(item.status, 'RecruitmentStatus', 'a site status', visit, p, q);
      for (const c of item.contacts) enumUse(c.role, 'ContactRole', 'a contact role', visit, p, q);
      break;
    case 'ReferenceDecl':
      enumUse(item.refType, 'ReferenceType', 'a reference type', visit, p, q);
      break;
  }
}

function checkWord(words: A.Located<string>, use: WordKind, report: Report, ctx: RuleContext): void {
  ctx.at(words.range);
  // A placeholder (`TODO`, inserted by a quick fix) is for the writer to answer: placeholder-value reports it.
  if (use.ok(words.value) || isPlaceholderWord(words.value)) return;
  const suggestion = closest(words.value, use.valid, 0.6);
  report(
    words.range,
    `'${words.value}' is not ${use.what}. Use one of: ${use.valid.join(', ')}.`,
    { word: words.value, valid: use.valid, ...(suggestion ? { fixes: [replaceFix(`Change to '${suggestion}'`, words.range, suggestion)] } : {}) },
  );
}

export const wordUnknown = itemRule({
  code: 'word-unknown',
  group: 'names',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A word that should name a registry value (arm type, status, masking …) is not one of its values.' },
  kinds: ['TrialBlock', 'DesignBlock', 'EligibilityBlock', 'InterventionBlock', 'ArmBlock', 'SponsorsBlock', 'SiteDecl', 'ReferenceDecl', 'OversightBlock', 'IpdSharingBlock'],
  checkItem(item, _model, report, ctx) {
    forEachWordUse(item, checkWord, report, ctx);
  },
});
