/**
 * Character limits of ClinicalTrials.gov protocol data elements
 * (shared/reference/registry-format.md §5), one table used by the record schema
 * (schema.ts) and by the registry checks.
 *
 * Paths are relative to `protocolSection`; `[]` stands for any array index.
 * Source ids are those of registry-format.md §0.
 *
 * Pure core: no vscode/LSP imports.
 */

/** Source ids of registry-format.md §0 that limits are taken from. */
export type LimitSourceId = 'DEFS' | 'CG' | 'CLX' | 'USDM';

export interface TextLimit {
  /** Maximum number of characters (UTF-16 code units, as JavaScript `length` counts them). */
  readonly limit: number;
  /** Name of the data element in the registry's definitions. */
  readonly element: string;
  /** Where the limit comes from (registry-format.md §0 ids), most authoritative first. */
  readonly sources: readonly LimitSourceId[];
  /** Caveat, when the sources disagree or the figure is doubtful. */
  readonly note?: string;
  /**
   * `warning` when no source gives the limit as one the registry enforces (the figure is a
   * secondary copy the registry's own records exceed): the check warns and the export schema
   * does not refuse a longer text. Absent: an enforced limit (an error, refused by the schema).
   */
  readonly severity?: 'warning';
}

const OUTCOME_TITLE_NOTE =
  '254 per the CDISC USDM→CT.gov mapping (DDF-RA Documents/Mappings/ct-gov_mapping.xlsx); elsewhere often quoted as 255 (unverified).';

