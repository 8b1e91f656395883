/**
 * ClinicalTrials.gov API v2 enumerations (protocolSection only).
 *
 * Values: the official REST API OpenAPI spec, version 2.0.5 (source id OAS205 in
 * shared/reference/registry-format.md §0/§3). Order follows the spec.
 *
 * Meanings: one plain-English sentence per value, written for a protocol writer
 * (used for editor hover). Where the registry's own data element definitions say
 * what a value means (DEFS, quoted via CG; or PRSXSD comments) the sentence follows
 * them and `ENUM_VALUE_SOURCES` names the source; the rest are neutral descriptions
 * of the API value name and carry no source.
 *
 * Pure core: no vscode/LSP imports.
 */

// ---------------------------------------------------------------------------
// Value lists
// ---------------------------------------------------------------------------

export const STATUS = [
  'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'ENROLLING_BY_INVITATION', 'NOT_YET_RECRUITING', 'RECRUITING',
  'SUSPENDED', 'TERMINATED', 'WITHDRAWN', 'AVAILABLE', 'NO_LONGER_AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING', 'WITHHELD', 'UNKNOWN',
] as const;
export type Status = (typeof STATUS)[number];

export const RECRUITMENT_STATUS = [
  'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'ENROLLING_BY_INVITATION', 'NOT_YET_RECRUITING', 'RECRUITING',
  'SUSPENDED', 'TERMINATED', 'WITHDRAWN', 'AVAILABLE',
] as const;
export type RecruitmentStatus = (typeof RECRUITMENT_STATUS)[number];

export const EXPANDED_ACCESS_STATUS = [
  'AVAILABLE', 'NO_LONGER_AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE', 'APPROVED_FOR_MARKETING',
] as const;
export type ExpandedAccessStatus = (typeof EXPANDED_ACCESS_STATUS)[number];

export const STUDY_TYPE = ['EXPANDED_ACCESS', 'INTERVENTIONAL', 'OBSERVATIONAL'] as const;
export type StudyType = (typeof STUDY_TYPE)[number];

export const PHASE = ['NA', 'EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;
export type Phase = (typeof PHASE)[number];

export const DESIGN_ALLOCATION = ['RANDOMIZED', 'NON_RANDOMIZED', 'NA'] as const;
export type DesignAllocation = (typeof DESIGN_ALLOCATION)[number];

export const INTERVENTIONAL_ASSIGNMENT = ['SINGLE_GROUP', 'PARALLEL', 'CROSSOVER', 'FACTORIAL', 'SEQUENTIAL'] as const;
export type InterventionalAssignment = (typeof INTERVENTIONAL_ASSIGNMENT)[number];

export const PRIMARY_PURPOSE = [
  'TREATMENT', 'PREVENTION', 'DIAGNOSTIC', 'ECT', 'SUPPORTIVE_CARE', 'SCREENING', 'HEALTH_SERVICES_RESEARCH',
  'BASIC_SCIENCE', 'DEVICE_FEASIBILITY', 'OTHER',
] as const;
export type PrimaryPurpose = (typeof PRIMARY_PURPOSE)[number];

export const DESIGN_MASKING = ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'] as const;
export type DesignMasking = (typeof DESIGN_MASKING)[number];

export const WHO_MASKED = ['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR'] as const;
export type WhoMasked = (typeof WHO_MASKED)[number];

export const OBSERVATIONAL_MODEL = [
  'COHORT', 'CASE_CONTROL', 'CASE_ONLY', 'CASE_CROSSOVER', 'ECOLOGIC_OR_COMMUNITY', 'FAMILY_BASED',
  'DEFINED_POPULATION', 'NATURAL_HISTORY', 'OTHER',
] as const;
export type ObservationalModel = (typeof OBSERVATIONAL_MODEL)[number];

export const DESIGN_TIME_PERSPECTIVE = ['RETROSPECTIVE', 'PROSPECTIVE', 'CROSS_SECTIONAL', 'OTHER'] as const;
export type DesignTimePerspective = (typeof DESIGN_TIME_PERSPECTIVE)[number];

export const BIO_SPEC_RETENTION = ['NONE_RETAINED', 'SAMPLES_WITH_DNA', 'SAMPLES_WITHOUT_DNA'] as const;
export type BioSpecRetention = (typeof BIO_SPEC_RETENTION)[number];

export const ENROLLMENT_TYPE = ['ACTUAL', 'ESTIMATED'] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPE)[number];

