/**
 * The fields of the registry preview, section by section, read from the record the export writes
 * (so the preview shows what would be sent, not a second rendering of the protocol). Every field
 * names the record paths it shows (`paths`), so a test can hold the preview to every field of the
 * exported record; its source is the protocol line the value comes from.
 */
import type * as A from '../../grammar/ast';
import { dateField, statementsOf, textField, wordsField, type TrialModel } from '../model';
import { type SourceRef, sourceOf } from './source';

export type PreviewSectionId = 'overview' | 'status' | 'arms' | 'eligibility' | 'outcomes' | 'sponsors' | 'oversight' | 'ipd' | 'locations' | 'references';

export interface PreviewField {
  label: string;
  /** The value as the registry shows it; undefined = not stated. */
  value?: string;
  source?: SourceRef;
  /** The registry refuses the record without it (an error of the checks) and it is missing. */
  required?: boolean;
  /** The exported record's paths this field shows (`designModule.phases[0]`). */
  paths: string[];
}

export const SECTION_TITLES: Record<PreviewSectionId, string> = {
  overview: 'Study overview',
  status: 'Status and dates',
  arms: 'Arms and interventions',
  eligibility: 'Eligibility',
  outcomes: 'Outcome measures',
  sponsors: 'Sponsors and collaborators',
  oversight: 'Oversight',
  ipd: 'Individual participant data (IPD) sharing',
  locations: 'Contacts and locations',
  references: 'References',
};

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A registry word as the registry's site writes it: `ACTIVE_COMPARATOR` → "Active comparator". */
export const enumWords = (v: unknown): string | undefined => (typeof v === 'string' ? v.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : undefined);
const yesNo = (v: unknown): string | undefined => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : undefined);
const joined = (parts: unknown[], sep: string): string => parts.filter((p) => p !== undefined && p !== '').join(sep);
const src = (x: { range: A.Range } | undefined): SourceRef | undefined => (x ? sourceOf(x.range) : undefined);

function dateText(d: J | undefined): string | undefined {
  return d?.date ? `${d.date}${d.type ? ` (${d.type === 'ACTUAL' ? 'actual' : 'estimated'})` : ''}` : undefined;
}

/** The paths of an object's keys under a prefix: `at('x', ['a', 'b'])` → `x.a`, `x.b`. */
const at = (prefix: string, keys: string[]): string[] => keys.map((k) => `${prefix}.${k}`);

