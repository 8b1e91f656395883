/**
 * Registry import: a ClinicalTrials.gov API v2 record (one study, or `{"studies": [...]}`) → `.trial`
 * text, one file per study.
 *
 *   importRecord(json)  → ImportedTrial[]   (throws ImportError when the JSON is not a study record)
 *   importStudy(study)  → ImportedTrial
 *   MODELLED_FIELDS     → the protocolSection fields the language models (everything else becomes a note)
 *
 * Every modelled field is carried over faithfully; free-text dosing stays description text; the
 * eligibility text is split into `include` / `exclude` lines. Anything the language does not model
 * is listed in `notes` (and at the top of the file), never silently dropped. Pure core.
 */
import { formatText } from '../../grammar/format';
import { phaseWords, wordsFor } from '../model';
import { parseArmInterventionName, type EnumValue } from '../registry/enums';
import { removeKnownNonApiFields, validateRegistryStudy } from '../registry/schema';
import { criteriaLines } from './criteria-lines';
import { safeFileStem } from '../io/safe-write';
import { identifierFor, quote, textValue } from './emit';
import { Structurer, type ImportReport } from './extract/structure';

export { splitCriteria, normalizeCriterion, type SplitCriteria } from './criteria';
export { quote, textValue, identifierFor } from './emit';

export class ImportError extends Error {}

/** Text from the record placed in a `//` comment: any line break (CR, LF, U+2028/9) would end the comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export interface ImportedTrial {
  /** NCT id, else org study id, else `study-N`. */
  id: string;
  /** Suggested file name: `<id>.trial`. */
  fileName: string;
  text: string;
  /** What was not carried over, one sentence each. */
  notes: string[];
  /** What became structured (doses, thresholds), what stayed text and why. */
  report: ImportReport;
}

/** Leaf paths of protocolSection (`[]` for any index) that the language models and import carries. */
export const MODELLED_FIELDS: readonly string[] = [
  'identificationModule.nctId',
  'identificationModule.orgStudyIdInfo.id',
  'identificationModule.secondaryIdInfos[].id',
  'identificationModule.secondaryIdInfos[].type',
  'identificationModule.secondaryIdInfos[].domain',
  'identificationModule.briefTitle',
  'identificationModule.officialTitle',
  'identificationModule.acronym',
  'identificationModule.organization.fullName',
  'identificationModule.organization.class',
  'statusModule.statusVerifiedDate',
  'statusModule.overallStatus',
  'statusModule.whyStopped',
  'statusModule.expandedAccessInfo.hasExpandedAccess',
  'statusModule.expandedAccessInfo.nctId',
  'statusModule.expandedAccessInfo.statusForNctId',
  ...['startDateStruct', 'primaryCompletionDateStruct', 'completionDateStruct'].flatMap((d) => [`statusModule.${d}.date`, `statusModule.${d}.type`]),
  'sponsorCollaboratorsModule.responsibleParty.type',
  'sponsorCollaboratorsModule.responsibleParty.investigatorFullName',
  'sponsorCollaboratorsModule.responsibleParty.investigatorTitle',
  'sponsorCollaboratorsModule.responsibleParty.investigatorAffiliation',
  'sponsorCollaboratorsModule.responsibleParty.oldNameTitle',
  'sponsorCollaboratorsModule.responsibleParty.oldOrganization',
  'sponsorCollaboratorsModule.leadSponsor.name',
  'sponsorCollaboratorsModule.leadSponsor.class',
  'sponsorCollaboratorsModule.collaborators[].name',
  'sponsorCollaboratorsModule.collaborators[].class',
  'oversightModule.oversightHasDmc',
  'oversightModule.isFdaRegulatedDrug',
  'oversightModule.isFdaRegulatedDevice',
  'oversightModule.isUnapprovedDevice',
  'oversightModule.isPpsd',
  'oversightModule.isUsExport',
  'descriptionModule.briefSummary',
  'descriptionModule.detailedDescription',
  'conditionsModule.conditions[]',
  'conditionsModule.keywords[]',
  'designModule.studyType',
  'designModule.expandedAccessTypes.individual',
  'designModule.expandedAccessTypes.intermediate',
  'designModule.expandedAccessTypes.treatment',
  'designModule.patientRegistry',
  'designModule.targetDuration',
  'designModule.phases[]',
  'designModule.designInfo.allocation',
  'designModule.designInfo.interventionModel',
  'designModule.designInfo.interventionModelDescription',
  'designModule.designInfo.primaryPurpose',
  'designModule.designInfo.maskingInfo.masking',
  'designModule.designInfo.maskingInfo.maskingDescription',
  'designModule.designInfo.maskingInfo.whoMasked[]',
  'designModule.designInfo.observationalModel',
  'designModule.designInfo.timePerspective',
  'designModule.bioSpec.retention',
  'designModule.bioSpec.description',
  'designModule.enrollmentInfo.count',
  'designModule.enrollmentInfo.type',
  'armsInterventionsModule.armGroups[].label',
  'armsInterventionsModule.armGroups[].type',
  'armsInterventionsModule.armGroups[].description',
  'armsInterventionsModule.armGroups[].interventionNames[]',
  'armsInterventionsModule.interventions[].type',
  'armsInterventionsModule.interventions[].name',
  'armsInterventionsModule.interventions[].description',
  'armsInterventionsModule.interventions[].armGroupLabels[]',
  'armsInterventionsModule.interventions[].otherNames[]',
  ...['primaryOutcomes', 'secondaryOutcomes', 'otherOutcomes'].flatMap((o) =>
    ['measure', 'description', 'timeFrame'].map((f) => `outcomesModule.${o}[].${f}`)),
  'eligibilityModule.eligibilityCriteria',
  'eligibilityModule.healthyVolunteers',
  'eligibilityModule.sex',
  'eligibilityModule.genderBased',
  'eligibilityModule.genderDescription',
  'eligibilityModule.minimumAge',
  'eligibilityModule.maximumAge',
  'eligibilityModule.studyPopulation',
  'eligibilityModule.samplingMethod',
  'contactsLocationsModule.centralContacts[].name',
  'contactsLocationsModule.centralContacts[].role',
  'contactsLocationsModule.centralContacts[].phone',
  'contactsLocationsModule.centralContacts[].phoneExt',
  'contactsLocationsModule.centralContacts[].email',
  'contactsLocationsModule.overallOfficials[].name',
  'contactsLocationsModule.overallOfficials[].affiliation',
  'contactsLocationsModule.overallOfficials[].role',
  'contactsLocationsModule.locations[].facility',
  'contactsLocationsModule.locations[].status',
  'contactsLocationsModule.locations[].city',
  'contactsLocationsModule.locations[].state',
  'contactsLocationsModule.locations[].zip',
  'contactsLocationsModule.locations[].country',
  ...['name', 'role', 'phone', 'phoneExt', 'email'].map((f) => `contactsLocationsModule.locations[].contacts[].${f}`),
  'referencesModule.references[].pmid',
  'referencesModule.references[].type',
  'referencesModule.references[].citation',
  'referencesModule.seeAlsoLinks[].label',
  'referencesModule.seeAlsoLinks[].url',
  'ipdSharingStatementModule.ipdSharing',
  'ipdSharingStatementModule.description',
  'ipdSharingStatementModule.infoTypes[]',
  'ipdSharingStatementModule.timeFrame',
  'ipdSharingStatementModule.accessCriteria',
  'ipdSharingStatementModule.url',
];

