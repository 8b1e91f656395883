/**
 * Character limits (server/registry/limits.ts), counted on the text the export writes: for
 * intervention and arm descriptions that is the free description plus the rendered dosing
 * (server/export/render-dosing.ts, through buildRecord), for eligibility the rendered criteria.
 */
import type * as A from '../../../../grammar/ast';
import { statementsOf, textField, type TrialModel } from '../../../model';
import { buildRecord } from '../../../export/build-record';
import { textLimitFor } from '../../../registry/limits';
import type { Rule } from '../../types';

interface Measured {
  path: string;
  length: number;
  range: A.Range;
  rendered?: string;
}

const recordCache = new WeakMap<TrialModel, ReturnType<typeof buildRecord>['record']>();

function record(model: TrialModel) {
  let r = recordCache.get(model);
  if (!r) {
    r = buildRecord(model).record;
    recordCache.set(model, r);
  }
  return r;
}

function measured(model: TrialModel): Measured[] {
  const out: Measured[] = [];
  const add = (path: string, t: A.Located<string> | undefined): void => {
    if (t) out.push({ path, length: t.value.length, range: t.range });
  };
  const trial = model.trial;
  for (const s of statementsOf(trial, 'OrgStudyId')) add('identificationModule.orgStudyIdInfo.id', s.id);
  for (const s of statementsOf(trial, 'SecondaryId')) add('identificationModule.secondaryIdInfos[].id', s.id);
  add('identificationModule.briefTitle', textField(trial, 'briefTitle')?.text);
  add('identificationModule.officialTitle', textField(trial, 'officialTitle')?.text);
  add('identificationModule.acronym', textField(trial, 'acronym')?.text);
  add('statusModule.whyStopped', textField(trial, 'whyStopped')?.text);
  add('descriptionModule.briefSummary', textField(trial, 'summary')?.text);
  add('descriptionModule.detailedDescription', textField(trial, 'details')?.text);
  for (const s of statementsOf(model.sponsors, 'Sponsor')) {
    add(s.role.value === 'lead' ? 'sponsorCollaboratorsModule.leadSponsor.name' : 'sponsorCollaboratorsModule.collaborators[].name', s.name);
  }
  for (const s of statementsOf(model.sponsors, 'Official')) add('contactsLocationsModule.overallOfficials[].affiliation', s.affiliation);
  for (const s of statementsOf(model.design, 'Model')) add('designModule.designInfo.interventionModelDescription', s.description);
  for (const s of statementsOf(model.design, 'Masking')) add('designModule.designInfo.maskingInfo.maskingDescription', s.description);
  for (const arm of model.arms.values()) add('armsInterventionsModule.armGroups[].label', textField(arm, 'label')?.text);
  for (const iv of model.interventions.values()) add('armsInterventionsModule.interventions[].name', textField(iv, 'name')?.text);
  for (const o of model.outcomes) {
    const list = `outcomesModule.${o.level.value}Outcomes[]`;
    add(`${list}.measure`, o.title);
    add(`${list}.description`, textField(o, 'description')?.text);
    add(`${list}.timeFrame`, textField(o, 'timeFrameText')?.text);
  }
  for (const s of model.sites) add('contactsLocationsModule.locations[].facility', s.facility);

  // Texts the export composes: measure what it writes.
  const protocol = record(model).protocolSection as {
    armsInterventionsModule?: { armGroups?: { description?: string }[]; interventions?: { description?: string }[] };
    eligibilityModule?: { eligibilityCriteria?: string };
  };
  const arms = [...model.arms.values()];
  protocol.armsInterventionsModule?.armGroups?.forEach((g, i) => {
    const arm = arms[i];
    if (!arm || !g.description) return;
    out.push({ path: 'armsInterventionsModule.armGroups[].description', length: g.description.length, range: textField(arm, 'description')?.text.range ?? arm.id.range, rendered: g.description });
  });
  const ivs = [...model.interventions.values()];
  protocol.armsInterventionsModule?.interventions?.forEach((x, i) => {
    const iv = ivs[i];
    if (!iv || !x.description) return;
    out.push({ path: 'armsInterventionsModule.interventions[].description', length: x.description.length, range: textField(iv, 'description')?.text.range ?? iv.id.range, rendered: x.description });
  });
  const criteria = protocol.eligibilityModule?.eligibilityCriteria;
  if (criteria && model.eligibility) {
    out.push({ path: 'eligibilityModule.eligibilityCriteria', length: criteria.length, range: model.eligibility.keyword, rendered: criteria });
  }
  return out;
}

export const registryTextTooLong: Rule = {
  code: 'registry-text-too-long',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A text is longer than the registry allows for its field (counted on the text the export writes).' },
  check(model, report, ctx) {
    for (const m of measured(model)) {
      ctx.at(m.range);
      const limit = textLimitFor(m.path);
      if (!limit || m.length <= limit.limit) continue;
      const composed = m.rendered !== undefined && m.path !== 'eligibilityModule.eligibilityCriteria' ? ' (the description plus the dosing text the export adds)' : m.rendered !== undefined ? ' (as the export writes the criteria)' : '';
      report(m.range, `the ${limit.element.toLowerCase()}${composed} is ${m.length} characters; the registry allows ${limit.limit}`, {
        element: limit.element,
        length: m.length,
        limit: limit.limit,
      });
    }
  },
};
