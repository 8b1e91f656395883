/**
 * The words that open each statement, by block: for messages ("expected 'dose', 'type' …"),
 * completion and the language reference. A test checks each head really starts a statement of its
 * block in the parser, so this table cannot drift from the grammar.
 */
export const STATEMENT_HEADS = {
  document: ['trial', 'design', 'sponsors', 'measure', 'intervention', 'arm', 'group', 'oversight', 'ipd sharing', 'eligibility', 'primary outcome', 'secondary outcome', 'other outcome', 'schedule', 'site', 'reference', 'link'],
  trialBlock: [
    'nct id', 'org study id', 'secondary id', 'brief title', 'official title', 'acronym', 'study type', 'phase', 'status', 'why stopped',
    'start', 'primary completion', 'completion', 'verified', 'enrollment', 'duration', 'condition', 'keyword', 'summary', 'details',
    'expanded access',
  ],
  designBlock: [
    'allocation', 'model', 'purpose', 'masking',
    'observational model', 'time perspective', 'biospecimen retention', 'patient registry', 'target duration', 'expanded access',
  ],
  sponsorsBlock: ['lead', 'collaborator', 'responsible party', 'official', 'contact', 'organization'],
  oversightBlock: [
    // The product word after these heads (`drug`, `device`, `us`) is a plain word, not a keyword.
    'fda regulated', 'unapproved', 'pediatric postmarket', 'exported from', 'data monitoring committee', 'review board',
  ],
  ipdSharingBlock: ['plan', 'description', 'info types', 'time frame', 'access criteria', 'url'],
  interventionBlock: ['type', 'name', 'other name', 'description', 'dose', 'adjust by', 'taper after', 'stop after', 'max dose', 'basis'],
  armBlock: ['label', 'type', 'description', 'receives', 'periods'],
  groupBlock: ['label', 'description', 'exposure'],
  eligibilityBlock: ['age', 'sex', 'gender based', 'gender description', 'healthy volunteers', 'include', 'exclude', 'study population', 'sampling', 'inclusion criteria', 'exclusion criteria', 'population', 'criteria by population'],
  populationBlock: ['include', 'exclude', 'inclusion criteria', 'exclusion criteria'],
  outcomeBlock: ['description', 'at', 'time frame'],
  scheduleBlock: ['visit', 'period', 'assess'],
  receivesStmt: ['dose'],
  siteDecl: ['contact'],
} as const;

export type BlockRule = keyof typeof STATEMENT_HEADS;

/** How a message names each block ("in an intervention"). */
export const BLOCK_PLACES: Record<BlockRule, string> = {
  document: 'at the top level of the file',
  trialBlock: 'in the trial block',
  designBlock: 'in the design block',
  sponsorsBlock: 'in the sponsors block',
  interventionBlock: 'in an intervention',
  armBlock: 'in an arm',
  groupBlock: 'in a group',
  oversightBlock: 'in the oversight block',
  ipdSharingBlock: 'in the IPD sharing block',
  eligibilityBlock: 'in the eligibility block',
  populationBlock: 'in a population',
  outcomeBlock: 'in an outcome',
  scheduleBlock: 'in the schedule',
  receivesStmt: "in an arm's doses",
  siteDecl: "in a site's contacts",
};
