/**
 * The registry preview as data: the record the export would write, laid out in the sections in
 * which ClinicalTrials.gov presents a study (overview, status and dates, arms and interventions,
 * eligibility, outcomes, sponsors, locations), each value with its source line, and the errors
 * that block the export attached to the section they concern. Rendered by render-preview.ts.
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic } from '../../grammar/diagnostic';
import { buildRecord } from '../export/build-record';
import { dateField, statementsOf, textField, textStatements, wordsField, type TrialModel } from '../model';
import { type SourceRef, sourceOf } from './source';

export type PreviewSectionId = 'overview' | 'status' | 'arms' | 'eligibility' | 'outcomes' | 'sponsors' | 'locations';

export interface PreviewField {
  label: string;
  /** The value as the registry shows it; undefined = not stated. */
  value?: string;
  source?: SourceRef;
  /** The registry requires it and it is missing. */
  required?: boolean;
}

export interface PreviewBlocker {
  code: string;
  message: string;
  source: SourceRef;
}

export interface PreviewSection {
  id: PreviewSectionId;
  title: string;
  fields: PreviewField[];
  blocking: PreviewBlocker[];
}

export interface RegistryPreview {
  /** The NCT id, else the org study id. */
  id?: string;
  title?: string;
  sections: PreviewSection[];
  /** Errors that stop the export, in document order. */
  blockingCount: number;
}

const TITLES: Record<PreviewSectionId, string> = {
  overview: 'Study overview',
  status: 'Status and dates',
  arms: 'Arms and interventions',
  eligibility: 'Eligibility',
  outcomes: 'Outcome measures',
  sponsors: 'Sponsors and collaborators',
  locations: 'Locations',
};

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENUM_WORDS = (v: unknown): string | undefined => (typeof v === 'string' ? v.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : undefined);

function dateText(d: J | undefined): string | undefined {
  return d?.date ? `${d.date}${d.type ? ` (${d.type === 'ACTUAL' ? 'actual' : 'estimated'})` : ''}` : undefined;
}

/** Which section a finding concerns: by what the message names, else by the item it is in. */
function sectionOf(d: Diagnostic, model: TrialModel): PreviewSectionId {
  const about = `${d.code} ${(d.data?.element as string | undefined) ?? d.message}`;
  if (d.code === 'registry-missing-element' || d.code.startsWith('why-stopped') || d.code === 'status-needs-actual' || d.code === 'date-order') {
    if (/outcome/.test(about)) return 'outcomes';
    if (/eligib|\bsex\b|\bages?\b/.test(about)) return 'eligibility';
    if (/sponsor|responsible/.test(about)) return 'sponsors';
    if (/\barms?\b|intervention/.test(about)) return 'arms';
    if (/status|date|completion|enrollment|start|stopped|why/.test(about)) return 'status';
  }
  const offset = d.range.start.offset;
  const item = model.document.items.find((i) => i.range.start.offset <= offset && offset <= i.range.end.offset);
  switch (item?.kind) {
    case 'ArmBlock': case 'InterventionBlock': return 'arms';
    case 'EligibilityBlock': case 'MeasureDecl': return 'eligibility';
    case 'OutcomeBlock': case 'ScheduleBlock': return 'outcomes';
    case 'SponsorsBlock': return 'sponsors';
    case 'SiteDecl': return 'locations';
    case 'TrialBlock': {
      const s = item.statements.find((x) => x.range.start.offset <= offset && offset <= x.range.end.offset);
      return s && (s.kind === 'Date' || s.kind === 'Enrollment' || (s.kind === 'Words' && s.field === 'status') || (s.kind === 'Text' && s.field === 'whyStopped')) ? 'status' : 'overview';
    }
  }
  return 'overview';
}

const src = (x: { range: A.Range } | undefined): SourceRef | undefined => (x ? sourceOf(x.range) : undefined);

/** The type, then the investigator (name, title, affiliation); or the legacy form's name/title and organization. */
function responsiblePartyText(p: J | undefined): string | undefined {
  if (!p) return undefined;
  const parts = [ENUM_WORDS(p.type), [p.investigatorFullName, p.investigatorTitle, p.investigatorAffiliation].filter(Boolean).join(', '), [p.oldNameTitle, p.oldOrganization].filter(Boolean).join(', ')];
  return parts.filter(Boolean).join(': ') || undefined;
}