/** Why each unmodelled field is not imported (prefix match on the normalised path). */
export const UNMODELLED_REASONS: readonly [prefix: string, reason: string][] = [
  ['identificationModule.nctIdAliases', 'obsolete NCT ids are kept by the registry'],
  ['identificationModule.orgStudyIdInfo.', 'only the id of the org study id is modelled (not its type or link)'],
  ['identificationModule.secondaryIdInfos[].link', 'not modelled yet: a web link for a secondary id (the id, type and domain are modelled)'],
  ['statusModule.lastKnownStatus', 'maintained by the registry'],
  ['statusModule.delayedPosting', 'not modelled yet: the delayed-posting answer of unapproved-device trials'],
  ['statusModule.', 'submission and posting dates are assigned by the registry'],
  ['oversightModule.fdaaa801Violation', 'set by the registry (FDAAA 801 violation notices)'],
  ['designModule.nPtrsToThisExpAccNctId', 'maintained by the registry (how many records point to this expanded-access record)'],
  ['designModule.', 'not modelled yet (no such field in the shared records)'],
  ['eligibilityModule.stdAges', 'derived by the registry from the minimum and maximum ages'],
  ['eligibilityModule.', 'not modelled yet (no such field in the shared records)'],
  ['contactsLocationsModule.locations[].geoPoint', 'site coordinates are computed by the registry'],
  ['contactsLocationsModule.locations_nested', 'not part of the API (a copy of locations in downloaded files)'],
  ['armsInterventionsModule.interventions[].interventionMappedName', 'not part of the API (added by downloaded files)'],
  ['referencesModule.references[].retractions', 'retractions are maintained by the registry'],
  ['referencesModule.availIpds', 'not modelled yet: links to shared IPD and documents'],
];