export const DATE_TYPE = ['ACTUAL', 'ESTIMATED'] as const;
export type DateType = (typeof DATE_TYPE)[number];

export const ARM_GROUP_TYPE = [
  'EXPERIMENTAL', 'ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION', 'OTHER',
] as const;
export type ArmGroupType = (typeof ARM_GROUP_TYPE)[number];

export const INTERVENTION_TYPE = [
  'BEHAVIORAL', 'BIOLOGICAL', 'COMBINATION_PRODUCT', 'DEVICE', 'DIAGNOSTIC_TEST', 'DIETARY_SUPPLEMENT', 'DRUG',
  'GENETIC', 'PROCEDURE', 'RADIATION', 'OTHER',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPE)[number];

export const SEX = ['FEMALE', 'MALE', 'ALL'] as const;
export type Sex = (typeof SEX)[number];

export const STANDARD_AGE = ['CHILD', 'ADULT', 'OLDER_ADULT'] as const;
export type StandardAge = (typeof STANDARD_AGE)[number];

export const SAMPLING_METHOD = ['PROBABILITY_SAMPLE', 'NON_PROBABILITY_SAMPLE'] as const;
export type SamplingMethod = (typeof SAMPLING_METHOD)[number];

export const RESPONSIBLE_PARTY_TYPE = ['SPONSOR', 'PRINCIPAL_INVESTIGATOR', 'SPONSOR_INVESTIGATOR'] as const;
export type ResponsiblePartyType = (typeof RESPONSIBLE_PARTY_TYPE)[number];

export const AGENCY_CLASS = [
  'NIH', 'FED', 'OTHER_GOV', 'INDIV', 'INDUSTRY', 'NETWORK', 'AMBIG', 'OTHER', 'UNKNOWN',
] as const;
export type AgencyClass = (typeof AGENCY_CLASS)[number];

export const ORG_STUDY_ID_TYPE = ['NIH', 'FDA', 'VA', 'CDC', 'AHRQ', 'SAMHSA'] as const;
export type OrgStudyIdType = (typeof ORG_STUDY_ID_TYPE)[number];

export const SECONDARY_ID_TYPE = [
  'NIH', 'FDA', 'VA', 'CDC', 'AHRQ', 'SAMHSA', 'OTHER_GRANT', 'EUDRACT_NUMBER', 'CTIS', 'REGISTRY', 'OTHER',
] as const;
export type SecondaryIdType = (typeof SECONDARY_ID_TYPE)[number];

export const CONTACT_ROLE = [
  'STUDY_CHAIR', 'STUDY_DIRECTOR', 'PRINCIPAL_INVESTIGATOR', 'SUB_INVESTIGATOR', 'CONTACT',
] as const;
export type ContactRole = (typeof CONTACT_ROLE)[number];

export const OFFICIAL_ROLE = ['STUDY_CHAIR', 'STUDY_DIRECTOR', 'PRINCIPAL_INVESTIGATOR', 'SUB_INVESTIGATOR'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLE)[number];

export const REFERENCE_TYPE = ['BACKGROUND', 'RESULT', 'DERIVED'] as const;
export type ReferenceType = (typeof REFERENCE_TYPE)[number];

export const IPD_SHARING = ['YES', 'NO', 'UNDECIDED'] as const;
export type IpdSharing = (typeof IPD_SHARING)[number];

export const IPD_SHARING_INFO_TYPE = ['STUDY_PROTOCOL', 'SAP', 'ICF', 'CSR', 'ANALYTIC_CODE'] as const;
export type IpdSharingInfoType = (typeof IPD_SHARING_INFO_TYPE)[number];

