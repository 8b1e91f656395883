/**
 * Character limits (server/registry/limits.ts), counted on the text the export writes: for
 * intervention and arm descriptions that is the free description plus the rendered dosing
 * (server/wording/render-dosing.ts, composed as buildRecord composes it), for eligibility the
 * rendered criteria.
 *
 * Per item: each text is measured on the item that holds it. The composed texts read other items,
 * declared in `deps`: an arm's description reads the interventions it receives (their names,
 * adjustments, tapers …); an intervention's reads the arms that receive it (their labels and
 * dose overrides); both, and the eligibility criteria, read the labels of the measures they name.
 * test/checks/text-length.test.ts keeps the composed texts equal to the export's record.
 */
import type * as A from '../../../../grammar/ast';
import { joinParagraphs, measureLabels, placeDoses, renderArmSequence, renderDose, renderDosing, renderEligibilityCriteria } from '../../../wording';
import { interventionNames } from '../../../import/extract/agree';
import { criteriaOf, statementsOf, textField, type TrialModel } from '../../../model';
import { textLimitFor } from '../../../registry/limits';
import { facts } from '../../facts';
import { itemRule, type Report, type RuleContext } from '../../types';

/** One text against its limit (`rendered`: a text the export composes). */
function judge(path: string, length: number, range: A.Range, rendered: boolean, report: Report, ctx: RuleContext): void {
  ctx.at(range);
  const limit = textLimitFor(path);
  if (!limit || length <= limit.limit) return;
  const composed = rendered && path !== 'eligibilityModule.eligibilityCriteria' ? ' (the description plus the dosing text the export adds)' : rendered ? ' (as the export writes the criteria)' : '';
  const data = { element: limit.element, length, limit: limit.limit };
  if (limit.severity === 'warning') {
    report(range, `the ${limit.element.toLowerCase()} is ${length} characters; the registry's definitions suggest at most ${limit.limit} (the registry stores longer ones: a warning)`, data, 'warning');
  } else {
    report(range, `the ${limit.element.toLowerCase()}${composed} is ${length} characters; the registry allows ${limit.limit}`, data);
  }
}

/** Measure labels of a model, built on first use (only when a composed text is re-measured). */
const labelsCache = new WeakMap<TrialModel, Map<string, string>>();
function labels(model: TrialModel): Map<string, string> {
  let m = labelsCache.get(model);
  if (!m) {
    m = measureLabels(model);
    labelsCache.set(model, m);
  }
  return m;
}

/** Overrides of `iv` in an arm: the `receives` naming it with doses of their own (buildRecord's `overridden`). */
function overridesIn(arm: A.ArmBlock, iv: A.InterventionBlock): A.ReceivesStmt[] {
  const out: A.ReceivesStmt[] = [];
  for (const r of arm.statements) {
    if (r.kind === 'Receives' && r.intervention.value === iv.id.value && r.overrideBlock !== undefined && r.doses.length > 0) out.push(r);
  }
  return out;
}

function armLabel(arm: A.ArmBlock): string {
  return textField(arm, 'label')?.text.value ?? arm.id.value;
}

/** The composed description of an arm, as buildRecord writes it: its text, its own doses, its sequence of periods. */
export function armDescription(model: TrialModel, arm: A.ArmBlock): string {
  const overrideTexts: string[] = [];
  let description = textField(arm, 'description')?.text.value;
  for (const r of arm.statements) {
    if (r.kind !== 'Receives' || r.overrideBlock === undefined || r.doses.length === 0) continue;
    const iv = model.interventions.get(r.intervention.value);
    if (!iv) continue;
    const placed = placeDoses(description, r.doses, interventionNames(iv), (d) => renderDose(d, labels(model)));
    description = placed.description;
    if (placed.rest.length === 0) continue;
    const name = textField(iv, 'name')?.text.value ?? iv.id.value;
    overrideTexts.push(`${name} in this arm: ${renderDosing(iv, labels(model), placed.rest)}`);
  }
  return joinParagraphs(description, ...overrideTexts, renderArmSequence(model, arm));
}

