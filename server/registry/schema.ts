/**
 * Zod 4 schema of the ClinicalTrials.gov API v2 study record's `protocolSection`
 * (shared/reference/registry-format.md §1–§5; shape and enumerations from OAS205,
 * the official OpenAPI spec 2.0.5).
 *
 * - Strict: an unknown key is an error at every level.
 * - No field is required: OAS205 marks no protocol field `required` (only GeoPoint's
 *   lat/lon). What PRS requires (§6) and the cross-field rules (§7) are checks, not schema.
 * - Enumerations exact (enums.ts); text limits from limits.ts; PartialDate / full dates
 *   calendar-checked; ages and target duration match OAS205's pattern; NCT ids `NCT` + 8 digits.
 *
 * `exportRecordSchema` is what our exporter writes (`{ protocolSection }` only);
 * `registryStudySchema` reads real records (protocolSection strict, other sections passed through).
 *
 * Pure core: no vscode/LSP imports.
 */
import { z } from 'zod';
import {
  AGENCY_CLASS, ARM_GROUP_TYPE, BIO_SPEC_RETENTION, CONTACT_ROLE, DATE_TYPE, DESIGN_ALLOCATION, DESIGN_MASKING,
  DESIGN_TIME_PERSPECTIVE, ENROLLMENT_TYPE, EXPANDED_ACCESS_STATUS, INTERVENTIONAL_ASSIGNMENT, INTERVENTION_TYPE,
  IPD_SHARING, IPD_SHARING_INFO_TYPE, OBSERVATIONAL_MODEL, OFFICIAL_ROLE, ORG_STUDY_ID_TYPE, PHASE, PRIMARY_PURPOSE,
  RECRUITMENT_STATUS, REFERENCE_TYPE, RESPONSIBLE_PARTY_TYPE, SAMPLING_METHOD, SECONDARY_ID_TYPE, SEX, STANDARD_AGE,
  STATUS, STUDY_TYPE, WHO_MASKED,
} from './enums';
import { AGE_PATTERN, describeDateProblem, FULL_DATE_PATTERN, NCT_ID_PATTERN, PARTIAL_DATE_PATTERN } from './formats';
import { TEXT_LIMITS, TextLimit, LimitedFieldPath, textLimitFor } from './limits';
import { compileChecker, type Checker } from './schema-checker';

/**
 * Opt-in: make zod validate without `new Function` (needed where eval is forbidden, e.g.
 * webviews with a strict CSP). Global to the zod instance, so it is never done on import.
 */
export function useJitlessZod(): void {
  z.config({ jitless: true });
}

// ---------------------------------------------------------------------------
// Formats (formats.ts, shared with the checks without zod)
// ---------------------------------------------------------------------------

export { AGE_PATTERN, describeDateProblem, FULL_DATE_PATTERN, NCT_ID_PATTERN, PARTIAL_DATE_PATTERN } from './formats';

function describeAgeProblem(input: unknown): string {
  const s = String(input);
  const m = /^\s*(\d+)\s*([A-Za-z]+)\s*$/.exec(s);
  let hint = '';
  if (m) {
    const unit = m[2]!.toLowerCase();
    const units = ['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes'];
    if (units.includes(unit)) hint = ` (did you mean "${m[1]} ${unit[0]!.toUpperCase()}${unit.slice(1)}"?)`;
  }
  return `is "${s}"; it must be a whole number, one space and a capitalised unit (Year(s), Month(s), Week(s), Day(s), Hour(s) or Minute(s)), e.g. "18 Years"${hint}`;
}

const partialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, { error: (iss) => describeDateProblem(iss.input, 'partial') })
  .meta({ description: 'PartialDate: yyyy, yyyy-MM or yyyy-MM-dd (a real calendar date)' });

const fullDate = z
  .string()
  .regex(FULL_DATE_PATTERN, { error: (iss) => describeDateProblem(iss.input, 'full') })
  .meta({ description: 'Date yyyy-MM-dd (a real calendar date)', format: 'date' });

const age = z
  .string()
  .regex(AGE_PATTERN, { error: (iss) => describeAgeProblem(iss.input) })
  .meta({ description: 'A whole number and a unit, e.g. "18 Years"; omit the field for no limit' });