/** Every enumeration, by its OAS205 component name. */
export const ENUMS = {
  Status: STATUS,
  RecruitmentStatus: RECRUITMENT_STATUS,
  ExpandedAccessStatus: EXPANDED_ACCESS_STATUS,
  StudyType: STUDY_TYPE,
  Phase: PHASE,
  DesignAllocation: DESIGN_ALLOCATION,
  InterventionalAssignment: INTERVENTIONAL_ASSIGNMENT,
  PrimaryPurpose: PRIMARY_PURPOSE,
  DesignMasking: DESIGN_MASKING,
  WhoMasked: WHO_MASKED,
  ObservationalModel: OBSERVATIONAL_MODEL,
  DesignTimePerspective: DESIGN_TIME_PERSPECTIVE,
  BioSpecRetention: BIO_SPEC_RETENTION,
  EnrollmentType: ENROLLMENT_TYPE,
  DateType: DATE_TYPE,
  ArmGroupType: ARM_GROUP_TYPE,
  InterventionType: INTERVENTION_TYPE,
  Sex: SEX,
  StandardAge: STANDARD_AGE,
  SamplingMethod: SAMPLING_METHOD,
  ResponsiblePartyType: RESPONSIBLE_PARTY_TYPE,
  AgencyClass: AGENCY_CLASS,
  OrgStudyIdType: ORG_STUDY_ID_TYPE,
  SecondaryIdType: SECONDARY_ID_TYPE,
  ContactRole: CONTACT_ROLE,
  OfficialRole: OFFICIAL_ROLE,
  ReferenceType: REFERENCE_TYPE,
  IpdSharing: IPD_SHARING,
  IpdSharingInfoType: IPD_SHARING_INFO_TYPE,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][number];

// ---------------------------------------------------------------------------
// Meanings
// ---------------------------------------------------------------------------

/** Shared sentences for the study / site recruitment statuses. */
const RECRUITMENT_MEANINGS = {
  ACTIVE_NOT_RECRUITING:
    'The study is ongoing (participants are receiving an intervention or being examined) but is not recruiting new participants.',
  COMPLETED: 'The study has ended normally and participants are no longer being examined or treated.',
  ENROLLING_BY_INVITATION: 'The study is enrolling participants who are selected and invited; it is not open to everyone who meets the eligibility criteria.',
  NOT_YET_RECRUITING: 'The study has not started recruiting participants.',
  RECRUITING: 'The study is currently recruiting participants.',
  SUSPENDED: 'The study has stopped early but may start again.',
  TERMINATED: 'The study has stopped early and will not start again; participants are no longer being examined or treated.',
  WITHDRAWN: 'The study halted prematurely, prior to enrollment of the first participant.',
  AVAILABLE: 'Expanded access is currently available for this investigational treatment, and patients who are not participants in a clinical study may be able to gain access to it.',
} as const satisfies Record<RecruitmentStatus, string>;

const EXPANDED_ACCESS_MEANINGS = {
  AVAILABLE: RECRUITMENT_MEANINGS.AVAILABLE,
  NO_LONGER_AVAILABLE: 'Expanded access was available for this treatment previously but is not currently available and will not be available in the future.',
  TEMPORARILY_NOT_AVAILABLE: 'Expanded access was available for this treatment previously but is not available now; it may become available again.',
  APPROVED_FOR_MARKETING: 'The treatment has been approved for sale to the public, so expanded access is no longer needed.',
} as const satisfies Record<ExpandedAccessStatus, string>;