/** The composed description of an intervention, as buildRecord writes it. */
export function interventionDescription(model: TrialModel, iv: A.InterventionBlock): string {
  const receiving = facts(model).receivers.get(iv.id.value) ?? [];
  const overrides: { arm: A.ArmBlock; text: string }[] = [];
  for (const arm of receiving) {
    let armText = textField(arm, 'description')?.text.value;
    for (const r of overridesIn(arm, iv)) {
      const placed = placeDoses(armText, r.doses, interventionNames(iv), (d) => renderDose(d, labels(model)));
      armText = placed.description;
      if (placed.rest.length > 0) overrides.push({ arm, text: renderDosing(iv, labels(model), placed.rest) });
    }
  }
  const usesDefault = receiving.length === 0 || receiving.some((a) => !overrides.some((o) => o.arm === a));
  const hasDoses = iv.statements.some((s) => s.kind === 'Dose');
  const own = iv.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose');
  const placed = placeDoses(textField(iv, 'description')?.text.value, own, interventionNames(iv), (d) => renderDose(d, labels(model)));
  const defaultDosing = usesDefault || !hasDoses ? renderDosing(iv, labels(model), placed.rest) : '';
  const overrideDosing = overrides.map((o) => `In the "${armLabel(o.arm)}" arm: ${o.text}`);
  return joinParagraphs(placed.description, defaultDosing, ...overrideDosing);
}

/** The measures a dosing text names: the doses' conditions and the intervention's adjustments. */
function dosingMeasures(model: TrialModel, iv: A.InterventionBlock | undefined, doses: readonly A.DoseStmt[], out: unknown[]): void {
  for (const d of doses) if (d.condition) out.push(model.measures.get(d.condition.measure.value));
  if (iv) for (const s of iv.statements) if (s.kind === 'Adjust') out.push(model.measures.get(s.measure.value));
}