const nctId = z
  .string()
  .regex(NCT_ID_PATTERN, { error: (iss) => `is "${String(iss.input)}"; an NCT number is "NCT" followed by 8 digits, e.g. "NCT04743739"` })
  .meta({ description: 'NCT number (assigned by ClinicalTrials.gov)' });

/**
 * CommonMark backslash escapes that the API adds to markup text (registry-format.md §4:
 * "API output escapes `<` as `\<`"); they are not part of the text the registry stores.
 */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Length of `s` without the API's markdown backslash escapes (`\>` counts as one character). */
export function unescapedLength(s: string): number {
  return s.replace(MARKDOWN_ESCAPE, '$1').length;
}

/**
 * How character limits are counted:
 * - `raw` (export): the string as written, which is also what JSON Schema `maxLength` checks;
 * - `unescaped` (reading API output): the string without markdown backslash escapes, which the
 *   API's default `markupFormat=markdown` adds. That the registry counts its limits on the text
 *   without them is our inference, not a sourced rule: NCT06094296's outcome description is 1018
 *   characters as served, 998 without its 20 escapes, against a 999 limit (docs/registry-schema.md).
 */
type LimitCount = 'raw' | 'unescaped';

function textFactory(count: LimitCount) {
  /** A string field with the character limit of limits.ts. */
  return function text(path: LimitedFieldPath) {
    const l: TextLimit = TEXT_LIMITS[path];
    const base = z.string();
    // A limit no source says the registry enforces is the check's warning, not a refusal.
    if (l.severity === 'warning') return base.meta({ description: `${l.element}: about ${l.limit} characters, not enforced (${l.sources.join(', ')}: ${l.note ?? 'no source'})` });
    const limited = count === 'raw'
      ? base.max(l.limit)
      : base.refine((v) => unescapedLength(v) <= l.limit, {
        error: (iss) => `is ${unescapedLength(String(iss.input))} characters without the API's markdown escapes; the registry allows ${l.limit}`,
        abort: true,
      });
    return limited.meta({ description: `${l.element}: at most ${l.limit} characters (${l.sources.join(', ')})` });
  };
}

const str = () => z.string();
const bool = () => z.boolean();
const int = () => z.int();
const list = <T extends z.ZodType>(item: T) => z.array(item);
const strictObject = z.strictObject;

// ---------------------------------------------------------------------------
// Modules (OAS205 components.schemas, field order as in the spec)
// ---------------------------------------------------------------------------

