/**
 * Observational and expanded-access fields of real records: import → check → export, each field
 * compared with the ORIGINAL record's JSON (paths written out here, not taken from the importer's
 * own list of modelled fields), over every record in shared/registry-records/ and its corpus/.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../grammar/parse';
import { buildRecord, diagnoseText } from '../../server/export';
import { importRecord } from '../../server/import';
import { findShared } from '../export/shared';

type J = Record<string, any>;
const shared = findShared();
const dirs = shared ? [path.join(shared, 'registry-records'), path.join(shared, 'registry-records', 'corpus')] : [];
const files = dirs.filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f))).sort();

/** The API serves texts as CommonMark with backslash escapes (`\<`); the registry's text has none. */
const plain = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\\([!-/:-@[-`{-~])/g, '$1') : v);

const get = (o: unknown, p: string): unknown => p.split('.').reduce<unknown>((x, k) => (x == null ? undefined : (x as J)[k]), o);

/** The fields of item 4 of issue 13, as the registry names them. */
const FIELDS = [
  'designModule.designInfo.observationalModel',
  'designModule.designInfo.timePerspective',
  'designModule.patientRegistry',
  'designModule.targetDuration',
  'designModule.bioSpec.retention',
  'designModule.bioSpec.description',
  'designModule.expandedAccessTypes',
  'eligibilityModule.studyPopulation',
  'eligibilityModule.samplingMethod',
  'statusModule.expandedAccessInfo.hasExpandedAccess',
  'statusModule.expandedAccessInfo.nctId',
  'statusModule.expandedAccessInfo.statusForNctId',
  'designModule.enrollmentInfo.count',
  'designModule.enrollmentInfo.type',
  // item 5: oversight, IPD sharing, the organization
  'identificationModule.organization.fullName',
  'identificationModule.organization.class',
  'oversightModule.oversightHasDmc',
  'oversightModule.isFdaRegulatedDrug',
  'oversightModule.isFdaRegulatedDevice',
  'oversightModule.isUnapprovedDevice',
  'oversightModule.isPpsd',
  'oversightModule.isUsExport',
  'ipdSharingStatementModule.ipdSharing',
  'ipdSharingStatementModule.description',
  'ipdSharingStatementModule.infoTypes',
  'ipdSharingStatementModule.timeFrame',
  'ipdSharingStatementModule.accessCriteria',
  'ipdSharingStatementModule.url',
];

interface Run { study: J; text: string; exported: J; errors: string[]; codes: string[] }
const runs = new Map<string, Run>();
function run(file: string): Run {
  let r = runs.get(file);
  if (!r) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const study = json.studies ? json.studies[0] : json;
    const [t] = importRecord(json);
    const analysis = diagnoseText(t!.text);
    const built = buildRecord(analysis.model);
    assert.deepEqual(built.problems.map((p) => p.message), [], `${path.basename(file)}: export problems`);
    r = {
      study,
      text: t!.text,
      exported: built.record.protocolSection,
      errors: analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      codes: analysis.diagnostics.map((d) => d.code),
    };
    runs.set(file, r);
  }
  return r;
}

describe('import/export: observational, expanded-access, oversight, IPD and organization fields of real records', function () {
  this.timeout(120000);
  before(function () {
    if (files.length === 0) this.skip();
  });

  it('finds the corpus with its observational records', () => {
    const observational = files.filter((f) => run(f).study.protocolSection.designModule?.studyType === 'OBSERVATIONAL');
    assert.ok(files.length >= 200, `found ${files.length} records`);
    assert.ok(observational.length >= 40, `found ${observational.length} observational records`);
  });

  it('every field comes back as the original record has it', () => {
    const differences: string[] = [];
    const present = new Map<string, number>();
    for (const file of files) {
      const { study, exported } = run(file);
      for (const field of FIELDS) {
        const original = plain(get(study.protocolSection, field));
        const back = get(exported, field);
        if (original !== undefined) present.set(field, (present.get(field) ?? 0) + 1);
        if (JSON.stringify(original) !== JSON.stringify(back)) differences.push(`${path.basename(file)} ${field}: ${JSON.stringify(original)} → ${JSON.stringify(back)}`);
      }
    }
    assert.deepEqual(differences, []);
    // The corpus really exercises these fields (so the comparison above is not vacuous).
    for (const field of ['oversightModule.isFdaRegulatedDrug', 'oversightModule.isUsExport', 'ipdSharingStatementModule.infoTypes', 'ipdSharingStatementModule.url', 'identificationModule.organization.class', 'designModule.designInfo.observationalModel', 'designModule.designInfo.timePerspective', 'designModule.bioSpec.retention', 'designModule.targetDuration', 'eligibilityModule.studyPopulation', 'eligibilityModule.samplingMethod', 'statusModule.expandedAccessInfo.nctId']) {
      assert.ok((present.get(field) ?? 0) > 0, `no record has ${field}`);
    }
  });

  it('observational groups/cohorts come back with their labels, descriptions and exposures, and no arm type', () => {
    const differences: string[] = [];
    for (const file of files) {
      const { study, exported, text } = run(file);
      if (study.protocolSection.designModule?.studyType !== 'OBSERVATIONAL') continue;
      const groups: J[] = study.protocolSection.armsInterventionsModule?.armGroups ?? [];
      assert.equal((text.match(/^group \w+ \{/gm) ?? []).length, groups.length, `${path.basename(file)}: one group block per group`);
      assert.equal((text.match(/^arm \w+ \{/gm) ?? []).length, 0, `${path.basename(file)}: no arm blocks`);
      const back: J[] = exported.armsInterventionsModule?.armGroups ?? [];
      groups.forEach((g, i) => {
        for (const key of ['label', 'type', 'description', 'interventionNames']) {
          const original = key === 'interventionNames' ? g[key] : plain(g[key]);
          if (JSON.stringify(original) !== JSON.stringify(back[i]?.[key])) differences.push(`${path.basename(file)} group ${i} ${key}`);
        }
      });
    }
    assert.deepEqual(differences, []);
  });

  it('no arm-without-intervention on any observational record (groups without exposure exist in the corpus)', () => {
    let withoutExposure = 0;
    for (const file of files) {
      const { study, codes } = run(file);
      if (study.protocolSection.designModule?.studyType !== 'OBSERVATIONAL') continue;
      withoutExposure += (study.protocolSection.armsInterventionsModule?.armGroups ?? []).filter((g: J) => !g.interventionNames).length;
      assert.ok(!codes.includes('arm-without-intervention'), path.basename(file));
      assert.ok(!codes.includes('word-unknown'), path.basename(file));
    }
    assert.ok(withoutExposure > 0);
  });

  it('no registry-missing-element warning or error on a real record for the new elements', () => {
    const newElements = /organization|oversight|FDA-regulated|study population|sampling method|observational model|time perspective|expanded-access/;
    const hits: string[] = [];
    for (const file of files) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const [t] = importRecord(json);
      for (const d of diagnoseText(t!.text).diagnostics) {
        if (d.code === 'registry-missing-element' && newElements.test(d.message)) hits.push(`${path.basename(file)}: ${d.message}`);
      }
    }
    assert.deepEqual(hits, []);
  });

  it('an imported observational record parses with no syntax diagnostics', () => {
    for (const file of files) {
      const { study, text } = run(file);
      if (study.protocolSection.designModule?.studyType !== 'OBSERVATIONAL') continue;
      assert.deepEqual(parse(text).diagnostics.map((d) => d.message), [], path.basename(file));
    }
  });
});
