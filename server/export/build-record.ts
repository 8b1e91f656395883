/**
 * The semantic model → a ClinicalTrials.gov API v2 record `{ protocolSection }`.
 *
 * Field names, enumeration values and key order are the registry's (OAS205 order, so output is
 * stable). Only what the protocol states is written: no derived sections, no nctId-derived data,
 * no empty objects or lists. Words that do not name a registry value are not guessed: they come
 * back as `problems` (error diagnostics at the word), and the exporter refuses.
 *
 * docs/export.md maps every language element to its registry field.
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic } from '../../grammar/diagnostic';
import {
  armInterventions, armsReceiving, dateField, phaseValue, registryValue, statementsOf, textField, textStatements,
  wordsField, yesNo, type TrialModel,
} from '../model';
import { armInterventionName, type EnumName, type EnumValue } from '../registry/enums';
import { registryAge } from '../registry/age';
import { joinParagraphs, measureLabels, placeDoses, renderArmSequence, renderDose, renderDosing, renderEligibilityCriteria, type MeasureLabels } from '../wording';
import { interventionNames } from '../import/extract/agree';

type Json = Record<string, unknown>;

export interface BuiltRecord {
  record: { protocolSection: Json };
  /** Errors that make the record unfaithful (a word that names no registry value …). */
  problems: Diagnostic[];
}

export { registryAge } from '../registry/age';

/**
 * Removes undefined values and empty objects/lists, keeping key order. Called for every object of
 * the record (each site, arm, outcome …), so it walks the keys with for…in instead of allocating
 * Object.entries / Object.keys arrays per object, and an object that keeps every key is returned
 * as it is (most do): a copy is made only to drop some.
 */
function compact(o: Json): Json | undefined {
  let dropsSome = false;
  let keepsSome = false;
  for (const k in o) {
    if (omitted(o[k])) dropsSome = true;
    else keepsSome = true;
  }
  if (!keepsSome) return undefined;
  if (!dropsSome) return o;
  const out: Json = {};
  for (const k in o) if (!omitted(o[k])) out[k] = o[k];
  return out;
}

/** What the record leaves out: undefined, an empty list, an empty object. */
function omitted(v: unknown): boolean {
  return v === undefined || (typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length === 0 : isEmptyObject(v as Json)));
}

/** Sets `key` unless the value is left out (for objects built key by key, in the registry's order). */
function put(o: Json, key: string, v: unknown): void {
  if (!omitted(v)) o[key] = v;
}

function isEmptyObject(o: Json): boolean {
  for (const _ in o) return false;
  return true;
}

/** Text that is not blank, else undefined (an empty `""` means "not stated"). */
function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.length > 0 ? s : undefined;
}