function buildProtocolSection(count: LimitCount) {
  const text = textFactory(count);

  const identificationModuleSchema = strictObject({
    nctId: nctId.optional(),
    nctIdAliases: list(nctId).optional(),
    orgStudyIdInfo: strictObject({
      id: text('identificationModule.orgStudyIdInfo.id').optional(),
      type: z.enum(ORG_STUDY_ID_TYPE).optional(),
      link: str().optional(),
    }).optional(),
    secondaryIdInfos: list(strictObject({
      id: text('identificationModule.secondaryIdInfos[].id').optional(),
      type: z.enum(SECONDARY_ID_TYPE).optional(),
      domain: str().optional(),
      link: str().optional(),
    })).optional(),
    briefTitle: text('identificationModule.briefTitle').optional(),
    officialTitle: text('identificationModule.officialTitle').optional(),
    acronym: text('identificationModule.acronym').optional(),
    organization: strictObject({
      fullName: text('identificationModule.organization.fullName').optional(),
      class: z.enum(AGENCY_CLASS).optional(),
    }).optional(),
  });

  const partialDateStruct = strictObject({ date: partialDate.optional(), type: z.enum(DATE_TYPE).optional() });
  const dateStruct = strictObject({ date: fullDate.optional(), type: z.enum(DATE_TYPE).optional() });

  const statusModuleSchema = strictObject({
    statusVerifiedDate: partialDate.optional(),
    overallStatus: z.enum(STATUS).optional(),
    lastKnownStatus: z.enum(STATUS).optional(),
    delayedPosting: bool().optional(),
    whyStopped: text('statusModule.whyStopped').optional(),
    expandedAccessInfo: strictObject({
      hasExpandedAccess: bool().optional(),
      nctId: nctId.optional(),
      statusForNctId: z.enum(EXPANDED_ACCESS_STATUS).optional(),
    }).optional(),
    startDateStruct: partialDateStruct.optional(),
    primaryCompletionDateStruct: partialDateStruct.optional(),
    completionDateStruct: partialDateStruct.optional(),
    studyFirstSubmitDate: fullDate.optional(),
    studyFirstSubmitQcDate: fullDate.optional(),
    studyFirstPostDateStruct: dateStruct.optional(),
    resultsWaived: bool().optional(),
    resultsFirstSubmitDate: fullDate.optional(),
    resultsFirstSubmitQcDate: fullDate.optional(),
    resultsFirstPostDateStruct: dateStruct.optional(),
    dispFirstSubmitDate: fullDate.optional(),
    dispFirstSubmitQcDate: fullDate.optional(),
    dispFirstPostDateStruct: dateStruct.optional(),
    lastUpdateSubmitDate: fullDate.optional(),
    lastUpdatePostDateStruct: dateStruct.optional(),
  });

  const sponsorCollaboratorsModuleSchema = strictObject({
    responsibleParty: strictObject({
      type: z.enum(RESPONSIBLE_PARTY_TYPE).optional(),
      investigatorFullName: str().optional(),
      investigatorTitle: str().optional(),
      investigatorAffiliation: str().optional(),
      oldNameTitle: str().optional(),
      oldOrganization: str().optional(),
    }).optional(),
    leadSponsor: strictObject({
      name: text('sponsorCollaboratorsModule.leadSponsor.name').optional(),
      class: z.enum(AGENCY_CLASS).optional(),
    }).optional(),
    collaborators: list(strictObject({
      name: text('sponsorCollaboratorsModule.collaborators[].name').optional(),
      class: z.enum(AGENCY_CLASS).optional(),
    })).optional(),
  });

  const oversightModuleSchema = strictObject({
    oversightHasDmc: bool().optional(),
    isFdaRegulatedDrug: bool().optional(),
    isFdaRegulatedDevice: bool().optional(),
    isUnapprovedDevice: bool().optional(),
    isPpsd: bool().optional(),
    isUsExport: bool().optional(),
    fdaaa801Violation: bool().optional(),
  });

  const descriptionModuleSchema = strictObject({
    briefSummary: text('descriptionModule.briefSummary').optional(),
    detailedDescription: text('descriptionModule.detailedDescription').optional(),
  });

  const conditionsModuleSchema = strictObject({
    conditions: list(str()).optional(),
    keywords: list(str()).optional(),
  });

  const designModuleSchema = strictObject({
    studyType: z.enum(STUDY_TYPE).optional(),
    nPtrsToThisExpAccNctId: int().optional(),
    expandedAccessTypes: strictObject({
      individual: bool().optional(),
      intermediate: bool().optional(),
      treatment: bool().optional(),
    }).optional(),
    patientRegistry: bool().optional(),
    targetDuration: age.optional(),
    phases: list(z.enum(PHASE)).optional(),
    designInfo: strictObject({
      allocation: z.enum(DESIGN_ALLOCATION).optional(),
      interventionModel: z.enum(INTERVENTIONAL_ASSIGNMENT).optional(),
      interventionModelDescription: text('designModule.designInfo.interventionModelDescription').optional(),
      primaryPurpose: z.enum(PRIMARY_PURPOSE).optional(),
      observationalModel: z.enum(OBSERVATIONAL_MODEL).optional(),
      timePerspective: z.enum(DESIGN_TIME_PERSPECTIVE).optional(),
      maskingInfo: strictObject({
        masking: z.enum(DESIGN_MASKING).optional(),
        maskingDescription: text('designModule.designInfo.maskingInfo.maskingDescription').optional(),
        whoMasked: list(z.enum(WHO_MASKED)).optional(),
      }).optional(),
    }).optional(),
    bioSpec: strictObject({
      retention: z.enum(BIO_SPEC_RETENTION).optional(),
      description: text('designModule.bioSpec.description').optional(),
    }).optional(),
    enrollmentInfo: strictObject({
      count: int().optional(),
      type: z.enum(ENROLLMENT_TYPE).optional(),
    }).optional(),
  });

  const armGroupSchema = strictObject({
    label: text('armsInterventionsModule.armGroups[].label').optional(),
    type: z.enum(ARM_GROUP_TYPE).optional(),
    description: text('armsInterventionsModule.armGroups[].description').optional(),
    interventionNames: list(str()).optional(),
  });

  const interventionSchema = strictObject({
    type: z.enum(INTERVENTION_TYPE).optional(),
    name: text('armsInterventionsModule.interventions[].name').optional(),
    description: text('armsInterventionsModule.interventions[].description').optional(),
    armGroupLabels: list(str()).optional(),
    otherNames: list(str()).optional(),
  });

  const armsInterventionsModuleSchema = strictObject({
    armGroups: list(armGroupSchema).optional(),
    interventions: list(interventionSchema).optional(),
  });

  function outcome(group: 'primaryOutcomes' | 'secondaryOutcomes' | 'otherOutcomes') {
    return strictObject({
      measure: text(`outcomesModule.${group}[].measure`).optional(),
      description: text(`outcomesModule.${group}[].description`).optional(),
      timeFrame: text(`outcomesModule.${group}[].timeFrame`).optional(),
    });
  }

  const outcomeSchema = outcome('primaryOutcomes');

  const outcomesModuleSchema = strictObject({
    primaryOutcomes: list(outcome('primaryOutcomes')).optional(),
    secondaryOutcomes: list(outcome('secondaryOutcomes')).optional(),
    otherOutcomes: list(outcome('otherOutcomes')).optional(),
  });

  const eligibilityModuleSchema = strictObject({
    eligibilityCriteria: text('eligibilityModule.eligibilityCriteria').optional(),
    healthyVolunteers: bool().optional(),
    sex: z.enum(SEX).optional(),
    genderBased: bool().optional(),
    genderDescription: text('eligibilityModule.genderDescription').optional(),
    minimumAge: age.optional(),
    maximumAge: age.optional(),
    stdAges: list(z.enum(STANDARD_AGE)).optional(),
    studyPopulation: text('eligibilityModule.studyPopulation').optional(),
    samplingMethod: z.enum(SAMPLING_METHOD).optional(),
  });

  const contactSchema = strictObject({
    name: str().optional(),
    role: z.enum(CONTACT_ROLE).optional(),
    phone: str().optional(),
    phoneExt: str().optional(),
    email: str().optional(),
  });

  const contactsLocationsModuleSchema = strictObject({
    centralContacts: list(contactSchema).optional(),
    overallOfficials: list(strictObject({
      name: str().optional(),
      affiliation: text('contactsLocationsModule.overallOfficials[].affiliation').optional(),
      role: z.enum(OFFICIAL_ROLE).optional(),
    })).optional(),
    locations: list(strictObject({
      facility: text('contactsLocationsModule.locations[].facility').optional(),
      status: z.enum(RECRUITMENT_STATUS).optional(),
      city: str().optional(),
      state: str().optional(),
      zip: str().optional(),
      country: str().optional(),
      contacts: list(contactSchema).optional(),
      geoPoint: strictObject({ lat: z.number(), lon: z.number() }).optional(),
    })).optional(),
  });

  const referencesModuleSchema = strictObject({
    references: list(strictObject({
      pmid: str().optional(),
      type: z.enum(REFERENCE_TYPE).optional(),
      citation: str().optional(),
      retractions: list(strictObject({ pmid: str().optional(), source: str().optional() })).optional(),
    })).optional(),
    seeAlsoLinks: list(strictObject({
      label: str().optional(),
      url: text('referencesModule.seeAlsoLinks[].url').optional(),
    })).optional(),
    availIpds: list(strictObject({
      id: str().optional(),
      type: str().optional(),
      url: str().optional(),
      comment: str().optional(),
    })).optional(),
  });

  const ipdSharingStatementModuleSchema = strictObject({
    ipdSharing: z.enum(IPD_SHARING).optional(),
    description: text('ipdSharingStatementModule.description').optional(),
    infoTypes: list(z.enum(IPD_SHARING_INFO_TYPE)).optional(),
    timeFrame: text('ipdSharingStatementModule.timeFrame').optional(),
    accessCriteria: text('ipdSharingStatementModule.accessCriteria').optional(),
    url: text('ipdSharingStatementModule.url').optional(),
  });

  /** API v2 `protocolSection`: the 13 modules of OAS205, strict. */
  const protocolSectionSchema = strictObject({
    identificationModule: identificationModuleSchema.optional(),
    statusModule: statusModuleSchema.optional(),
    sponsorCollaboratorsModule: sponsorCollaboratorsModuleSchema.optional(),
    oversightModule: oversightModuleSchema.optional(),
    descriptionModule: descriptionModuleSchema.optional(),
    conditionsModule: conditionsModuleSchema.optional(),
    designModule: designModuleSchema.optional(),
    armsInterventionsModule: armsInterventionsModuleSchema.optional(),
    outcomesModule: outcomesModuleSchema.optional(),
    eligibilityModule: eligibilityModuleSchema.optional(),
    contactsLocationsModule: contactsLocationsModuleSchema.optional(),
    referencesModule: referencesModuleSchema.optional(),
    ipdSharingStatementModule: ipdSharingStatementModuleSchema.optional(),
  });

  return {
    identificationModuleSchema,
    statusModuleSchema,
    sponsorCollaboratorsModuleSchema,
    oversightModuleSchema,
    descriptionModuleSchema,
    conditionsModuleSchema,
    designModuleSchema,
    armGroupSchema,
    interventionSchema,
    armsInterventionsModuleSchema,
    outcomeSchema,
    outcomesModuleSchema,
    eligibilityModuleSchema,
    contactSchema,
    contactsLocationsModuleSchema,
    referencesModuleSchema,
    ipdSharingStatementModuleSchema,
    protocolSectionSchema,
  };
}