function deps(item: A.TopItem, model: TrialModel): unknown[] {
  const out: unknown[] = [];
  if (item.kind === 'ArmBlock') {
    for (const r of item.statements) {
      if (r.kind !== 'Receives') continue;
      const iv = model.interventions.get(r.intervention.value);
      out.push(iv);
      if (r.overrideBlock !== undefined && r.doses.length > 0) dosingMeasures(model, iv, r.doses, out);
    }
    // The sequence of periods the export appends reads the schedule's periods.
    if (item.statements.some((s) => s.kind === 'ArmPeriods' || (s.kind === 'Receives' && s.period))) out.push(model.schedule);
  } else if (item.kind === 'InterventionBlock') {
    dosingMeasures(model, item, item.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose'), out);
    // Of an arm that gives the intervention's own doses, the composed text reads only that there
    // is one (it then renders the default dosing): an edit of such an arm leaves the deps as they were.
    const receiving = facts(model).receivers.get(item.id.value) ?? [];
    let usesDefault = receiving.length === 0;
    for (const arm of receiving) {
      const overrides = overridesIn(arm, item);
      if (overrides.length === 0) {
        usesDefault = true;
        continue;
      }
      out.push(arm);
      for (const r of overrides) dosingMeasures(model, undefined, r.doses, out);
    }
    out.push(usesDefault);
  } else if (item.kind === 'EligibilityBlock') {
    for (const s of criteriaOf(item)) if (s.measure) out.push(model.measures.get(s.measure.value));
  }
  return out;
}

/**
 * The texts of the item being measured, in order: the rule measures all of an item's texts, then
 * judges them (a throw while composing one reports none). Kept in these lists, emptied after each
 * item, rather than an object per text and a list and a closure per item: every item of every
 * check is measured, and nearly every text fits. Nothing else runs while an item is measured.
 */
const paths: string[] = [];
const lengths: number[] = [];
const ranges: (A.Range | undefined)[] = [];
const composedTexts: boolean[] = [];
let count = 0;

function add(path: string, t: A.Located<string> | undefined): void {
  if (t) measure(path, t.value.length, t.range, false);
}

function measure(path: string, length: number, range: A.Range, composed: boolean): void {
  paths[count] = path;
  lengths[count] = length;
  ranges[count] = range;
  composedTexts[count] = composed;
  count++;
}

function measureItem(model: TrialModel, item: A.TopItem, report: Report, ctx: RuleContext): void {
  count = 0;
  measured(model, item);
  const n = count;
  try {
    for (let i = 0; i < n; i++) judge(paths[i]!, lengths[i]!, ranges[i]!, composedTexts[i]!, report, ctx);
  } finally {
    // No range of this item kept alive by the lists.
    for (let i = 0; i < n; i++) ranges[i] = undefined;
  }
}

function measured(model: TrialModel, item: A.TopItem): void {
  switch (item.kind) {
    case 'TrialBlock':
      for (const s of statementsOf(item, 'OrgStudyId')) add('identificationModule.orgStudyIdInfo.id', s.id);
      for (const s of statementsOf(item, 'SecondaryId')) add('identificationModule.secondaryIdInfos[].id', s.id);
      add('identificationModule.briefTitle', textField(item, 'briefTitle')?.text);
      add('identificationModule.officialTitle', textField(item, 'officialTitle')?.text);
      add('identificationModule.acronym', textField(item, 'acronym')?.text);
      add('statusModule.whyStopped', textField(item, 'whyStopped')?.text);
      add('descriptionModule.briefSummary', textField(item, 'summary')?.text);
      add('descriptionModule.detailedDescription', textField(item, 'details')?.text);
      break;
    case 'SponsorsBlock':
      for (const s of statementsOf(item, 'Sponsor')) {
        add(s.role.value === 'lead' ? 'sponsorCollaboratorsModule.leadSponsor.name' : 'sponsorCollaboratorsModule.collaborators[].name', s.name);
      }
      for (const s of statementsOf(item, 'Official')) add('contactsLocationsModule.overallOfficials[].affiliation', s.affiliation);
      for (const s of statementsOf(item, 'Organization')) add('identificationModule.organization.fullName', s.name);
      break;
    case 'DesignBlock':
      for (const s of statementsOf(item, 'Model')) add('designModule.designInfo.interventionModelDescription', s.description);
      for (const s of statementsOf(item, 'Masking')) add('designModule.designInfo.maskingInfo.maskingDescription', s.description);
      for (const s of statementsOf(item, 'Biospecimen')) add('designModule.bioSpec.description', s.description);
      break;
    case 'IpdSharingBlock':
      add('ipdSharingStatementModule.description', textField(item, 'description')?.text);
      add('ipdSharingStatementModule.timeFrame', textField(item, 'timeFrameText')?.text);
      add('ipdSharingStatementModule.accessCriteria', textField(item, 'accessCriteria')?.text);
      add('ipdSharingStatementModule.url', textField(item, 'url')?.text);
      break;
    case 'ArmBlock': {
      add('armsInterventionsModule.armGroups[].label', textField(item, 'label')?.text);
      const description = armDescription(model, item);
      if (description.length > 0) {
        measure('armsInterventionsModule.armGroups[].description', description.length, textField(item, 'description')?.text.range ?? item.id.range, true);
      }
      break;
    }
    case 'InterventionBlock': {
      add('armsInterventionsModule.interventions[].name', textField(item, 'name')?.text);
      const description = interventionDescription(model, item);
      if (description.length > 0) {
        measure('armsInterventionsModule.interventions[].description', description.length, textField(item, 'description')?.text.range ?? item.id.range, true);
      }
      break;
    }
    case 'OutcomeBlock': {
      const list = `outcomesModule.${item.level.value}Outcomes[]`;
      add(`${list}.measure`, item.title);
      add(`${list}.description`, textField(item, 'description')?.text);
      add(`${list}.timeFrame`, textField(item, 'timeFrameText')?.text);
      break;
    }
    case 'SiteDecl':
      add('contactsLocationsModule.locations[].facility', item.facility);
      break;
    case 'LinkDecl':
      add('referencesModule.seeAlsoLinks[].url', item.url);
      break;
    case 'EligibilityBlock': {
      add('eligibilityModule.studyPopulation', textField(item, 'studyPopulation')?.text);
      add('eligibilityModule.genderDescription', textField(item, 'genderDescription')?.text);
      const criteria = renderEligibilityCriteria(item, labels(model));
      if (criteria) measure('eligibilityModule.eligibilityCriteria', criteria.length, item.keyword, true);
      break;
    }
  }
}

export const registryTextTooLong = itemRule({
  code: 'registry-text-too-long',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A text is longer than the registry allows for its field (counted on the text the export writes).' },
  kinds: ['TrialBlock', 'SponsorsBlock', 'DesignBlock', 'ArmBlock', 'InterventionBlock', 'OutcomeBlock', 'SiteDecl', 'LinkDecl', 'EligibilityBlock', 'IpdSharingBlock'],
  deps,
  checkItem(item, model, report, ctx) {
    measureItem(model, item, report, ctx);
  },
});