/** Field path (relative to protocolSection, `[]` for any index) → character limit. */
export const TEXT_LIMITS = {
  'identificationModule.orgStudyIdInfo.id': { limit: 30, element: 'Unique Protocol ID', sources: ['DEFS', 'CG', 'CLX'] },
  'identificationModule.secondaryIdInfos[].id': { limit: 30, element: 'Secondary ID', sources: ['DEFS'] },
  'identificationModule.briefTitle': { limit: 300, element: 'Brief Title', sources: ['DEFS', 'CG', 'CLX'] },
  'identificationModule.officialTitle': { limit: 600, element: 'Official Title', sources: ['DEFS', 'CG', 'CLX'] },
  'identificationModule.acronym': { limit: 14, element: 'Acronym', sources: ['DEFS', 'CLX'] },
  'identificationModule.organization.fullName': {
    limit: 5000, element: 'Organization Full Name', sources: ['CLX'],
    note: 'Listed as 5,000 in CLX only; looks doubtful (registry-format.md §5).',
  },
  'statusModule.whyStopped': { limit: 250, element: 'Why Stopped', sources: ['CG', 'CLX'] },
  'sponsorCollaboratorsModule.leadSponsor.name': { limit: 160, element: 'Sponsor name', sources: ['CG'] },
  'sponsorCollaboratorsModule.collaborators[].name': { limit: 160, element: 'Collaborator name', sources: ['CG'] },
  'descriptionModule.briefSummary': { limit: 5000, element: 'Brief Summary', sources: ['CG', 'CLX'] },
  'descriptionModule.detailedDescription': { limit: 32000, element: 'Detailed Description', sources: ['CG', 'CLX'] },
  'designModule.designInfo.interventionModelDescription': { limit: 1000, element: 'Interventional Study Model description', sources: ['CG', 'CLX'] },
  'designModule.designInfo.maskingInfo.maskingDescription': { limit: 1000, element: 'Masking description', sources: ['CLX'] },
  'designModule.bioSpec.description': { limit: 1000, element: 'Biospecimen description', sources: ['CG', 'CLX'] },
  'armsInterventionsModule.armGroups[].label': { limit: 100, element: 'Arm label', sources: ['CG'] },
  'armsInterventionsModule.armGroups[].description': { limit: 999, element: 'Arm description', sources: ['CG'] },
  'armsInterventionsModule.interventions[].name': { limit: 200, element: 'Intervention name', sources: ['CG'] },
  'armsInterventionsModule.interventions[].description': { limit: 1000, element: 'Intervention description', sources: ['CG'] },
  'outcomesModule.primaryOutcomes[].measure': { limit: 254, element: 'Outcome Measure Title', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'outcomesModule.primaryOutcomes[].description': { limit: 999, element: 'Outcome Measure Description', sources: ['CG'] },
  'outcomesModule.primaryOutcomes[].timeFrame': { limit: 254, element: 'Outcome Measure Time Frame', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'outcomesModule.secondaryOutcomes[].measure': { limit: 254, element: 'Outcome Measure Title', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'outcomesModule.secondaryOutcomes[].description': { limit: 999, element: 'Outcome Measure Description', sources: ['CG'] },
  'outcomesModule.secondaryOutcomes[].timeFrame': { limit: 254, element: 'Outcome Measure Time Frame', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'outcomesModule.otherOutcomes[].measure': { limit: 254, element: 'Outcome Measure Title', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'outcomesModule.otherOutcomes[].description': { limit: 999, element: 'Outcome Measure Description', sources: ['CG'] },
  'outcomesModule.otherOutcomes[].timeFrame': { limit: 254, element: 'Outcome Measure Time Frame', sources: ['USDM'], note: OUTCOME_TITLE_NOTE },
  'eligibilityModule.eligibilityCriteria': { limit: 20000, element: 'Eligibility Criteria', sources: ['CLX'] },
  'eligibilityModule.genderDescription': { limit: 1000, element: 'Gender description', sources: ['CLX'] },
  'eligibilityModule.studyPopulation': { limit: 1000, element: 'Study Population description', sources: ['CG', 'CLX'] },
  'contactsLocationsModule.overallOfficials[].affiliation': {
    limit: 160, element: 'Investigator affiliation', sources: ['CG'], severity: 'warning',
    note: 'given by CG only (DEFS unread); the registry stores officials\' affiliations of 161–164 characters',
  },
  'contactsLocationsModule.locations[].facility': { limit: 254, element: 'Facility name', sources: ['CG'] },
  'referencesModule.seeAlsoLinks[].url': { limit: 3999, element: 'Link URL', sources: ['CG', 'CLX'] },
  'ipdSharingStatementModule.description': { limit: 1000, element: 'IPD sharing plan description', sources: ['CLX'] },
  'ipdSharingStatementModule.timeFrame': { limit: 1000, element: 'IPD sharing time frame', sources: ['CLX'] },
  'ipdSharingStatementModule.accessCriteria': { limit: 1000, element: 'IPD sharing access criteria', sources: ['CLX'] },
  'ipdSharingStatementModule.url': { limit: 3999, element: 'IPD sharing URL', sources: ['CLX'] },
} as const satisfies Record<string, TextLimit>;

export type LimitedFieldPath = keyof typeof TEXT_LIMITS;

/**
 * Turns a concrete path into a table key: drops a leading `protocolSection.` and
 * replaces array indices (`[3]` or `.3`) by `[]`.
 */
export function limitKey(path: string | readonly (string | number)[]): string {
  let p: string;
  if (typeof path === 'string') {
    p = path;
  } else {
    p = '';
    for (const seg of path) p += typeof seg === 'number' ? '[]' : (p === '' ? seg : `.${seg}`);
  }
  return p.replace(/^protocolSection\./, '').replace(/\[\d+\]/g, '[]').replace(/\.(\d+)(?=\.|$)/g, '[]');
}

/** The limit for a field path (with or without indices / `protocolSection.`), if it has one. */
export function textLimitFor(path: string | readonly (string | number)[]): TextLimit | undefined {
  // A table key is its own key (no index, no `protocolSection.`): the checks ask with keys, once per text.
  if (typeof path === 'string' && Object.prototype.hasOwnProperty.call(TEXT_LIMITS, path)) return (TEXT_LIMITS as Record<string, TextLimit>)[path];
  const key = limitKey(path);
  return Object.prototype.hasOwnProperty.call(TEXT_LIMITS, key) ? (TEXT_LIMITS as Record<string, TextLimit>)[key] : undefined;
}