const exportSchemas = buildProtocolSection('raw');

export const {
  identificationModuleSchema,
  statusModuleSchema,
  sponsorCollaboratorsModuleSchema,
  oversightModuleSchema,
  descriptionModuleSchema,
  conditionsModuleSchema,
  designModuleSchema,
  armGroupSchema,
  interventionSchema,
  armsInterventionsModuleSchema,
  outcomeSchema,
  outcomesModuleSchema,
  eligibilityModuleSchema,
  contactSchema,
  contactsLocationsModuleSchema,
  referencesModuleSchema,
  ipdSharingStatementModuleSchema,
  protocolSectionSchema,
} = exportSchemas;

/** protocolSection for reading API output: as `protocolSectionSchema`, but limits count text without markdown escapes. */
export const registryProtocolSectionSchema = buildProtocolSection('unescaped').protocolSectionSchema;

/** What our exporter writes: `{ protocolSection }` and nothing else (never derivedSection, resultsSection, hasResults). */
export const exportRecordSchema = strictObject({ protocolSection: protocolSectionSchema }).meta({
  title: 'ClinicalTrials.gov API v2 study record (protocolSection only)',
  description:
    'A study record as exported from a .trial protocol: the API v2 protocolSection, strict, with the registry enumerations, ' +
    'date and age formats and character limits. CT.gov-computed sections (derivedSection, resultsSection, hasResults, ...) are not allowed.',
});

