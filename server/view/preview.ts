/**
 * The registry preview as data: the record the export would write, laid out in the sections in
 * which ClinicalTrials.gov presents a study (`preview-fields.ts`: every field of the record, with
 * its source line), and the errors that block the export attached to the section they concern.
 * Rendered by render-preview.ts.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { buildRecord } from '../export/build-record';
import type { TrialModel } from '../model';
import { type PreviewField, type PreviewSectionId, previewFields, SECTION_TITLES } from './preview-fields';
import { type SourceRef, sourceOf } from './source';

export type { PreviewField, PreviewSectionId } from './preview-fields';

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

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Which section a finding concerns: by what the message names, else by the item it is in. */
function sectionOf(d: Diagnostic, model: TrialModel): PreviewSectionId {
  const about = `${d.code} ${(d.data?.element as string | undefined) ?? d.message}`;
  if (d.code === 'registry-missing-element' || d.code.startsWith('why-stopped') || d.code === 'status-needs-actual' || d.code === 'date-order') {
    if (/outcome/.test(about)) return 'outcomes';
    if (/eligib|\bsex\b|\bages?\b|study population|sampling/.test(about)) return 'eligibility';
    if (/FDA-regulated|oversight/.test(about)) return 'oversight';
    if (/sponsor|responsible|organization/.test(about)) return 'sponsors';
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
    case 'OversightBlock': return 'oversight';
    case 'IpdSharingBlock': return 'ipd';
    case 'SiteDecl': return 'locations';
    case 'ReferenceDecl':
    case 'LinkDecl':
      return 'references';
    case 'TrialBlock': {
      const s = item.statements.find((x) => x.range.start.offset <= offset && offset <= x.range.end.offset);
      return s && (s.kind === 'Date' || s.kind === 'Enrollment' || (s.kind === 'Words' && s.field === 'status') || (s.kind === 'Text' && s.field === 'whyStopped')) ? 'status' : 'overview';
    }
  }
  return 'overview';
}

export function registryPreview(model: TrialModel, diagnostics: readonly Diagnostic[]): RegistryPreview {
  const ps = (buildRecord(model).record as J).protocolSection ?? {};
  const fields = previewFields(ps, model);
  const blocking = new Map<PreviewSectionId, PreviewBlocker[]>();
  let blockingCount = 0;
  for (const d of [...diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    if (d.severity !== 'error') continue;
    blockingCount++;
    const s = sectionOf(d, model);
    blocking.set(s, [...(blocking.get(s) ?? []), { code: d.code, message: d.message, source: sourceOf(d.range) }]);
  }
  const out: RegistryPreview = {
    sections: (Object.keys(SECTION_TITLES) as PreviewSectionId[]).map((sid) => ({ id: sid, title: SECTION_TITLES[sid], fields: fields[sid], blocking: blocking.get(sid) ?? [] })),
    blockingCount,
  };
  const id = ps.identificationModule ?? {};
  const shownId = id.nctId ?? id.orgStudyIdInfo?.id;
  if (shownId) out.id = shownId;
  if (id.briefTitle) out.title = id.briefTitle;
  return out;
}