/** Plain-English meaning of every value of every enumeration. */
export const ENUM_MEANINGS: { readonly [N in EnumName]: Readonly<Record<EnumValue<N>, string>> } = {
  Status: {
    ...RECRUITMENT_MEANINGS,
    NO_LONGER_AVAILABLE: EXPANDED_ACCESS_MEANINGS.NO_LONGER_AVAILABLE,
    TEMPORARILY_NOT_AVAILABLE: EXPANDED_ACCESS_MEANINGS.TEMPORARILY_NOT_AVAILABLE,
    APPROVED_FOR_MARKETING: EXPANDED_ACCESS_MEANINGS.APPROVED_FOR_MARKETING,
    WITHHELD: 'The registry withholds the status of this expanded-access record from public display; a protocol writer does not choose this value.',
    UNKNOWN: 'Set by ClinicalTrials.gov when a study whose status was recruiting, not yet recruiting or active has passed its completion date and the status has not been verified within the past two years; not chosen by the protocol writer.',
  },
  RecruitmentStatus: RECRUITMENT_MEANINGS,
  ExpandedAccessStatus: EXPANDED_ACCESS_MEANINGS,
  StudyType: {
    EXPANDED_ACCESS: 'A record describing how patients who cannot join a clinical trial may obtain an investigational drug, biologic or device outside a trial.',
    INTERVENTIONAL: 'A clinical trial: participants are assigned by the investigator, according to a protocol, to receive one or more interventions (or no intervention) so that their effects can be evaluated.',
    OBSERVATIONAL: 'A study in which participants are observed and outcomes measured, but the investigator does not assign any intervention.',
  },
  Phase: {
    NA: 'Not applicable: a trial without phases, for example a study of a device or a behavioral intervention.',
    EARLY_PHASE1: 'Early Phase 1 (formerly "Phase 0"): an exploratory first-in-human trial with very limited human exposure and no therapeutic or diagnostic intent.',
    PHASE1: 'Phase 1: usually the first trials in people, in a small number of participants, mainly to assess safety and how the drug is handled by the body.',
    PHASE2: 'Phase 2: trials that gather preliminary evidence of effectiveness and further safety data, usually in participants with the condition.',
    PHASE3: 'Phase 3: larger trials that confirm effectiveness, monitor side effects and compare with other treatments.',
    PHASE4: 'Phase 4: trials run after the product is approved for marketing, to learn more about its effects in wider use.',
  },
  DesignAllocation: {
    RANDOMIZED: 'Participants are assigned to arms by chance.',
    NON_RANDOMIZED: 'Participants are assigned to arms deliberately (for example by the investigator or by participant choice), not by chance.',
    NA: 'Not applicable: the study has a single arm, so there is no allocation between arms.',
  },
  InterventionalAssignment: {
    SINGLE_GROUP: 'All participants receive the same intervention(s) in one group (a single-arm study).',
    PARALLEL: 'Participants are assigned to one of two or more groups and stay in that group for the whole study.',
    CROSSOVER: 'Participants receive each of two or more interventions in sequence, switching from one to the next during the study.',
    FACTORIAL: 'Two or more interventions are evaluated at once, each alone and in combination, with participants assigned to combinations.',
    SEQUENTIAL: 'Groups of participants are assigned in sequence, for example successive cohorts receiving increasing doses.',
  },
  PrimaryPurpose: {
    TREATMENT: 'The main reason for the study is to evaluate treatments for a disease, syndrome or condition.',
    PREVENTION: 'The main reason for the study is to find better ways to prevent a disease or condition, or to reduce its risk.',
    DIAGNOSTIC: 'The main reason for the study is to evaluate ways to identify or diagnose a disease or condition.',
    ECT: 'Early clinical testing, a legacy primary purpose kept for older records; not offered for new registrations.',
    SUPPORTIVE_CARE: 'The main reason for the study is to maximize comfort, minimize side effects or lessen a decline in health, rather than to cure the disease.',
    SCREENING: 'The main reason for the study is to evaluate ways of detecting a disease or condition in people who have no signs or symptoms of it.',
    HEALTH_SERVICES_RESEARCH: 'The main reason for the study is to evaluate how health care is delivered, organized, used or paid for.',
    BASIC_SCIENCE: 'The main reason for the study is to examine the basic mechanism of action, for example the physiology or biomechanics of an intervention.',
    DEVICE_FEASIBILITY: 'An early study of a device, in a small number of participants, to evaluate its initial safety and function and guide design changes.',
    OTHER: 'The main reason for the study is none of the listed purposes.',
  },
  DesignMasking: {
    NONE: 'No masking: the study is open label and everyone knows which intervention each participant receives.',
    SINGLE: 'One of the four parties (participant, care provider, investigator, outcomes assessor) does not know which intervention each participant receives.',
    DOUBLE: 'Two of the four parties (participant, care provider, investigator, outcomes assessor) do not know which intervention each participant receives.',
    TRIPLE: 'Three of the four parties (participant, care provider, investigator, outcomes assessor) do not know which intervention each participant receives.',
    QUADRUPLE: 'All four parties (participant, care provider, investigator, outcomes assessor) do not know which intervention each participant receives.',
  },
  WhoMasked: {
    PARTICIPANT: 'The participants (in PRS XML, "subject") do not know which intervention they receive.',
    CARE_PROVIDER: 'The people giving care to participants (in PRS XML, "caregiver") do not know which intervention each participant receives.',
    INVESTIGATOR: 'The investigators do not know which intervention each participant receives.',
    OUTCOMES_ASSESSOR: 'The people who assess the outcomes do not know which intervention each participant receives.',
  },
  ObservationalModel: {
    COHORT: 'A group of people sharing a characteristic (such as exposure or a condition) is followed over time.',
    CASE_CONTROL: 'People with the condition (cases) are compared with similar people without it (controls).',
    CASE_ONLY: 'Only people with the condition or exposure are studied, without a comparison group.',
    CASE_CROSSOVER: 'Each case serves as their own control: exposure just before the event is compared with exposure at other times in the same person.',
    ECOLOGIC_OR_COMMUNITY: 'Groups or communities, rather than individuals, are the units studied.',
    FAMILY_BASED: 'Families are studied, for example relatives of people with a condition, often for genetic analysis.',
    DEFINED_POPULATION: 'A population defined in advance by a shared characteristic (such as place of residence) is studied as a whole.',
    NATURAL_HISTORY: 'The course of a disease is observed over time in people who have it, without intervention.',
    OTHER: 'An observational model other than those listed.',
  },
  DesignTimePerspective: {
    RETROSPECTIVE: 'The study looks back at events or data that occurred before the study began.',
    PROSPECTIVE: 'Participants are followed forward in time from the start of the study.',
    CROSS_SECTIONAL: 'Data are collected at a single point in time.',
    OTHER: 'A time perspective other than those listed.',
  },
  BioSpecRetention: {
    NONE_RETAINED: 'No biospecimens are kept after the study\'s tests are done.',
    SAMPLES_WITH_DNA: 'Biospecimens that contain DNA (for example whole blood or tissue) are retained.',
    SAMPLES_WITHOUT_DNA: 'Only biospecimens without DNA (for example cell-free fluids such as serum) are retained.',
  },
  EnrollmentType: {
    ACTUAL: 'The number of participants actually enrolled (used once enrollment has ended).',
    ESTIMATED: 'The number of participants the study expects to enroll (used while recruitment is planned or ongoing; "Anticipated" in PRS XML).',
  },
  DateType: {
    ACTUAL: 'The date on which the event actually happened.',
    ESTIMATED: 'The date on which the event is expected to happen ("Anticipated" in PRS XML); change it to the actual date once reached.',
  },
  ArmGroupType: {
    EXPERIMENTAL: 'The arm receives the intervention(s) being studied.',
    ACTIVE_COMPARATOR: 'The arm receives an intervention already considered effective, used for comparison.',
    PLACEBO_COMPARATOR: 'The arm receives a placebo, used for comparison.',
    SHAM_COMPARATOR: 'The arm receives a sham procedure or device that imitates the real one without its active part, used for comparison.',
    NO_INTERVENTION: 'The arm receives no intervention during the study; it carries no intervention names.',
    OTHER: 'An arm that fits none of the other types.',
  },
  InterventionType: {
    BEHAVIORAL: 'A behavioral intervention, for example psychotherapy, lifestyle counselling or a diet.',
    BIOLOGICAL: 'A biological product or vaccine, for example a vaccine, blood product, gene therapy or monoclonal antibody.',
    COMBINATION_PRODUCT: 'A product combining a drug, device and/or biological product in one (for example a drug-eluting stent).',
    DEVICE: 'A medical device, including a sham device.',
    DIAGNOSTIC_TEST: 'A diagnostic test, for example imaging or an in-vitro diagnostic.',
    DIETARY_SUPPLEMENT: 'A dietary supplement, for example vitamins or minerals.',
    DRUG: 'A drug, including placebo.',
    GENETIC: 'A genetic intervention, for example gene transfer, stem cell or recombinant DNA.',
    PROCEDURE: 'A procedure or surgery, for example a surgical or other invasive procedure.',
    RADIATION: 'Radiation, for example radiotherapy.',
    OTHER: 'An intervention that fits none of the other types.',
  },
  Sex: {
    FEMALE: 'Only female participants are eligible.',
    MALE: 'Only male participants are eligible.',
    ALL: 'Participants of any sex are eligible ("Both" in older records).',
  },
  StandardAge: {
    CHILD: 'Child: from birth to 17 years; ClinicalTrials.gov derives this from the minimum and maximum ages.',
    ADULT: 'Adult: 18 to 64 years; ClinicalTrials.gov derives this from the minimum and maximum ages.',
    OLDER_ADULT: 'Older adult: 65 years and over; ClinicalTrials.gov derives this from the minimum and maximum ages.',
  },
  SamplingMethod: {
    PROBABILITY_SAMPLE: 'Participants are selected at random from the population, so every member has a known chance of being chosen.',
    NON_PROBABILITY_SAMPLE: 'Participants are selected by a non-random method, for example consecutive patients at a clinic.',
  },
  ResponsiblePartyType: {
    SPONSOR: 'The sponsor is responsible for registering the study and submitting its results.',
    PRINCIPAL_INVESTIGATOR: 'A principal investigator designated by the sponsor is responsible for registering the study and submitting its results.',
    SPONSOR_INVESTIGATOR: 'The person who both starts and conducts the study (a sponsor-investigator) is responsible for registering it and submitting its results.',
  },
  AgencyClass: {
    NIH: 'The U.S. National Institutes of Health.',
    FED: 'A U.S. federal agency other than the NIH.',
    OTHER_GOV: 'A government agency other than a U.S. federal agency (for example a state, local or non-U.S. government).',
    INDIV: 'An individual person rather than an organization.',
    INDUSTRY: 'A company, for example a pharmaceutical or device manufacturer.',
    NETWORK: 'A network or cooperative group of sites or investigators.',
    AMBIG: 'The organization\'s class could not be determined unambiguously (assigned by ClinicalTrials.gov).',
    OTHER: 'Any other organization, for example a university, hospital or foundation.',
    UNKNOWN: 'The organization\'s class is not known.',
  },
  OrgStudyIdType: {
    NIH: 'The Unique Protocol ID is a U.S. National Institutes of Health grant number.',
    FDA: 'The Unique Protocol ID is a U.S. Food and Drug Administration identifier.',
    VA: 'The Unique Protocol ID is a U.S. Department of Veterans Affairs identifier.',
    CDC: 'The Unique Protocol ID is a U.S. Centers for Disease Control and Prevention identifier.',
    AHRQ: 'The Unique Protocol ID is a U.S. Agency for Healthcare Research and Quality identifier.',
    SAMHSA: 'The Unique Protocol ID is a U.S. Substance Abuse and Mental Health Services Administration identifier.',
  },
  SecondaryIdType: {
    NIH: 'A U.S. National Institutes of Health grant or contract number ("NIH Grant Number" in PRS XML).',
    FDA: 'A U.S. Food and Drug Administration identifier.',
    VA: 'A U.S. Department of Veterans Affairs identifier.',
    CDC: 'A U.S. Centers for Disease Control and Prevention identifier.',
    AHRQ: 'A U.S. Agency for Healthcare Research and Quality identifier.',
    SAMHSA: 'A U.S. Substance Abuse and Mental Health Services Administration identifier.',
    OTHER_GRANT: 'A grant or funding number from another funder ("Other Grant/Funding Number" in PRS XML).',
    EUDRACT_NUMBER: 'A European Union Drug Regulating Authorities Clinical Trials (EudraCT) number.',
    CTIS: 'A European Union trial number from the Clinical Trials Information System ("EU Trial (CTIS) Number" in PRS XML).',
    REGISTRY: 'An identifier given by another trial registry ("Registry Identifier" in PRS XML).',
    OTHER: 'Any other identifier ("Other Identifier" in PRS XML).',
  },
  ContactRole: {
    STUDY_CHAIR: 'The contact chairs the study.',
    STUDY_DIRECTOR: 'The contact directs the study.',
    PRINCIPAL_INVESTIGATOR: 'The contact is a principal investigator of the study.',
    SUB_INVESTIGATOR: 'The contact is a sub-investigator at a site.',
    CONTACT: 'The person to contact for information about the study or about enrolling.',
  },
  OfficialRole: {
    STUDY_CHAIR: 'The official chairs the study.',
    STUDY_DIRECTOR: 'The official directs the study.',
    PRINCIPAL_INVESTIGATOR: 'The official is the principal investigator, responsible for the scientific conduct of the study.',
    SUB_INVESTIGATOR: 'The official is a sub-investigator.',
  },
  ReferenceType: {
    BACKGROUND: 'A publication that gives background to the study.',
    RESULT: 'A publication that reports results of this study ("is_results_ref" in PRS XML).',
    DERIVED: 'A publication that ClinicalTrials.gov linked to the study automatically, by matching its NCT number in PubMed.',
  },
  IpdSharing: {
    YES: 'Individual participant data will be shared with other researchers.',
    NO: 'Individual participant data will not be shared.',
    UNDECIDED: 'Whether individual participant data will be shared has not been decided.',
  },
  IpdSharingInfoType: {
    STUDY_PROTOCOL: 'The study protocol will be shared along with the individual participant data.',
    SAP: 'The statistical analysis plan will be shared along with the individual participant data.',
    ICF: 'The informed consent form will be shared along with the individual participant data.',
    CSR: 'The clinical study report will be shared along with the individual participant data.',
    ANALYTIC_CODE: 'The analytic code will be shared along with the individual participant data.',
  },
};