export function buildRecord(model: TrialModel): BuiltRecord {
  const problems: Diagnostic[] = [];
  const measures: MeasureLabels = measureLabels(model);

  const word = <N extends EnumName>(located: A.Located<string> | undefined, enumName: N, what: string): EnumValue<N> | undefined => {
    if (!located) return undefined;
    const v = registryValue(located.value, enumName);
    if (v === undefined) {
      problems.push({
        code: 'export-unknown-value',
        severity: 'error',
        message: `"${located.value}" is not a registry value for ${what}`,
        range: located.range,
      });
    }
    return v;
  };
  const yesNoValue = (w: A.Located<string>, what: string): boolean | undefined => {
    const v = yesNo(w.value);
    if (v === undefined) problems.push({ code: 'export-unknown-value', severity: 'error', message: `${what} is "yes" or "no", not "${w.value}"`, range: w.range });
    return v;
  };
  const dateType = (d: A.Located<A.ActualOrEstimated> | undefined) => (d ? (d.value.toUpperCase() as 'ACTUAL' | 'ESTIMATED') : undefined);

  const trial = model.trial;
  const text = (block: { statements: { kind: string }[] } | undefined, f: A.TextField) => nonEmpty(textField(block, f)?.text.value);

  // identificationModule
  const organization = statementsOf(model.sponsors, 'Organization')[0];
  const nct = statementsOf(trial, 'NctId')[0];
  const org = statementsOf(trial, 'OrgStudyId')[0];
  const identificationModule = compact({
    nctId: nct?.id.value,
    orgStudyIdInfo: org ? compact({ id: org.id.value }) : undefined,
    secondaryIdInfos: statementsOf(trial, 'SecondaryId').map((s) =>
      compact({ id: s.id.value, type: word(s.idType, 'SecondaryIdType', 'a secondary id type'), domain: nonEmpty(s.domain?.value) })),
    briefTitle: text(trial, 'briefTitle'),
    officialTitle: text(trial, 'officialTitle'),
    acronym: text(trial, 'acronym'),
    organization: organization
      ? compact({ fullName: nonEmpty(organization.name.value), class: word(organization.agencyClass, 'AgencyClass', 'an organization class') })
      : undefined,
  });

  // statusModule
  const dateStruct = (f: A.DateField) => {
    const d = dateField(trial, f);
    return d ? compact({ date: d.date.value, type: dateType(d.dateType) }) : undefined;
  };
  const expandedAccess = statementsOf(trial, 'ExpandedAccess')[0];
  const statusModule = compact({
    statusVerifiedDate: statementsOf(trial, 'Verified')[0]?.date.value,
    overallStatus: word(wordsField(trial, 'status')?.words, 'Status', 'the overall status'),
    whyStopped: text(trial, 'whyStopped'),
    expandedAccessInfo: expandedAccess
      ? compact({
        hasExpandedAccess: yesNoValue(expandedAccess.answer, 'expanded access'),
        nctId: expandedAccess.nctId?.value,
        statusForNctId: word(expandedAccess.status, 'ExpandedAccessStatus', 'an expanded-access status'),
      })
      : undefined,
    startDateStruct: dateStruct('start'),
    primaryCompletionDateStruct: dateStruct('primaryCompletion'),
    completionDateStruct: dateStruct('completion'),
  });

  // sponsorCollaboratorsModule
  const sponsors = model.sponsors;
  const party = statementsOf(sponsors, 'ResponsibleParty')[0];
  const sponsorStmts = statementsOf(sponsors, 'Sponsor');
  const sponsor = (s: A.SponsorStmt) => compact({ name: s.name.value, class: word(s.agencyClass, 'AgencyClass', 'a sponsor class') });
  const lead = sponsorStmts.find((s) => s.role.value === 'lead');
  const sponsorCollaboratorsModule = compact({
    responsibleParty: !party
      ? undefined
      : party.partyType
        ? compact({
          type: word(party.partyType, 'ResponsiblePartyType', 'the responsible party'),
          investigatorFullName: nonEmpty(party.investigator?.value),
          investigatorTitle: nonEmpty(party.title?.value),
          investigatorAffiliation: nonEmpty(party.affiliation?.value),
        })
        // The legacy form (no type): the registry's free-text name/title and organization.
        : compact({
          oldNameTitle: nonEmpty(party.investigator?.value),
          oldOrganization: nonEmpty(party.organization?.value),
        }),
    leadSponsor: lead ? sponsor(lead) : undefined,
    collaborators: sponsorStmts.filter((s) => s.role.value === 'collaborator').map(sponsor),
  });

  // oversightModule: yes/no answers (the review board status has no API v2 field: not written)
  const oversight = model.oversight;
  const flag = (f: A.WordsField, what: string) => {
    const w = wordsField(oversight, f)?.words;
    return w ? yesNoValue(w, what) : undefined;
  };
  const oversightModule = compact({
    oversightHasDmc: flag('dataMonitoringCommittee', 'data monitoring committee'),
    isFdaRegulatedDrug: flag('fdaRegulatedDrug', 'fda regulated drug'),
    isFdaRegulatedDevice: flag('fdaRegulatedDevice', 'fda regulated device'),
    isUnapprovedDevice: flag('unapprovedDevice', 'unapproved device'),
    isPpsd: flag('pediatricPostmarketDevice', 'pediatric postmarket device'),
    isUsExport: flag('exportedFromUs', 'exported from us'),
  });

  const descriptionModule = compact({ briefSummary: text(trial, 'summary'), detailedDescription: text(trial, 'details') });
  const conditionsModule = compact({
    conditions: textStatements(trial, 'condition').map((s) => s.text.value),
    keywords: textStatements(trial, 'keyword').map((s) => s.text.value),
  });

  // designModule
  const design = model.design;
  const phaseStmt = statementsOf(trial, 'Phase')[0];
  const phases = (phaseStmt?.phases ?? []).map((p) => {
    const v = phaseValue(p.value);
    if (!v) problems.push({ code: 'export-unknown-value', severity: 'error', message: `"${p.value}" is not a phase (1, 2, 3, 4, early 1 or na)`, range: p.range });
    return v;
  }).filter((v): v is EnumValue<'Phase'> => !!v);
  const modelStmt = statementsOf(design, 'Model')[0];
  const masking = statementsOf(design, 'Masking')[0];
  const enrollment = statementsOf(trial, 'Enrollment')[0];
  const accessTypes = statementsOf(design, 'ExpandedAccessTypes')[0];
  const patientRegistry = wordsField(design, 'patientRegistry')?.words;
  const targetDuration = statementsOf(design, 'TargetDuration')[0];
  const biospecimen = statementsOf(design, 'Biospecimen')[0];
  const designModule = compact({
    studyType: word(wordsField(trial, 'studyType')?.words, 'StudyType', 'the study type'),
    expandedAccessTypes: accessTypes ? expandedAccessTypes(accessTypes, problems) : undefined,
    patientRegistry: patientRegistry ? yesNoValue(patientRegistry, 'patient registry') : undefined,
    targetDuration: targetDuration ? durationText(targetDuration.duration, 'a target duration', problems) : undefined,
    phases,
    designInfo: compact({
      allocation: word(wordsField(design, 'allocation')?.words, 'DesignAllocation', 'the allocation'),
      interventionModel: word(modelStmt?.model, 'InterventionalAssignment', 'the intervention model'),
      interventionModelDescription: nonEmpty(modelStmt?.description?.value),
      primaryPurpose: word(wordsField(design, 'purpose')?.words, 'PrimaryPurpose', 'the primary purpose'),
      observationalModel: word(wordsField(design, 'observationalModel')?.words, 'ObservationalModel', 'the observational model'),
      timePerspective: word(wordsField(design, 'timePerspective')?.words, 'DesignTimePerspective', 'the time perspective'),
      maskingInfo: masking
        ? compact({
          masking: word(masking.level, 'DesignMasking', 'the masking'),
          maskingDescription: nonEmpty(masking.description?.value),
          whoMasked: masking.roles.map((r) => word(r, 'WhoMasked', 'who is masked')).filter((v) => v !== undefined),
        })
        : undefined,
    }),
    bioSpec: biospecimen
      ? compact({
        retention: word(biospecimen.retention, 'BioSpecRetention', 'the biospecimen retention'),
        description: nonEmpty(biospecimen.description?.value),
      })
      : undefined,
    enrollmentInfo: enrollment ? compact({ count: enrollment.count?.value, type: dateType(enrollment.countType) }) : undefined,
  });

  // armsInterventionsModule
  const interventionType = new Map<string, EnumValue<'InterventionType'> | undefined>();
  for (const [id, iv] of model.interventions) {
    interventionType.set(id, word(wordsField(iv, 'interventionType')?.words, 'InterventionType', 'an intervention type'));
  }
  const arms = [...model.arms.values()];
  const armLabel = (arm: A.ArmBlock) => textField(arm, 'label')?.text.value ?? arm.id.value;
  /** Per-arm dose overrides, rendered into the arm description (one registry description per intervention). */
  const overridesByIntervention = new Map<string, { arm: A.ArmBlock; text: string }[]>();
  const armGroups = arms.map((arm) => {
    const received = armInterventions(model, arm);
    const overrideTexts: string[] = [];
    let armDescription = textField(arm, 'description')?.text.value;
    for (const r of received) {
      if (!r.overridden || !r.intervention) continue;
      // Doses the arm's own sentences say (kept wordings) are not said again.
      const placed = placeDoses(armDescription, r.doses, interventionNames(r.intervention), (d) => renderDose(d, measures));
      armDescription = placed.description;
      if (placed.rest.length === 0) continue;
      const name = textField(r.intervention, 'name')?.text.value ?? r.intervention.id.value;
      const dosing = renderDosing(r.intervention, measures, placed.rest);
      overrideTexts.push(`${name} in this arm: ${dosing}`);
      const list = overridesByIntervention.get(r.intervention.id.value) ?? [];
      list.push({ arm, text: dosing });
      overridesByIntervention.set(r.intervention.id.value, list);
    }
    const type = word(wordsField(arm, 'armType')?.words, 'ArmGroupType', 'an arm type');
    const names = received
      .filter((r) => r.intervention)
      .map((r) => {
        const t = interventionType.get(r.intervention!.id.value);
        const name = textField(r.intervention, 'name')?.text.value ?? r.intervention!.id.value;
        return t ? armInterventionName(t, name) : undefined;
      })
      .filter((n): n is string => n !== undefined)
      // An arm that receives one intervention in two lines (two courses, two doses) lists it once:
      // the registry's interventionNames name the interventions, not the dose lines.
      .filter((n, i, all) => all.indexOf(n) === i);
    return compact({
      label: armLabel(arm),
      type,
      description: nonEmpty(joinParagraphs(armDescription, ...overrideTexts, renderArmSequence(model, arm))),
      interventionNames: type === 'NO_INTERVENTION' && names.length === 0 ? undefined : names,
    });
  });

  const interventions = [...model.interventions.values()].map((iv) => {
    const receiving = armsReceiving(model, iv.id.value);
    const overrides = overridesByIntervention.get(iv.id.value) ?? [];
    const usesDefault = receiving.length === 0 || receiving.some((a) => !overrides.some((o) => o.arm === a));
    const hasDoses = iv.statements.some((s) => s.kind === 'Dose');
    const own = iv.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose');
    const placed = placeDoses(textField(iv, 'description')?.text.value, own, interventionNames(iv), (d) => renderDose(d, measures));
    const defaultDosing = usesDefault || !hasDoses ? renderDosing(iv, measures, placed.rest) : '';
    const overrideDosing = overrides.map((o) => `In the "${armLabel(o.arm)}" arm: ${o.text}`);
    return compact({
      type: interventionType.get(iv.id.value),
      name: text(iv, 'name') ?? iv.id.value,
      description: nonEmpty(joinParagraphs(placed.description, defaultDosing, ...overrideDosing)),
      // The registry lists an intervention's arm labels sorted (empirical: every shared record).
      armGroupLabels: receiving.map(armLabel).sort(),
      otherNames: textStatements(iv, 'otherName').map((s) => s.text.value),
    });
  });
  const armsInterventionsModule = compact({ armGroups, interventions });

  // outcomesModule
  const outcome = (o: A.OutcomeBlock) => {
    const frameText = textField(o, 'timeFrameText')?.text.value;
    const points = statementsOf(o, 'TimeFrame')[0]?.points ?? [];
    return compact({
      measure: o.title.value,
      description: text(o, 'description'),
      timeFrame: nonEmpty(frameText) ?? (points.length > 0 ? renderTimePoints(points) : undefined),
    });
  };
  const outcomesModule = compact({
    primaryOutcomes: model.outcomes.filter((o) => o.level.value === 'primary').map(outcome),
    secondaryOutcomes: model.outcomes.filter((o) => o.level.value === 'secondary').map(outcome),
    otherOutcomes: model.outcomes.filter((o) => o.level.value === 'other').map(outcome),
  });

  // eligibilityModule
  const elig = model.eligibility;
  const ageStmt = statementsOf(elig, 'Age')[0];
  const age = (q: A.Quantity | undefined) => {
    if (!q) return undefined;
    const a = registryAge(q.value.value, q.unit.value);
    if (!a) problems.push({ code: 'export-age', severity: 'error', message: `the registry needs an age as a whole number of years, months, weeks, days, hours or minutes, not "${q.value.value} ${q.unit.value}"`, range: q.range });
    return a;
  };
  const hv = wordsField(elig, 'healthyVolunteers')?.words;
  const healthyVolunteers = hv ? yesNo(hv.value) : undefined;
  if (hv && healthyVolunteers === undefined) problems.push({ code: 'export-unknown-value', severity: 'error', message: `healthy volunteers is "yes" or "no", not "${hv.value}"`, range: hv.range });
  const gb = wordsField(elig, 'genderBased')?.words;
  const genderBased = gb ? yesNo(gb.value) : undefined;
  if (gb && genderBased === undefined) problems.push({ code: 'export-unknown-value', severity: 'error', message: `gender based is "yes" or "no", not "${gb.value}"`, range: gb.range });
  const eligibilityModule = compact({
    eligibilityCriteria: renderEligibilityCriteria(elig, measures),
    healthyVolunteers,
    sex: word(wordsField(elig, 'sex')?.words, 'Sex', 'sex'),
    genderBased,
    genderDescription: text(elig, 'genderDescription'),
    minimumAge: age(ageStmt?.min),
    maximumAge: age(ageStmt?.max),
    studyPopulation: text(elig, 'studyPopulation'),
    samplingMethod: word(wordsField(elig, 'samplingMethod')?.words, 'SamplingMethod', 'the sampling method'),
  });

  // contactsLocationsModule
  const contact = (c: A.ContactStmt) => compact({
    name: nonEmpty(c.name.value),
    role: word(c.role, 'ContactRole', 'a contact role'),
    phone: nonEmpty(c.phone?.value),
    phoneExt: nonEmpty(c.phoneExt?.value),
    email: nonEmpty(c.email?.value),
  });
  const contactsLocationsModule = compact({
    centralContacts: statementsOf(sponsors, 'Contact').map(contact),
    overallOfficials: statementsOf(sponsors, 'Official').map((o) => compact({
      name: nonEmpty(o.name.value),
      affiliation: nonEmpty(o.affiliation?.value),
      role: word(o.role, 'OfficialRole', 'an official role'),
    })),
    // Key by key: the largest list of a big protocol, and most sites leave some fields out
    // (compact would copy every one of them).
    locations: model.sites.map((s) => {
      const location: Json = {};
      put(location, 'facility', nonEmpty(s.facility.value));
      put(location, 'status', word(s.status, 'RecruitmentStatus', 'a site status'));
      put(location, 'city', nonEmpty(s.city?.value));
      put(location, 'state', nonEmpty(s.state?.value));
      put(location, 'zip', nonEmpty(s.zip?.value));
      put(location, 'country', nonEmpty(s.country?.value));
      put(location, 'contacts', s.contacts.map(contact));
      return isEmptyObject(location) ? undefined : location;
    }),
  });

  const referencesModule = compact({
    references: model.references.map((r) => compact({
      pmid: r.pmid?.value,
      type: word(r.refType, 'ReferenceType', 'a reference type'),
      citation: nonEmpty(r.citation.value),
    })),
    seeAlsoLinks: model.links.map((l) => compact({ label: nonEmpty(l.label.value), url: nonEmpty(l.url.value) })),
  });

  const ipd = model.ipdSharing;
  const ipdSharingStatementModule = ipd
    ? compact({
      ipdSharing: word(wordsField(ipd, 'ipdSharing')?.words, 'IpdSharing', 'the IPD sharing plan'),
      description: text(ipd, 'description'),
      infoTypes: (statementsOf(ipd, 'InfoTypes')[0]?.types ?? [])
        .map((t) => word(t, 'IpdSharingInfoType', 'an IPD information type'))
        .filter((v) => v !== undefined),
      timeFrame: text(ipd, 'timeFrameText'),
      accessCriteria: text(ipd, 'accessCriteria'),
      url: text(ipd, 'url'),
    })
    : undefined;

  const protocolSection = compact({
    identificationModule,
    statusModule,
    sponsorCollaboratorsModule,
    oversightModule,
    descriptionModule,
    conditionsModule,
    designModule,
    armsInterventionsModule,
    outcomesModule,
    eligibilityModule,
    contactsLocationsModule,
    referencesModule,
    ipdSharingStatementModule,
  }) ?? {};
  return { record: { protocolSection }, problems };
}