const anySection = z.record(z.string(), z.unknown());

/** For reading real API v2 records: protocolSection checked strictly, the other sections passed through unchecked. */
export const registryStudySchema = z.looseObject({
  protocolSection: registryProtocolSectionSchema,
  resultsSection: anySection.optional(),
  annotationSection: anySection.optional(),
  documentSection: anySection.optional(),
  derivedSection: anySection.optional(),
  hasResults: z.boolean().optional(),
});

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type ProtocolSection = z.infer<typeof protocolSectionSchema>;
export type IdentificationModule = z.infer<typeof identificationModuleSchema>;
export type StatusModule = z.infer<typeof statusModuleSchema>;
export type SponsorCollaboratorsModule = z.infer<typeof sponsorCollaboratorsModuleSchema>;
export type OversightModule = z.infer<typeof oversightModuleSchema>;
export type DescriptionModule = z.infer<typeof descriptionModuleSchema>;
export type ConditionsModule = z.infer<typeof conditionsModuleSchema>;
export type DesignModule = z.infer<typeof designModuleSchema>;
export type ArmsInterventionsModule = z.infer<typeof armsInterventionsModuleSchema>;
export type ArmGroup = z.infer<typeof armGroupSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type OutcomesModule = z.infer<typeof outcomesModuleSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type EligibilityModule = z.infer<typeof eligibilityModuleSchema>;
export type ContactsLocationsModule = z.infer<typeof contactsLocationsModuleSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ReferencesModule = z.infer<typeof referencesModuleSchema>;
export type IpdSharingStatementModule = z.infer<typeof ipdSharingStatementModuleSchema>;
export type ExportRecord = z.infer<typeof exportRecordSchema>;
export type RegistryStudy = z.infer<typeof registryStudySchema>;