/**
 * Values whose meaning sentence follows an official definition. Keys: `Enum.VALUE`.
 * Source ids as in shared/reference/registry-format.md §0.
 */
export const ENUM_VALUE_SOURCES: Readonly<Record<string, string>> = {
  'Status.WITHDRAWN': 'CG (DEFS text)',
  'RecruitmentStatus.WITHDRAWN': 'CG (DEFS text)',
  'Phase.NA': 'CG (DEFS text)',
  'Phase.EARLY_PHASE1': 'CG (DEFS text); PRSXSD',
  'InterventionType.DRUG': 'CG (DEFS text)',
  'InterventionType.DEVICE': 'CG (DEFS text)',
  'InterventionType.BIOLOGICAL': 'CG (DEFS text)',
  'InterventionType.PROCEDURE': 'CG (DEFS text)',
  'WhoMasked.PARTICIPANT': 'PRSXSD',
  'WhoMasked.CARE_PROVIDER': 'PRSXSD',
  'Sex.ALL': 'PRSXSD',
  'EnrollmentType.ESTIMATED': 'PRSXSD',
  'DateType.ESTIMATED': 'PRSXSD; CG (DEFS text)',
  'SecondaryIdType.NIH': 'PRSXSD',
  'SecondaryIdType.OTHER_GRANT': 'PRSXSD',
  'SecondaryIdType.CTIS': 'PRSXSD',
  'SecondaryIdType.REGISTRY': 'PRSXSD',
  'SecondaryIdType.OTHER': 'PRSXSD',
  'ReferenceType.RESULT': 'PRSXSD',
  'ArmGroupType.NO_INTERVENTION': 'empirical (§4)',
};