/** Why a protocolSection leaf path (indices as `[]`) is not imported, from UNMODELLED_REASONS. */
export function unmodelledReason(path: string): string {
  return UNMODELLED_REASONS.find(([prefix]) => path === prefix || path.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`) || path.startsWith(`${prefix}[`))?.[1]
    ?? 'the language does not model it';
}

const OTHER_SECTIONS: Record<string, string> = {
  resultsSection: 'results are not part of the protocol language',
  derivedSection: 'it is computed by ClinicalTrials.gov',
  documentSection: 'documents are not part of the protocol language',
  annotationSection: 'it is maintained by ClinicalTrials.gov',
  hasResults: 'it is set by ClinicalTrials.gov',
};

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): J => (isObj(v) ? v : {});

/** Leaf paths of a JSON value with indices replaced by `[]`, with how many values each has. */
export function leafPaths(value: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(`${prefix}[]`, out.get(`${prefix}[]`) ?? 0);
    for (const v of value) leafPaths(v, `${prefix}[]`, out);
  } else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, (out.get(prefix) ?? 0) + 1);
  }
  return out;
}

/**
 * The API serves text fields as CommonMark and escapes ASCII punctuation (`\\<`, `\\>`, `\\[` …);
 * the registry stores the plain text, so the import (and the round-trip comparison) removes them.
 */
export function unescapeMarkdown(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (Array.isArray(value)) return value.map(unescapeMarkdown);
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeMarkdown(v)]));
  return value;
}

export function importRecord(json: unknown): ImportedTrial[] {
  if (isObj(json) && Array.isArray(json['studies'])) {
    const studies = json['studies'];
    if (studies.length === 0) throw new ImportError('the file has an empty "studies" list');
    return distinctFileNames(studies.map((s, i) => importStudy(s, i + 1)));
  }
  if (Array.isArray(json)) return distinctFileNames(json.map((s, i) => importStudy(s, i + 1)));
  return [importStudy(json, 1)];
}

/**
 * Two studies with the same id in one file must not land in one `.trial` (the second would replace
 * the first): a repeat gets `-2`, `-3`, … and a note saying so (file names compared case-insensitively,
 * as macOS and Windows do).
 */
function distinctFileNames(trials: ImportedTrial[]): ImportedTrial[] {
  const taken = new Map<string, number>();
  for (const t of trials) taken.set(t.fileName.toLowerCase(), (taken.get(t.fileName.toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  return trials.map((t, i) => {
    if (!used.has(t.fileName.toLowerCase())) {
      used.add(t.fileName.toLowerCase());
      return t;
    }
    let n = 2;
    while (used.has(`${t.id}-${n}.trial`.toLowerCase()) || taken.has(`${t.id}-${n}.trial`.toLowerCase())) n++;
    const fileName = `${t.id}-${n}.trial`;
    used.add(fileName.toLowerCase());
    return { ...t, fileName, notes: [...t.notes, `Study ${i + 1} has the same id (${t.id}) as an earlier study in this file; it was written to ${fileName}.`] };
  });
}

/** Age "18 Years" → `18 years`; undefined when it is not in the registry's form. */
function ageWords(age: string | undefined): string | undefined {
  if (!age) return undefined;
  const m = /^(\d+) (Year|Month|Week|Day|Hour|Minute)s?$/.exec(age.trim());
  if (!m) return undefined;
  return `${m[1]} ${m[2]!.toLowerCase()}${m[1] === '1' ? '' : 's'}`;
}

export function importStudy(input: unknown, index = 1): ImportedTrial {
  if (!isObj(input) || !isObj(input['protocolSection'])) {
    throw new ImportError('this is not a ClinicalTrials.gov API v2 study record (no "protocolSection")');
  }
  const notes: string[] = [];
  const cleaned = removeKnownNonApiFields(input);
  const validation = validateRegistryStudy(cleaned.study);
  if (!validation.ok) {
    for (const issue of validation.issues.slice(0, 20)) notes.push(`The record does not follow the registry format at ${issue.path}: ${issue.message}.`);
  }
  for (const key of Object.keys(input)) {
    if (key !== 'protocolSection') notes.push(`${key} was not imported: ${OTHER_SECTIONS[key] ?? 'it is not part of the protocol section'}.`);
  }

  const ps = unescapeMarkdown(input['protocolSection']) as J;
  const idm = obj(ps['identificationModule']);
  const sm = obj(ps['statusModule']);
  const sp = obj(ps['sponsorCollaboratorsModule']);
  const dm = obj(ps['descriptionModule']);
  const cm = obj(ps['conditionsModule']);
  const des = obj(ps['designModule']);
  const ai = obj(ps['armsInterventionsModule']);
  const om = obj(ps['outcomesModule']);
  const em = obj(ps['eligibilityModule']);
  const cl = obj(ps['contactsLocationsModule']);
  const rm = obj(ps['referencesModule']);
  const ov = obj(ps['oversightModule']);
  const ipd = obj(ps['ipdSharingStatementModule']);

  const words = (v: unknown): string | undefined => (typeof v === 'string' && v ? wordsFor(v) : undefined);
  const lines: string[] = [];
  const I = '  ';
  /** `contact "Name" role … phone "…" ext "…" email "…"`: a central contact (sponsors block) or a site's. */
  const contactLine = (c: Record<string, unknown>, what: string): string => {
    let line = `contact ${quote(str(c['name']) ?? '')}`;
    if (str(c['role'])) line += ` role ${words(c['role'])}`;
    if (str(c['phone']) !== undefined) line += ` phone ${quote(str(c['phone'])!)}`;
    // The language writes the extension after the phone (`phone "…" ext "…"`).
    if (str(c['phoneExt']) !== undefined) {
      if (str(c['phone']) !== undefined) line += ` ext ${quote(str(c['phoneExt'])!)}`;
      else notes.push(`The ${what} ${quote(str(c['name']) ?? '')} has a phone extension but no phone; the extension was not imported.`);
    }
    if (str(c['email']) !== undefined) line += ` email ${quote(str(c['email'])!)}`;
    return line;
  };
  const push = (indent: string, s: string) => lines.push(indent + s);

  // --- trial ---------------------------------------------------------------------------------
  const nctId = str(idm['nctId']);
  const orgId = str(obj(idm['orgStudyIdInfo'])['id']);
  // The id names the file: sanitised (no separators, no `..`), so a hostile nctId cannot leave the folder.
  const id = safeFileStem(nctId ?? orgId ?? '', `study-${index}`);
  lines.push('trial {');
  if (nctId) {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(nctId)) push(I, `nct id ${nctId}`);
    else notes.push(`The NCT id "${nctId}" is not a valid identifier and was not imported.`);
  }
  if (orgId !== undefined) push(I, `org study id ${quote(orgId)}`);
  for (const s of arr(idm['secondaryIdInfos']).map(obj)) {
    let line = `secondary id ${quote(str(s['id']) ?? '')}`;
    if (str(s['type'])) line += ` type ${words(s['type'])}`;
    if (str(s['domain']) !== undefined) line += ` domain ${quote(str(s['domain'])!)}`;
    push(I, line);
  }
  if (str(idm['briefTitle']) !== undefined) push(I, `brief title ${textValue(str(idm['briefTitle'])!, I)}`);
  if (str(idm['officialTitle']) !== undefined) push(I, `official title ${textValue(str(idm['officialTitle'])!, I)}`);
  if (str(idm['acronym']) !== undefined) push(I, `acronym ${quote(str(idm['acronym'])!)}`);
  if (str(des['studyType'])) push(I, `study type ${words(des['studyType'])}`);
  const phases = arr(des['phases']).filter((p): p is EnumValue<'Phase'> => typeof p === 'string');
  if (phases.length > 0) push(I, `phase ${phases.map((p) => phaseWords(p)).join('/')}`);
  if (str(sm['overallStatus'])) push(I, `status ${words(sm['overallStatus'])}`);
  if (str(sm['whyStopped']) !== undefined) push(I, `why stopped ${textValue(str(sm['whyStopped'])!, I)}`);
  const ea = obj(sm['expandedAccessInfo']);
  if (typeof ea['hasExpandedAccess'] === 'boolean') {
    let line = `expanded access ${ea['hasExpandedAccess'] ? 'yes' : 'no'}`;
    const eaId = str(ea['nctId']);
    if (eaId !== undefined) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(eaId)) line += ` nct id ${eaId}`;
      else notes.push(`The expanded-access NCT id "${eaId}" is not a valid identifier and was not imported.`);
    }
    if (str(ea['statusForNctId'])) line += ` status ${words(ea['statusForNctId'])}`;
    push(I, line);
  } else if (Object.keys(ea).length > 0) {
    notes.push('The expanded-access information has no yes/no answer (hasExpandedAccess); it was not imported.');
  }
  const dateLine = (keyword: string, v: unknown) => {
    const d = obj(v);
    const date = str(d['date']);
    if (!date) return;
    const type = str(d['type']);
    push(I, `${keyword} ${date}${type ? ` ${type.toLowerCase()}` : ''}`);
  };
  dateLine('start', sm['startDateStruct']);
  dateLine('primary completion', sm['primaryCompletionDateStruct']);
  dateLine('completion', sm['completionDateStruct']);
  const verified = str(sm['statusVerifiedDate']);
  if (verified && /^\d{4}(-\d{2}){0,2}$/.test(verified)) push(I, `verified ${verified}`);
  else if (verified) notes.push(`The record verification date "${verified}" is not a date (yyyy-mm) and was not imported.`);
  const enr = obj(des['enrollmentInfo']);
  if (typeof enr['count'] === 'number') {
    push(I, `enrollment ${enr['count']}${str(enr['type']) ? ` ${str(enr['type'])!.toLowerCase()}` : ''}`);
  } else if (str(enr['type'])) {
    notes.push(`The enrollment type ${str(enr['type'])} has no count and was not imported.`);
  }
  for (const c of arr(cm['conditions'])) if (typeof c === 'string') push(I, `condition ${quote(c)}`);
  for (const k of arr(cm['keywords'])) if (typeof k === 'string') push(I, `keyword ${quote(k)}`);
  if (str(dm['briefSummary']) !== undefined) {
    lines.push('');
    push(I, `summary ${textValue(str(dm['briefSummary'])!, I)}`);
  }
  if (str(dm['detailedDescription']) !== undefined) {
    lines.push('');
    push(I, `details ${textValue(str(dm['detailedDescription'])!, I)}`);
  }
  lines.push('}');

  // --- design --------------------------------------------------------------------------------
  const di = obj(des['designInfo']);
  const mi = obj(di['maskingInfo']);
  const design: string[] = [];
  if (str(di['allocation'])) design.push(`allocation ${words(di['allocation'])}`);
  if (str(di['interventionModel'])) {
    const d = str(di['interventionModelDescription']);
    design.push(`model ${words(di['interventionModel'])}${d !== undefined ? ` ${quote(d)}` : ''}`);
  } else if (str(di['interventionModelDescription']) !== undefined) {
    notes.push('The intervention model description was not imported: the record gives no intervention model to attach it to.');
  }
  if (str(di['primaryPurpose'])) design.push(`purpose ${words(di['primaryPurpose'])}`);
  if (str(mi['masking'])) {
    const who = arr(mi['whoMasked']).map((w) => words(w)).filter((w): w is string => !!w);
    const d = str(mi['maskingDescription']);
    design.push(`masking ${words(mi['masking'])}${who.length > 0 ? ` ${who.join(', ')}` : ''}${d !== undefined ? ` ${quote(d)}` : ''}`);
  } else if (Object.keys(mi).length > 0) {
    notes.push('Who is masked was not imported: the record gives no masking level.');
  }
  if (str(di['observationalModel'])) design.push(`observational model ${words(di['observationalModel'])}`);
  if (str(di['timePerspective'])) design.push(`time perspective ${words(di['timePerspective'])}`);
  if (typeof des['patientRegistry'] === 'boolean') design.push(`patient registry ${des['patientRegistry'] ? 'yes' : 'no'}`);
  const target = str(des['targetDuration']);
  if (target !== undefined) {
    const t = ageWords(target);
    if (t) design.push(`target duration ${t}`);
    else notes.push(`The target duration "${target}" is not in the registry's form and was not imported.`);
  }
  const bio = obj(des['bioSpec']);
  if (str(bio['retention'])) {
    const d = str(bio['description']);
    design.push(`biospecimen retention ${words(bio['retention'])}${d !== undefined ? ` ${textValue(d, I)}` : ''}`);
  } else if (str(bio['description']) !== undefined) {
    notes.push('The biospecimen description was not imported: the record says no biospecimen retention to attach it to.');
  }
  const eat = obj(des['expandedAccessTypes']);
  const eaTypes = (['individual', 'intermediate', 'treatment'] as const).filter((k) => eat[k] === true);
  if (eaTypes.length > 0) design.push(`expanded access ${eaTypes.join(', ')}`);
  if (design.length > 0) {
    lines.push('', 'design {');
    for (const d of design) push(I, d);
    lines.push('}');
  }

  // --- sponsors ------------------------------------------------------------------------------
  const sponsors: string[] = [];
  const org = obj(idm['organization']);
  if (str(org['fullName']) !== undefined) {
    sponsors.push(`organization ${quote(str(org['fullName'])!)}${str(org['class']) ? ` class ${words(org['class'])}` : ''}`);
  } else if (str(org['class'])) {
    notes.push(`The organization class ${str(org['class'])} has no organization name and was not imported.`);
  }
  const sponsorLine = (role: string, s: J) => {
    const cls = str(s['class']);
    sponsors.push(`${role} ${quote(str(s['name']) ?? '')}${cls ? ` class ${words(cls)}` : ''}`);
  };
  if (isObj(sp['leadSponsor'])) sponsorLine('lead', sp['leadSponsor']);
  for (const c of arr(sp['collaborators']).map(obj)) sponsorLine('collaborator', c);
  const rp = obj(sp['responsibleParty']);
  if (str(rp['type'])) {
    let line = `responsible party ${words(rp['type'])}`;
    if (str(rp['investigatorFullName']) !== undefined) line += ` ${quote(str(rp['investigatorFullName'])!)}`;
    if (str(rp['investigatorTitle']) !== undefined) line += ` title ${quote(str(rp['investigatorTitle'])!)}`;
    if (str(rp['investigatorAffiliation']) !== undefined) line += ` affiliation ${quote(str(rp['investigatorAffiliation'])!)}`;
    if (str(rp['investigatorFullName']) === undefined && (rp['investigatorTitle'] !== undefined || rp['investigatorAffiliation'] !== undefined)) {
      notes.push('The responsible party has a title or affiliation but no name; the language writes them after a name, so they were not imported.');
      line = `responsible party ${words(rp['type'])}`;
    }
    sponsors.push(line);
  } else if (str(rp['oldNameTitle']) !== undefined || str(rp['oldOrganization']) !== undefined) {
    // The legacy form (before the registry's 2011 responsible-party form): a free-text name/title and organization.
    let line = 'responsible party';
    if (str(rp['oldNameTitle']) !== undefined) line += ` ${quote(str(rp['oldNameTitle'])!)}`;
    if (str(rp['oldOrganization']) !== undefined) line += ` organization ${quote(str(rp['oldOrganization'])!)}`;
    sponsors.push(line);
  } else if (Object.keys(rp).length > 0) {
    notes.push('The responsible party has no type and was not imported.');
  }
  for (const o of arr(cl['overallOfficials']).map(obj)) {
    let line = `official ${quote(str(o['name']) ?? '')}`;
    if (str(o['role'])) line += ` role ${words(o['role'])}`;
    if (str(o['affiliation']) !== undefined) line += ` affiliation ${quote(str(o['affiliation'])!)}`;
    sponsors.push(line);
  }
  for (const c of arr(cl['centralContacts']).map(obj)) sponsors.push(contactLine(c, 'central contact'));
  if (sponsors.length > 0) {
    lines.push('', 'sponsors {');
    for (const s of sponsors) push(I, s);
    lines.push('}');
  }

  // --- oversight -------------------------------------------------------------------------------
  const oversight: string[] = [];
  const flagLine = (key: string, head: string) => {
    if (typeof ov[key] === 'boolean') oversight.push(`${head} ${ov[key] ? 'yes' : 'no'}`);
  };
  flagLine('isFdaRegulatedDrug', 'fda regulated drug');
  flagLine('isFdaRegulatedDevice', 'fda regulated device');
  flagLine('isUnapprovedDevice', 'unapproved device');
  flagLine('isPpsd', 'pediatric postmarket device');
  flagLine('isUsExport', 'exported from us');
  flagLine('oversightHasDmc', 'data monitoring committee');
  if (oversight.length > 0) {
    lines.push('', 'oversight {');
    for (const o of oversight) push(I, o);
    lines.push('}');
  }

  // --- interventions and arms ------------------------------------------------------------------
  const taken = new Set<string>();
  const interventions = arr(ai['interventions']).map(obj).map((iv, i) => ({
    iv,
    id: identifierFor(str(iv['name']) ?? '', `intervention_${i + 1}`, taken),
    name: str(iv['name']) ?? '',
    type: str(iv['type']),
    labels: arr(iv['armGroupLabels']).filter((l): l is string => typeof l === 'string'),
  }));
  const arms = arr(ai['armGroups']).map(obj).map((a, i) => ({
    a,
    id: identifierFor(str(a['label']) ?? '', `arm_${i + 1}`, taken),
    label: str(a['label']) ?? '',
  }));

  const names = (x: (typeof interventions)[number]) => ({ id: x.id, name: x.name, otherNames: arr(x.iv['otherNames']).filter((o): o is string => typeof o === 'string') });
  const structurer = new Structurer(interventions.map(names), taken);

  for (const { iv, id: ivId, name, type } of interventions) {
    lines.push('', `intervention ${ivId} {`);
    if (type) push(I, `type ${wordsFor(type)}`);
    push(I, `name ${quote(name)}`);
    for (const o of arr(iv['otherNames'])) if (typeof o === 'string') push(I, `other name ${quote(o)}`);
    if (str(iv['description']) !== undefined) push(I, `description ${textValue(str(iv['description'])!, I)}`);
    // An observational study's interventions are exposures: what participants took is not a protocol dose.
    if (str(des['studyType']) !== 'OBSERVATIONAL') {
      for (const dose of structurer.interventionDoses(names(interventions.find((x) => x.id === ivId)!), str(iv['description']))) push(I, dose);
    }
    lines.push('}');
  }

  // An observational study's arm groups are its groups/cohorts, and their interventions exposures.
  const observational = str(des['studyType']) === 'OBSERVATIONAL';
  for (const { a, id: armId, label } of arms) {
    const asGroup = observational && !str(a['type']);
    lines.push('', `${asGroup ? 'group' : 'arm'} ${armId} {`);
    push(I, `label ${quote(label)}`);
    if (str(a['type'])) push(I, `type ${wordsFor(str(a['type'])!)}`);
    if (str(a['description']) !== undefined) push(I, `description ${textValue(str(a['description'])!, I)}`);
    const received: string[] = [];
    for (const entry of arr(a['interventionNames'])) {
      if (typeof entry !== 'string') continue;
      const parsed = parseArmInterventionName(entry);
      const matches = interventions.filter((x) =>
        parsed ? x.name === parsed.name && x.type === parsed.type : `${x.name}` === entry);
      const match = matches.find((x) => x.labels.includes(label) && !received.includes(x.id)) ?? matches.find((x) => !received.includes(x.id));
      if (!match) {
        notes.push(`Arm "${label}" lists "${entry}", which names no intervention of the record; it was not imported.`);
        continue;
      }
      received.push(match.id);
    }
    for (const x of interventions) {
      if (x.labels.includes(label) && !received.includes(x.id)) {
        notes.push(`Intervention "${x.name}" names arm "${label}", but the arm does not list it; the arm now receives it.`);
        received.push(x.id);
      }
    }
    // Observational groups have exposures, never doses of their own.
    const armDoses = asGroup ? new Map<string, string[]>() : structurer.armDoses(label, str(a['description']), interventions.filter((x) => received.includes(x.id)).map(names));
    for (const r of received) {
      const doses = armDoses.get(r);
      if (!doses) push(I, `${asGroup ? 'exposure' : 'receives'} ${r}`);
      else lines.push(`${I}receives ${r} {`, ...doses.map((d) => `${I}${I}${d}`), `${I}}`);
    }
    lines.push('}');
  }
  for (const x of interventions) {
    for (const l of x.labels) {
      if (!arms.some((a) => a.label === l)) notes.push(`Intervention "${x.name}" names arm "${l}", which the record does not have; not imported.`);
    }
  }

  // --- eligibility ---------------------------------------------------------------------------
  const elig: string[] = [];
  const minA = str(em['minimumAge']);
  const maxA = str(em['maximumAge']);
  const min = ageWords(minA);
  const max = ageWords(maxA);
  if (minA && !min) notes.push(`The minimum age "${minA}" is not in the registry's form and was not imported.`);
  if (maxA && !max) notes.push(`The maximum age "${maxA}" is not in the registry's form and was not imported.`);
  if (min && max) elig.push(`age ${min} to ${max}`);
  else if (min) elig.push(`age ${min} or older`);
  else if (max) elig.push(`age up to ${max}`);
  // API v2 omits an age that has no limit (the upload schema's "N/A"), so a record that states its
  // eligibility but neither age has no age limits: `age any` says so, instead of leaving the
  // protocol without the ages the registry requires. An age that was there but unreadable is not
  // "no limit" (noted above), and a record without an eligibility module states nothing.
  else if (!minA && !maxA && Object.keys(em).length > 0) elig.push('age any');
  if (str(em['sex'])) elig.push(`sex ${words(em['sex'])}`);
  if (typeof em['genderBased'] === 'boolean') elig.push(`gender based ${em['genderBased'] ? 'yes' : 'no'}`);
  if (str(em['genderDescription']) !== undefined) elig.push(`gender description ${textValue(str(em['genderDescription'])!, I)}`);
  if (typeof em['healthyVolunteers'] === 'boolean') elig.push(`healthy volunteers ${em['healthyVolunteers'] ? 'yes' : 'no'}`);
  if (str(em['studyPopulation']) !== undefined) elig.push(`study population ${textValue(str(em['studyPopulation'])!, I)}`);
  if (str(em['samplingMethod'])) elig.push(`sampling ${words(em['samplingMethod'])}`);
  const criteriaText = str(em['eligibilityCriteria']);
  if (criteriaText !== undefined) {
    const statements = criteriaLines(criteriaText, structurer, I, notes);
    if (elig.length > 0 && statements.length > 0) elig.push('');
    elig.push(...statements);
  }
  const measureLines = structurer.measureLines();
  if (measureLines.length > 0) lines.push('', ...measureLines);
  if (elig.length > 0) {
    lines.push('', 'eligibility {');
    for (const e of elig) lines.push(e === '' ? '' : I + e);
    lines.push('}');
  }

  // --- outcomes --------------------------------------------------------------------------------
  for (const [key, level] of [['primaryOutcomes', 'primary'], ['secondaryOutcomes', 'secondary'], ['otherOutcomes', 'other']] as const) {
    for (const o of arr(om[key]).map(obj)) {
      lines.push('', `${level} outcome ${textValue(str(o['measure']) ?? '', '')} {`);
      if (str(o['description']) !== undefined) push(I, `description ${textValue(str(o['description'])!, I)}`);
      if (str(o['timeFrame']) !== undefined) push(I, `time frame ${textValue(str(o['timeFrame'])!, I)}`);
      lines.push('}');
    }
  }

  // --- sites and references --------------------------------------------------------------------
  const locations = arr(cl['locations']).map(obj);
  if (locations.length > 0) lines.push('');
  for (const l of locations) {
    const city = str(l['city']);
    const state = str(l['state']);
    const country = str(l['country']);
    const place = state !== undefined ? [city ?? '', state, country ?? ''] : country !== undefined ? [city ?? '', country] : city !== undefined ? [city] : [];
    let line = `site ${quote(str(l['facility']) ?? '')}`;
    if (place.length > 0) line += ` in ${place.map(quote).join(', ')}`;
    if (str(l['zip']) !== undefined) line += ` zip ${quote(str(l['zip'])!)}`;
    if (str(l['status'])) line += ` status ${words(l['status'])}`;
    const contacts = arr(l['contacts']).map(obj);
    if (contacts.length === 0) {
      lines.push(line);
      continue;
    }
    lines.push(`${line} {`);
    for (const c of contacts) lines.push(`${I}${contactLine(c, 'site contact')}`);
    lines.push('}');
  }
  const references = arr(rm['references']).map(obj);
  if (references.length > 0) lines.push('');
  for (const r of references) {
    const type = str(r['type']);
    const pmid = str(r['pmid']);
    let line = `reference ${type ? wordsFor(type) : 'background'}`;
    if (!type) notes.push(`A reference without a type was imported as "background": ${quote((str(r['citation']) ?? '').slice(0, 60))}.`);
    if (pmid !== undefined) {
      if (/^\d+$/.test(pmid)) line += ` pmid ${pmid}`;
      else notes.push(`The PMID "${pmid}" is not a number and was not imported.`);
    }
    line += ` ${quote(str(r['citation']) ?? '')}`;
    lines.push(line);
  }
  const links = arr(rm['seeAlsoLinks']).map(obj);
  if (links.length > 0) lines.push('');
  for (const l of links) lines.push(`link ${quote(str(l['label']) ?? '')} url ${quote(str(l['url']) ?? '')}`);

  // --- IPD sharing statement -----------------------------------------------------------------
  const ipdLines: string[] = [];
  if (str(ipd['ipdSharing'])) ipdLines.push(`plan ${words(ipd['ipdSharing'])}`);
  if (str(ipd['description']) !== undefined) ipdLines.push(`description ${textValue(str(ipd['description'])!, I)}`);
  const infoTypes = arr(ipd['infoTypes']).map((t) => words(t)).filter((t): t is string => !!t);
  if (infoTypes.length > 0) ipdLines.push(`info types ${infoTypes.join(', ')}`);
  if (str(ipd['timeFrame']) !== undefined) ipdLines.push(`time frame ${textValue(str(ipd['timeFrame'])!, I)}`);
  if (str(ipd['accessCriteria']) !== undefined) ipdLines.push(`access criteria ${textValue(str(ipd['accessCriteria'])!, I)}`);
  if (str(ipd['url']) !== undefined) ipdLines.push(`url ${quote(str(ipd['url'])!)}`);
  if (ipdLines.length > 0) {
    lines.push('', 'ipd sharing {');
    for (const l of ipdLines) push(I, l);
    lines.push('}');
  }

  // --- what was not imported -------------------------------------------------------------------
  const modelled = new Set(MODELLED_FIELDS);
  for (const [path, count] of leafPaths(ps)) {
    if (modelled.has(path) || count === 0) continue;
    const reason = unmodelledReason(path);
    notes.push(`${path}${count > 1 ? ` (${count} values)` : ''} was not imported: ${reason}.`);
  }

  const header = [
    `// Imported from ClinicalTrials.gov record ${oneLine(nctId ?? orgId ?? `#${index}`)} (API v2 JSON) by \`trial import\`.`,
    ...(notes.length > 0 ? ['// Not carried over (see `trial import` output):', ...notes.map((n) => `//   - ${oneLine(n)}`)] : []),
    '',
  ];
  const raw = [...header, ...lines].join('\n') + '\n';
  const formatted = formatText(raw);
  return { id, fileName: `${id}.trial`, text: formatted.ok ? formatted.text : raw, notes, report: structurer.report };
}