// ---------------------------------------------------------------------------
// Validation with readable issues
// ---------------------------------------------------------------------------

export interface RecordIssue {
  /** JSON path, e.g. `protocolSection.armsInterventionsModule.armGroups[1].label`. */
  readonly path: string;
  /** The same path as segments. */
  readonly segments: readonly (string | number)[];
  /** The zod issue code (`too_big`, `invalid_value`, `unrecognized_keys`, `invalid_format`, `invalid_type`, ...). */
  readonly code: string;
  /** Readable message, e.g. `armGroups[1].label is 104 characters; the registry allows 100`. */
  readonly message: string;
  /** For a character-limit issue: the limit and its source. */
  readonly limit?: TextLimit;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: RecordIssue[] };

/** `["protocolSection","armGroups",1,"label"]` → `protocolSection.armGroups[1].label`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The name a message uses for a field: the path without `protocolSection.` and the module name. */
function subjectOf(segments: readonly PropertyKey[]): string {
  let rest = [...segments];
  if (rest[0] === 'protocolSection' && rest.length > 1) rest = rest.slice(1);
  if (typeof rest[0] === 'string' && rest[0].endsWith('Module') && rest.length > 1) rest = rest.slice(1);
  return rest.length === 0 ? 'the record' : formatPath(rest);
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'number' ? 'the number' : typeof v === 'boolean' ? 'the boolean' : typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list',
};

const NOT_EXPORTED_SECTIONS: Record<string, string> = {
  derivedSection: 'it is computed by ClinicalTrials.gov',
  resultsSection: 'results are submitted separately, not with the protocol',
  annotationSection: 'it is maintained by ClinicalTrials.gov',
  documentSection: 'documents are uploaded separately',
  hasResults: 'it is set by ClinicalTrials.gov',
};

const normalise = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

function enumSuggestion(input: unknown, values: readonly unknown[]): string {
  if (typeof input !== 'string') return '';
  const n = normalise(input === 'N/A' ? 'NA' : input);
  const hit = values.find((v) => typeof v === 'string' && normalise(v) === n);
  return hit !== undefined ? ` (did you mean "${String(hit)}"?)` : '';
}

function toIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): RecordIssue[] {
  const out: RecordIssue[] = [];
  const push = (segments: PropertyKey[], code: string, message: string, limit?: TextLimit) =>
    out.push({
      path: formatPath(segments),
      segments: segments.map((s) => (typeof s === 'number' ? s : String(s))),
      code,
      message,
      ...(limit ? { limit } : {}),
    });

  for (const iss of zodIssues) {
    const segs = [...iss.path];
    const subject = subjectOf(segs);
    const value = valueAt(input, segs);
    switch (iss.code) {
      case 'unrecognized_keys':
        for (const key of iss.keys) {
          const at = [...segs, key];
          if (segs.length === 0 && NOT_EXPORTED_SECTIONS[key]) {
            push(at, iss.code, `${key} must not be in an exported record: ${NOT_EXPORTED_SECTIONS[key]}; export only protocolSection`);
          } else {
            push(at, iss.code, `${subjectOf(at)} is not a field of ${segs.length === 0 ? 'the record' : formatPath(segs)} in the ClinicalTrials.gov API v2 format`);
          }
        }
        break;
      case 'too_big':
        if (iss.origin === 'string' && typeof value === 'string') {
          const limit = textLimitFor(segs.map((s) => (typeof s === 'number' ? s : String(s))));
          push(segs, iss.code, `${subject} is ${value.length} characters; the registry allows ${String(iss.maximum)}`, limit);
        } else {
          push(segs, iss.code, `${subject} is too large: at most ${String(iss.maximum)} allowed`);
        }
        break;
      case 'invalid_value':
        push(segs, iss.code,
          `${subject} is ${JSON.stringify(value)}; expected one of ${iss.values.map(String).join(', ')}${enumSuggestion(value, iss.values)}`);
        break;
      case 'invalid_type':
        if (value === undefined) push(segs, iss.code, `${subject} is missing`);
        else push(segs, iss.code, `${subject} must be ${TYPE_WORDS[iss.expected] ?? iss.expected}, not ${describeValue(value)}`);
        break;
      case 'invalid_format':
        // Our format checks return a phrase ("is "2021-13", which is not a real date ...").
        push(segs, iss.code, iss.message.startsWith('is ') ? `${subject} ${iss.message}` : `${subject}: ${iss.message}`);
        break;
      default: {
        const limit = iss.code === 'custom' ? textLimitFor(segs.map((s) => (typeof s === 'number' ? s : String(s)))) : undefined;
        push(segs, iss.code, iss.message.startsWith('is ') ? `${subject} ${iss.message}` : `${subject}: ${iss.message}`, limit);
      }
    }
  }
  return out;
}