// ---------------------------------------------------------------------------
// Intervention display prefixes
// ---------------------------------------------------------------------------

/**
 * The display prefix ClinicalTrials.gov puts before an intervention's name in an arm's
 * `interventionNames` entry: `"<prefix>: <intervention name>"`, e.g. `"Drug: Placebo"`
 * (registry-format.md §2, empirical over 479 records).
 */
export const INTERVENTION_TYPE_PREFIX: Readonly<Record<InterventionType, string>> = {
  BEHAVIORAL: 'Behavioral',
  BIOLOGICAL: 'Biological',
  COMBINATION_PRODUCT: 'Combination Product',
  DEVICE: 'Device',
  DIAGNOSTIC_TEST: 'Diagnostic Test',
  DIETARY_SUPPLEMENT: 'Dietary Supplement',
  DRUG: 'Drug',
  GENETIC: 'Genetic',
  PROCEDURE: 'Procedure',
  RADIATION: 'Radiation',
  OTHER: 'Other',
};

/** `"Drug: Placebo"` for an intervention of type DRUG named "Placebo". */
export function armInterventionName(type: InterventionType, name: string): string {
  return `${INTERVENTION_TYPE_PREFIX[type]}: ${name}`;
}

/**
 * Splits an arm `interventionNames` entry into its type and intervention name, or
 * returns undefined when it does not start with a known prefix followed by ": ".
 */
export function parseArmInterventionName(entry: string): { type: InterventionType; name: string } | undefined {
  for (const type of INTERVENTION_TYPE) {
    const prefix = `${INTERVENTION_TYPE_PREFIX[type]}: `;
    if (entry.startsWith(prefix)) return { type, name: entry.slice(prefix.length) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Look-ups
// ---------------------------------------------------------------------------

export function isEnumValue<N extends EnumName>(name: N, value: unknown): value is EnumValue<N> {
  return typeof value === 'string' && (ENUMS[name] as readonly string[]).includes(value);
}

/** The plain-English meaning of `value` in enumeration `name`, or undefined if it is not a value of it. */
export function enumMeaning(name: EnumName, value: string): string | undefined {
  const table = ENUM_MEANINGS[name] as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
}