/** The fields of every section, from the exported protocolSection `ps` and the model for sources. */
export function previewFields(ps: J, model: TrialModel): Record<PreviewSectionId, PreviewField[]> {
  const field = (label: string, paths: string[], value: unknown, source?: SourceRef, required = false): PreviewField => ({
    label,
    ...(value !== undefined && value !== '' ? { value: String(value) } : {}),
    ...(source ? { source } : {}),
    ...(required ? { required: true } : {}),
    paths,
  });
  const t = model.trial;
  const id = ps.identificationModule ?? {};
  const status = ps.statusModule ?? {};
  const design = ps.designModule ?? {};
  const info = design.designInfo ?? {};
  const elig = ps.eligibilityModule ?? {};
  const sc = ps.sponsorCollaboratorsModule ?? {};
  const cl = ps.contactsLocationsModule ?? {};
  const ov = ps.oversightModule ?? {};
  const ipd = ps.ipdSharingStatementModule ?? {};
  const list = (v: unknown): J[] => (Array.isArray(v) ? v : []);
  const indexed = (path: string, v: unknown): string[] => list(v).map((_, i) => `${path}[${i}]`);
  const stmt = (block: { statements: readonly { kind: string; range: A.Range }[] } | undefined, kind: string): { range: A.Range } | undefined =>
    block?.statements.find((s) => s.kind === kind);
  const eaTypes = design.expandedAccessTypes ?? {};
  // A field that applies only to some studies is shown when stated (or when it applies).
  const opt = (f: PreviewField, applies = false): PreviewField[] => (f.value !== undefined || applies ? [f] : []);
  const observational = design.studyType === 'OBSERVATIONAL';
  const phasesOf = list(design.phases);

  const overview = [
    field('Brief title', ['identificationModule.briefTitle'], id.briefTitle, src(textField(t, 'briefTitle')), true),
    field('Official title', ['identificationModule.officialTitle'], id.officialTitle, src(textField(t, 'officialTitle'))),
    field('Acronym', ['identificationModule.acronym'], id.acronym, src(textField(t, 'acronym'))),
    field('NCT number', ['identificationModule.nctId'], id.nctId, src(stmt(t, 'NctId'))),
    field('Other study id', ['identificationModule.orgStudyIdInfo.id'], id.orgStudyIdInfo?.id, src(stmt(t, 'OrgStudyId')), true),
    ...list(id.secondaryIdInfos).map((s, i) => field('Secondary id', at(`identificationModule.secondaryIdInfos[${i}]`, Object.keys(s)),
      `${s.id}${s.type || s.domain ? ` (${joined([enumWords(s.type), s.domain], ', ')})` : ''}`, src(statementsOf(t, 'SecondaryId')[i]))),
    field('Conditions', indexed('conditionsModule.conditions', ps.conditionsModule?.conditions), list(ps.conditionsModule?.conditions).join('; '), src(textField(t, 'condition'))),
    field('Keywords', indexed('conditionsModule.keywords', ps.conditionsModule?.keywords), list(ps.conditionsModule?.keywords).join('; '), src(textField(t, 'keyword'))),
    field('Brief summary', ['descriptionModule.briefSummary'], ps.descriptionModule?.briefSummary, src(textField(t, 'summary'))),
    field('Detailed description', ['descriptionModule.detailedDescription'], ps.descriptionModule?.detailedDescription, src(textField(t, 'details'))),
    field('Study type', ['designModule.studyType'], enumWords(design.studyType), src(wordsField(t, 'studyType')), true),
    ...opt(field('Phase', indexed('designModule.phases', phasesOf), phasesOf.map((p) => enumWords(p)).join(', '), src(stmt(t, 'Phase'))), !observational),
    ...opt(field('Allocation', ['designModule.designInfo.allocation'], enumWords(info.allocation), src(wordsField(model.design, 'allocation'))), !observational),
    ...opt(field('Intervention model', ['designModule.designInfo.interventionModel', 'designModule.designInfo.interventionModelDescription'],
      joined([enumWords(info.interventionModel), info.interventionModelDescription], ': '), src(stmt(model.design, 'Model'))), !observational),
    ...opt(field('Primary purpose', ['designModule.designInfo.primaryPurpose'], enumWords(info.primaryPurpose), src(wordsField(model.design, 'purpose'))), !observational),
    ...opt(field('Masking', ['designModule.designInfo.maskingInfo.masking', 'designModule.designInfo.maskingInfo.maskingDescription', ...indexed('designModule.designInfo.maskingInfo.whoMasked', info.maskingInfo?.whoMasked)],
      info.maskingInfo ? joined([enumWords(info.maskingInfo.masking), list(info.maskingInfo.whoMasked).map(enumWords).join(', '), info.maskingInfo.maskingDescription], ' — ') : undefined,
      src(stmt(model.design, 'Masking'))), !observational),
    ...opt(field('Observational model', ['designModule.designInfo.observationalModel'], enumWords(info.observationalModel), src(wordsField(model.design, 'observationalModel'))), observational),
    ...opt(field('Time perspective', ['designModule.designInfo.timePerspective'], enumWords(info.timePerspective), src(wordsField(model.design, 'timePerspective'))), observational),
    ...opt(field('Biospecimen retention', ['designModule.bioSpec.retention', 'designModule.bioSpec.description'],
      design.bioSpec ? joined([enumWords(design.bioSpec.retention), design.bioSpec.description], ': ') : undefined, src(stmt(model.design, 'Biospecimen')))),
    ...opt(field('Patient registry', ['designModule.patientRegistry', 'designModule.targetDuration'],
      joined([yesNo(design.patientRegistry), design.targetDuration ? `target follow-up ${design.targetDuration}` : undefined], ', '), src(model.design))),
    ...opt(field('Expanded access types', at('designModule.expandedAccessTypes', Object.keys(eaTypes)),
      Object.entries(eaTypes).map(([k, v]) => `${k}: ${yesNo(v)}`).join(', '), src(stmt(model.design, 'ExpandedAccessTypes')))),
  ];

  const enrollment = design.enrollmentInfo;
  const ea = status.expandedAccessInfo;
  const statusFields = [
    field('Overall status', ['statusModule.overallStatus'], enumWords(status.overallStatus), src(wordsField(t, 'status'))),
    field('Why stopped', ['statusModule.whyStopped'], status.whyStopped, src(textField(t, 'whyStopped')), ['SUSPENDED', 'TERMINATED', 'WITHDRAWN'].includes(status.overallStatus)),
    field('Study start', at('statusModule.startDateStruct', ['date', 'type']), dateText(status.startDateStruct), src(dateField(t, 'start'))),
    field('Primary completion', at('statusModule.primaryCompletionDateStruct', ['date', 'type']), dateText(status.primaryCompletionDateStruct), src(dateField(t, 'primaryCompletion'))),
    field('Study completion', at('statusModule.completionDateStruct', ['date', 'type']), dateText(status.completionDateStruct), src(dateField(t, 'completion'))),
    ...opt(field('Record verified', ['statusModule.statusVerifiedDate'], status.statusVerifiedDate, src(stmt(t, 'Verified')))),
    field('Enrollment', at('designModule.enrollmentInfo', ['count', 'type']),
      enrollment ? `${enrollment.count}${enrollment.type ? ` (${enrollment.type === 'ACTUAL' ? 'actual' : 'estimated'})` : ''}` : undefined, src(stmt(t, 'Enrollment'))),
    ...opt(field('Expanded access', at('statusModule.expandedAccessInfo', Object.keys(ea ?? {})),
      ea ? joined([yesNo(ea.hasExpandedAccess), ea.nctId, enumWords(ea.statusForNctId)], ' — ') : undefined, src(stmt(t, 'ExpandedAccess')))),
  ];

  const arms = [...model.arms.values()];
  const interventions = [...model.interventions.values()];
  const armFields = [
    ...list(ps.armsInterventionsModule?.armGroups).map((g, i) => {
      const p = `armsInterventionsModule.armGroups[${i}]`;
      return field(`${enumWords(g.type) ?? 'Arm'}: ${g.label}`, [...at(p, ['label', 'type', 'description']), ...indexed(`${p}.interventionNames`, g.interventionNames)],
        joined([g.description, list(g.interventionNames).length ? `Interventions: ${g.interventionNames.join(', ')}` : ''], '\n\n'), src(arms[i]?.id));
    }),
    ...list(ps.armsInterventionsModule?.interventions).map((iv, i) => {
      const p = `armsInterventionsModule.interventions[${i}]`;
      return field(`${enumWords(iv.type) ?? 'Intervention'}: ${iv.name}`, [...at(p, ['type', 'name', 'description']), ...indexed(`${p}.otherNames`, iv.otherNames), ...indexed(`${p}.armGroupLabels`, iv.armGroupLabels)],
        joined([list(iv.otherNames).length ? `Other names: ${iv.otherNames.join(', ')}` : '', iv.description, list(iv.armGroupLabels).length ? `Arms: ${iv.armGroupLabels.join(', ')}` : ''], '\n\n'),
        src(interventions[i]?.id));
    }),
  ];

  const ageStmt = statementsOf(model.eligibility, 'Age')[0];
  const eligibility = [
    // Required when an eligibility block exists (PRSXSD requires the ages inside `eligibility`).
    field('Ages eligible', ['eligibilityModule.minimumAge', 'eligibilityModule.maximumAge'],
      joined([elig.minimumAge ? `${elig.minimumAge} and older` : '', elig.maximumAge ? `up to ${elig.maximumAge}` : ''], ', ') || (ageStmt ? 'Any age' : undefined), src(ageStmt), !!model.eligibility),
    field('Sexes eligible', ['eligibilityModule.sex'], enumWords(elig.sex), src(wordsField(model.eligibility, 'sex')), !!model.eligibility),
    ...opt(field('Gender based', ['eligibilityModule.genderBased', 'eligibilityModule.genderDescription'], joined([yesNo(elig.genderBased), elig.genderDescription], ': '), src(wordsField(model.eligibility, 'genderBased') ?? textField(model.eligibility, 'genderDescription')))),
    field('Accepts healthy volunteers', ['eligibilityModule.healthyVolunteers'], yesNo(elig.healthyVolunteers), src(wordsField(model.eligibility, 'healthyVolunteers'))),
    ...opt(field('Study population', ['eligibilityModule.studyPopulation'], elig.studyPopulation, src(textField(model.eligibility, 'studyPopulation'))), observational),
    ...opt(field('Sampling method', ['eligibilityModule.samplingMethod'], enumWords(elig.samplingMethod), src(wordsField(model.eligibility, 'samplingMethod'))), observational),
    field('Criteria', ['eligibilityModule.eligibilityCriteria'], elig.eligibilityCriteria, src(stmt(model.eligibility, 'Criterion'))),
  ];

  const outcomes = (['primary', 'secondary', 'other'] as const).flatMap((level) => {
    const blocks = model.outcomes.filter((o) => o.level.value === level);
    return list(ps.outcomesModule?.[`${level}Outcomes`]).map((o, i) => field(`${level[0]!.toUpperCase()}${level.slice(1)}: ${o.measure}`,
      at(`outcomesModule.${level}Outcomes[${i}]`, ['measure', 'description', 'timeFrame']),
      joined([o.description, o.timeFrame ? `Time frame: ${o.timeFrame}` : ''], '\n\n'), src(blocks[i]?.title)));
  });

  const sponsorStmts = statementsOf(model.sponsors, 'Sponsor');
  const named = (s: J | undefined) => (s ? `${s.name}${s.class ? ` (${enumWords(s.class)})` : ''}` : undefined);
  const rp = sc.responsibleParty;
  const sponsors = [
    field('Lead sponsor', at('sponsorCollaboratorsModule.leadSponsor', ['name', 'class']), named(sc.leadSponsor), src(sponsorStmts.find((s) => s.role.value === 'lead')), !!model.sponsors && statementsOf(model.sponsors, 'ResponsibleParty').length + sponsorStmts.length > 0),
    field('Collaborators', list(sc.collaborators).flatMap((_, i) => at(`sponsorCollaboratorsModule.collaborators[${i}]`, ['name', 'class'])), list(sc.collaborators).map(named).join('\n'), src(sponsorStmts.find((s) => s.role.value === 'collaborator'))),
    field('Responsible party', at('sponsorCollaboratorsModule.responsibleParty', Object.keys(rp ?? {})),
      rp ? joined([enumWords(rp.type), joined([rp.investigatorFullName, rp.investigatorTitle, rp.investigatorAffiliation], ', '), joined([rp.oldNameTitle, rp.oldOrganization], ', ')], ': ') : undefined,
      src(stmt(model.sponsors, 'ResponsibleParty'))),
    field('Organization (registry account)', at('identificationModule.organization', ['fullName', 'class']),
      id.organization ? `${id.organization.fullName}${id.organization.class ? ` (${enumWords(id.organization.class)})` : ''}` : undefined, src(stmt(model.sponsors, 'Organization')), !!model.sponsors),
  ];

  const oversightField = (label: string, key: string, wordsKey: A.WordsField) =>
    field(label, [`oversightModule.${key}`], yesNo(ov[key]), src(wordsField(model.oversight, wordsKey)));
  const oversight = [
    oversightField('FDA-regulated drug', 'isFdaRegulatedDrug', 'fdaRegulatedDrug'),
    oversightField('FDA-regulated device', 'isFdaRegulatedDevice', 'fdaRegulatedDevice'),
    ...opt(oversightField('Unapproved or uncleared device', 'isUnapprovedDevice', 'unapprovedDevice')),
    ...opt(oversightField('Pediatric postmarket surveillance of a device', 'isPpsd', 'pediatricPostmarketDevice')),
    ...opt(oversightField('Product exported from the U.S.', 'isUsExport', 'exportedFromUs')),
    oversightField('Data monitoring committee', 'oversightHasDmc', 'dataMonitoringCommittee'),
  ];

  const ipdSection = [
    field('Plan to share IPD', ['ipdSharingStatementModule.ipdSharing'], enumWords(ipd.ipdSharing), src(wordsField(model.ipdSharing, 'ipdSharing'))),
    ...opt(field('Plan description', ['ipdSharingStatementModule.description'], ipd.description, src(textField(model.ipdSharing, 'description')))),
    ...opt(field('Supporting information', indexed('ipdSharingStatementModule.infoTypes', ipd.infoTypes), list(ipd.infoTypes).map(enumWords).join(', '), src(statementsOf(model.ipdSharing, 'InfoTypes')[0]))),
    ...opt(field('Time frame', ['ipdSharingStatementModule.timeFrame'], ipd.timeFrame, src(textField(model.ipdSharing, 'timeFrameText')))),
    ...opt(field('Access criteria', ['ipdSharingStatementModule.accessCriteria'], ipd.accessCriteria, src(textField(model.ipdSharing, 'accessCriteria')))),
    ...opt(field('URL', ['ipdSharingStatementModule.url'], ipd.url, src(textField(model.ipdSharing, 'url')))),
  ];

  const contacts = statementsOf(model.sponsors, 'Contact');
  const officials = statementsOf(model.sponsors, 'Official');
  const contactField = (label: string, c: J, path: string, source: A.ContactStmt | undefined) =>
    field(`${label} (${enumWords(c.role) ?? 'role not given'})`, at(path, Object.keys(c)),
      joined([c.name, c.phone ? `${c.phone}${c.phoneExt ? ` ext. ${c.phoneExt}` : ''}` : undefined, c.email], ', '), src(source));
  const locations = [
    ...list(cl.centralContacts).map((c, i) => contactField('Contact', c, `contactsLocationsModule.centralContacts[${i}]`, contacts[i])),
    ...list(cl.overallOfficials).map((o, i) => field(`Official (${enumWords(o.role) ?? 'role not given'})`, at(`contactsLocationsModule.overallOfficials[${i}]`, Object.keys(o)),
      joined([o.name, o.affiliation], ', '), src(officials[i]))),
    ...list(cl.locations).flatMap((l, i) => [
      field(l.facility ?? 'Site', at(`contactsLocationsModule.locations[${i}]`, Object.keys(l).filter((k) => k !== 'contacts')),
        joined([joined([l.city, l.state, l.zip, l.country], ', '), enumWords(l.status)], ' — '), src(model.sites[i])),
      ...list(l.contacts).map((c, j) => contactField('Site contact', c, `contactsLocationsModule.locations[${i}].contacts[${j}]`, model.sites[i]?.contacts[j])),
    ]),
  ];

  const references = [
    ...list(ps.referencesModule?.references).map((r, i) => field(`Reference (${enumWords(r.type) ?? 'type not given'})`, at(`referencesModule.references[${i}]`, Object.keys(r)),
      joined([r.citation, r.pmid ? `PMID ${r.pmid}` : ''], '\n'), src(model.references[i]))),
    ...list(ps.referencesModule?.seeAlsoLinks).map((l, i) => field(`Link${l.label ? `: ${l.label}` : ''}`, at(`referencesModule.seeAlsoLinks[${i}]`, Object.keys(l)), l.url, src(model.links[i]))),
  ];

  return { overview, status: statusFields, arms: armFields, eligibility, outcomes, sponsors, oversight, ipd: ipdSection, locations, references };
}