/** Read off `exportRecordSchema` on first use (false: the schema has a part the checker does not read). */
let exportRecordChecker: Checker | false | undefined;

/**
 * Checks a record our exporter is about to write. Returns the typed record, or the
 * issues with JSON paths and readable messages.
 */
export function validateExportRecord(x: unknown): ValidationResult<ExportRecord> {
  // The yes/no checker first (no copy of the record); zod for the issues when it says no.
  exportRecordChecker ??= compileChecker(exportRecordSchema) ?? false;
  if (exportRecordChecker && exportRecordChecker(x)) return { ok: true, value: x as ExportRecord };
  const r = exportRecordSchema.safeParse(x);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(r.error.issues, x) };
}

/** Checks a real API v2 study record (as read by the importer): protocolSection strict, other sections unchecked. */
export function validateRegistryStudy(x: unknown): ValidationResult<RegistryStudy> {
  const r = registryStudySchema.safeParse(x);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(r.error.issues, x) };
}

/**
 * The study object of a downloaded file: a bare study, or the single study of a
 * `{ "studies": [ ... ] }` page (API `/studies` response / CT.gov download).
 */
export function unwrapStudy(json: unknown): unknown {
  if (json && typeof json === 'object' && !Array.isArray(json) && !('protocolSection' in json)) {
    const studies = (json as { studies?: unknown }).studies;
    if (Array.isArray(studies) && studies.length === 1) return studies[0];
  }
  return json;
}

/**
 * Keys found in real downloaded records (shared/registry-records) that are not in the API v2
 * spec (OAS205 2.0.5), so the strict schema rejects them:
 * - `contactsLocationsModule.locations_nested`: NCT02513394, NCT05843643, NCT05887817, NCT05914155;
 *   in each an exact copy of `locations`.
 * - `armsInterventionsModule.interventions[].interventionMappedName`: NCT05843643, NCT05914155;
 *   always an empty list there.
 */
export const KNOWN_NON_API_FIELDS = [
  'protocolSection.contactsLocationsModule.locations_nested',
  'protocolSection.armsInterventionsModule.interventions[].interventionMappedName',
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Explicit, opt-in clean-up for the importer: returns a copy of `study` without the
 * known non-API fields when they carry no information of their own (`locations_nested`
 * only when it deep-equals `locations`; `interventionMappedName` only when it is an empty
 * list), and the JSON paths removed. Anything else is left for the strict schema to report.
 * The input is not modified.
 */
export function removeKnownNonApiFields(study: unknown): { study: unknown; removed: string[] } {
  if (!isRecord(study) || !isRecord(study['protocolSection'])) return { study, removed: [] };
  const removed: string[] = [];
  const ps: Record<string, unknown> = { ...study['protocolSection'] };

  const cl = ps['contactsLocationsModule'];
  if (isRecord(cl) && 'locations_nested' in cl) {
    const { locations_nested: nested, ...rest } = cl;
    if (JSON.stringify(nested) === JSON.stringify(rest['locations'])) {
      ps['contactsLocationsModule'] = rest;
      removed.push('protocolSection.contactsLocationsModule.locations_nested');
    }
  }

  const ai = ps['armsInterventionsModule'];
  if (isRecord(ai) && Array.isArray(ai['interventions'])) {
    let changed = false;
    const interventions = ai['interventions'].map((iv: unknown, i: number) => {
      if (isRecord(iv) && Array.isArray(iv['interventionMappedName']) && iv['interventionMappedName'].length === 0) {
        const { interventionMappedName: _dropped, ...rest } = iv;
        removed.push(`protocolSection.armsInterventionsModule.interventions[${i}].interventionMappedName`);
        changed = true;
        return rest;
      }
      return iv;
    });
    if (changed) ps['armsInterventionsModule'] = { ...ai, interventions };
  }

  return removed.length === 0 ? { study, removed } : { study: { ...study, protocolSection: ps }, removed };
}