export function registryPreview(model: TrialModel, diagnostics: readonly Diagnostic[]): RegistryPreview {
  const ps = (buildRecord(model).record as J).protocolSection ?? {};
  const t = model.trial;
  const id = ps.identificationModule ?? {};
  const status = ps.statusModule ?? {};
  const design = ps.designModule ?? {};
  const info = design.designInfo ?? {};
  const field = (label: string, value: unknown, source?: SourceRef, required = false): PreviewField => ({
    label,
    ...(value !== undefined && value !== '' ? { value: String(value) } : {}),
    ...(source ? { source } : {}),
    ...(required ? { required: true } : {}),
  });
  const sections: Record<PreviewSectionId, PreviewField[]> = {
    overview: [
      field('Brief title', id.briefTitle, src(textField(t, 'briefTitle')), true),
      field('Official title', id.officialTitle, src(textField(t, 'officialTitle'))),
      field('Acronym', id.acronym, src(textField(t, 'acronym'))),
      field('NCT number', id.nctId, src(t?.statements.find((s) => s.kind === 'NctId'))),
      field('Other study id', id.orgStudyIdInfo?.id, src(t?.statements.find((s) => s.kind === 'OrgStudyId')), true),
      field('Conditions', (ps.conditionsModule?.conditions ?? []).join('; '), src(textField(t, 'condition')), true),
      field('Keywords', (ps.conditionsModule?.keywords ?? []).join('; '), src(textField(t, 'keyword'))),
      field('Brief summary', ps.descriptionModule?.briefSummary, src(textField(t, 'summary')), true),
      field('Detailed description', ps.descriptionModule?.detailedDescription, src(textField(t, 'details'))),
      field('Study type', ENUM_WORDS(design.studyType), src(wordsField(t, 'studyType')), true),
      field('Phase', (design.phases ?? []).map((p: string) => ENUM_WORDS(p)).join(', '), src(t?.statements.find((s) => s.kind === 'Phase'))),
      field('Allocation', ENUM_WORDS(info.allocation), src(wordsField(model.design, 'allocation'))),
      field('Intervention model', [ENUM_WORDS(info.interventionModel), info.interventionModelDescription].filter(Boolean).join(': '), src(model.design?.statements.find((s) => s.kind === 'Model'))),
      field('Primary purpose', ENUM_WORDS(info.primaryPurpose), src(wordsField(model.design, 'purpose'))),
      field('Masking', info.maskingInfo ? [ENUM_WORDS(info.maskingInfo.masking), (info.maskingInfo.whoMasked ?? []).map(ENUM_WORDS).join(', ')].filter(Boolean).join(' — ') : undefined, src(model.design?.statements.find((s) => s.kind === 'Masking'))),
    ],
    status: [
      field('Overall status', ENUM_WORDS(status.overallStatus), src(wordsField(t, 'status')), true),
      field('Why stopped', status.whyStopped, src(textField(t, 'whyStopped')), ['SUSPENDED', 'TERMINATED', 'WITHDRAWN'].includes(status.overallStatus)),
      field('Study start', dateText(status.startDateStruct), src(dateField(t, 'start')), true),
      // Not marked required: no source makes it so (docs/diagnostics.md, registry-missing-element).
      field('Primary completion', dateText(status.primaryCompletionDateStruct), src(dateField(t, 'primaryCompletion'))),
      field('Study completion', dateText(status.completionDateStruct), src(dateField(t, 'completion')), true),
      field('Enrollment', design.enrollmentInfo ? `${design.enrollmentInfo.count}${design.enrollmentInfo.type ? ` (${design.enrollmentInfo.type === 'ACTUAL' ? 'actual' : 'estimated'})` : ''}` : undefined, src(t?.statements.find((s) => s.kind === 'Enrollment')), true),
    ],
    arms: [
      ...((ps.armsInterventionsModule?.armGroups ?? []) as J[]).map((g, i) => {
        const arm = [...model.arms.values()][i];
        return field(`${ENUM_WORDS(g.type) ?? 'Arm'}: ${g.label}`, [g.description, (g.interventionNames ?? []).length ? `Interventions: ${g.interventionNames.join(', ')}` : ''].filter(Boolean).join('\n\n'), src(arm?.id));
      }),
      ...((ps.armsInterventionsModule?.interventions ?? []) as J[]).map((iv, i) => {
        const block = [...model.interventions.values()][i];
        return field(`${ENUM_WORDS(iv.type) ?? 'Intervention'}: ${iv.name}`, [iv.otherNames?.length ? `Other names: ${iv.otherNames.join(', ')}` : '', iv.description].filter(Boolean).join('\n\n'), src(block?.id));
      }),
    ],
    eligibility: [
      field('Ages eligible', [ps.eligibilityModule?.minimumAge ? `${ps.eligibilityModule.minimumAge} and older` : '', ps.eligibilityModule?.maximumAge ? `up to ${ps.eligibilityModule.maximumAge}` : ''].filter(Boolean).join(', ') || (statementsOf(model.eligibility, 'Age')[0] ? 'Any age' : undefined), src(statementsOf(model.eligibility, 'Age')[0]), true),
      field('Sexes eligible', ENUM_WORDS(ps.eligibilityModule?.sex), src(wordsField(model.eligibility, 'sex')), true),
      field('Accepts healthy volunteers', ps.eligibilityModule?.healthyVolunteers === undefined ? undefined : ps.eligibilityModule.healthyVolunteers ? 'Yes' : 'No', src(wordsField(model.eligibility, 'healthyVolunteers'))),
      field('Criteria', ps.eligibilityModule?.eligibilityCriteria, src(model.eligibility?.statements.find((s) => s.kind === 'Criterion'))),
    ],
    outcomes: (['primary', 'secondary', 'other'] as const).flatMap((level) => {
      const list = (ps.outcomesModule?.[`${level}Outcomes`] ?? []) as J[];
      const blocks = model.outcomes.filter((o) => o.level.value === level);
      return list.map((o, i) => field(`${level[0]!.toUpperCase()}${level.slice(1)}: ${o.measure}`, [o.description, o.timeFrame ? `Time frame: ${o.timeFrame}` : ''].filter(Boolean).join('\n\n'), src(blocks[i]?.title)));
    }),
    sponsors: [
      field('Lead sponsor', ps.sponsorCollaboratorsModule?.leadSponsor?.name, src(model.sponsors?.statements.find((s) => s.kind === 'Sponsor' && s.role.value === 'lead')), true),
      field('Collaborators', ((ps.sponsorCollaboratorsModule?.collaborators ?? []) as J[]).map((c) => c.name).join('\n'), src(model.sponsors?.statements.find((s) => s.kind === 'Sponsor' && s.role.value === 'collaborator'))),
      field('Responsible party', responsiblePartyText(ps.sponsorCollaboratorsModule?.responsibleParty), src(model.sponsors?.statements.find((s) => s.kind === 'ResponsibleParty'))),
      ...((ps.contactsLocationsModule?.overallOfficials ?? []) as J[]).map((o) => field(`Official (${ENUM_WORDS(o.role) ?? 'role not given'})`, [o.name, o.affiliation].filter(Boolean).join(', '), src(model.sponsors?.statements.find((s) => s.kind === 'Official' && s.name.value === o.name)))),
    ],
    locations: ((ps.contactsLocationsModule?.locations ?? []) as J[]).map((l, i) =>
      field(l.facility ?? 'Site', [[l.city, l.state, l.country].filter(Boolean).join(', '), ENUM_WORDS(l.status)].filter(Boolean).join(' — '), src(model.sites[i]))),
  };
  const blocking = new Map<PreviewSectionId, PreviewBlocker[]>();
  let blockingCount = 0;
  for (const d of [...diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    if (d.severity !== 'error') continue;
    blockingCount++;
    const s = sectionOf(d, model);
    blocking.set(s, [...(blocking.get(s) ?? []), { code: d.code, message: d.message, source: sourceOf(d.range) }]);
  }
  const out: RegistryPreview = {
    sections: (Object.keys(TITLES) as PreviewSectionId[]).map((sid) => ({ id: sid, title: TITLES[sid], fields: sections[sid], blocking: blocking.get(sid) ?? [] })),
    blockingCount,
  };
  const shownId = id.nctId ?? id.orgStudyIdInfo?.id;
  if (shownId) out.id = shownId;
  if (id.briefTitle) out.title = id.briefTitle;
  return out;
}