/** `expanded access individual, treatment` → `{individual: true, treatment: true}` (the flags not listed are left out). */
function expandedAccessTypes(stmt: A.ExpandedAccessTypesStmt, problems: Diagnostic[]): Json | undefined {
  const flags: Json = {};
  for (const t of stmt.types) {
    const key = t.value.trim().toLowerCase();
    if (key === 'individual' || key === 'intermediate' || key === 'treatment') flags[key] = true;
    else problems.push({ code: 'export-unknown-value', severity: 'error', message: `"${t.value}" is not an expanded-access type (individual, intermediate, treatment)`, range: t.range });
  }
  // The registry's key order.
  return compact({ individual: flags['individual'], intermediate: flags['intermediate'], treatment: flags['treatment'] });
}

/** `3 months` → "3 Months" (the registry's duration form, as for ages). */
function durationText(q: A.Quantity, what: string, problems: Diagnostic[]): string | undefined {
  const d = registryAge(q.value.value, q.unit.value);
  if (!d) problems.push({ code: 'export-age', severity: 'error', message: `the registry needs ${what} as a whole number of years, months, weeks, days, hours or minutes, not "${q.value.value} ${q.unit.value}"`, range: q.range });
  return d;
}

const POINT_WORDS: Record<A.TimeUnitWord, string> = { day: 'Day', week: 'Week', month: 'Month', year: 'Year' };

/** `at month 6 and month 12` → "Month 6 and Month 12". */
export function renderTimePoints(points: A.TimePoint[]): string {
  const words = points.map((p) => `${POINT_WORDS[p.unit.value]} ${p.value.value}`);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
