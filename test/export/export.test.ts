import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildRecord, diagnoseText, exportText, renderDosing, serializeRecord, writeExport,
} from '../../server/export';
import { validateExportRecord } from '../../server/registry/schema';
import { readExample } from './shared';

type J = Record<string, any>;
const seedText = readExample('NCT04743739.trial');
const seed = (): J => buildRecord(diagnoseText(seedText).model).record.protocolSection as J;

describe('export: golden seed NCT04743739 (record builder, field by field against the seed record)', () => {
  const ps = seed();

  it('builds with no problems and passes the schema', () => {
    const built = buildRecord(diagnoseText(seedText).model);
    assert.deepEqual(built.problems, []);
    assert.equal(validateExportRecord(built.record).ok, true);
  });

  it('identification, status, dates, enrollment', () => {
    assert.deepEqual(ps.identificationModule, {
      nctId: 'NCT04743739',
      orgStudyIdInfo: { id: 'iMN RTX plus CsA' },
      briefTitle: 'Rituximab Combined With Cyclosporine Versus Rituximab Alone in the Treatment of iMN',
    });
    assert.deepEqual(ps.statusModule, {
      overallStatus: 'TERMINATED',
      startDateStruct: { date: '2021-04-14', type: 'ACTUAL' },
      completionDateStruct: { date: '2024-12-20', type: 'ACTUAL' },
    });
    assert.deepEqual(ps.designModule.enrollmentInfo, { count: 12, type: 'ACTUAL' });
  });

  it('description and conditions', () => {
    assert.match(ps.descriptionModule.briefSummary, /^The primary objective of this study is to determine whether or not cyclosporine \(CsA\) combined with RTX/);
    assert.equal(ps.descriptionModule.detailedDescription.split('\n\n').length, 3);
    assert.deepEqual(ps.conditionsModule, { conditions: ['Idiopathic Membranous Nephropathy'] });
  });

  it('design', () => {
    assert.deepEqual(ps.designModule, {
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE3'],
      designInfo: { allocation: 'RANDOMIZED', interventionModel: 'PARALLEL', primaryPurpose: 'TREATMENT', maskingInfo: { masking: 'NONE' } },
      enrollmentInfo: { count: 12, type: 'ACTUAL' },
    });
  });

  it('both arms with their types and interventions', () => {
    const [mono, combo] = ps.armsInterventionsModule.armGroups;
    assert.equal(mono.label, 'Rituximab monotherapy');
    assert.equal(mono.type, 'ACTIVE_COMPARATOR');
    assert.deepEqual(mono.interventionNames, ['Drug: Rituximab']);
    assert.match(mono.description, /^Rituximab 1000mg I\.V\. on Days 1 and 181/);
    assert.equal(combo.label, 'Rituximab combined with cyclosporine');
    assert.equal(combo.type, 'EXPERIMENTAL');
    assert.deepEqual(combo.interventionNames, ['Drug: Rituximab', 'Drug: cyclosporine']);
  });

  it('both interventions with other names, arm labels and rendered dosing', () => {
    const [rtx, csa] = ps.armsInterventionsModule.interventions;
    assert.deepEqual(rtx, {
      type: 'DRUG',
      name: 'Rituximab',
      description: '1000 mg IV on Days 1 and 181; 1000 mg IV on Days 15 and 195 depending on the CD19+ B-cell count.',
      armGroupLabels: ['Rituximab combined with cyclosporine', 'Rituximab monotherapy'],
      otherNames: ['CD20 antibody'],
    });
    assert.deepEqual(csa, {
      type: 'DRUG',
      name: 'cyclosporine',
      description: '3 mg/kg/day orally in 2 divided doses every 12 hours; adjusted to the cyclosporine blood level; tapered after 6 months over 3 months.',
      armGroupLabels: ['Rituximab combined with cyclosporine'],
      otherNames: ['CsA'],
    });
  });

  it('eligibility: ages, sex, volunteers and every criterion', () => {
    const e = ps.eligibilityModule;
    assert.equal(e.minimumAge, '18 Years');
    assert.equal(e.maximumAge, '80 Years');
    assert.equal(e.sex, 'ALL');
    assert.equal(e.healthyVolunteers, false);
    assert.equal(e.eligibilityCriteria, [
      'Inclusion Criteria:',
      '',
      '* idiopathic MN with or without diagnostic biopsy',
      '* Female, must be post-menopausal, sterile or have effective method of contraception',
      '* Time off steroid or mycophenolate mofetil > 1 month and off alkylating agents for > 6 months',
      '* Angiotensin-converting-enzyme inhibitor (ACEI) or angiotensin receptor blocker (ARB) treatment ≥ 3 months prior to randomization with controlled blood pressure, or intolerant to ACEI/ARB',
      '* Proteinuria ≥ 4 g/24 h using the average from two 24-hour urine samples collected within 2 weeks of each other, and decreased <= 50% from baseline',
      '* Estimated glomerular filtration rate (eGFR) ≥ 40 mL/min/1.73 m²',
      '',
      'Exclusion Criteria:',
      '',
      '* presence of active infection or a secondary cause of MN',
      '* diabetes mellitus: to exclude proteinuria secondary to diabetic nephropathy.',
      '* pregnancy or breast feeding',
      '* history of resistance to CsA or other calcineurin inhibitors(CNI), RTX or alkylating agents.',
      '* Patients who previously achieved remission after treatment of CNI, RTX or alkylating agents but relapsed off CNI after 3 months, or relapsed off RTX or alkylating agents after 6 months, are eligible.',
    ].join('\n'));
  });

  it('lead sponsor, 6 collaborators with classes, responsible party, the principal investigator', () => {
    const s = ps.sponsorCollaboratorsModule;
    assert.deepEqual(s.responsibleParty, { type: 'SPONSOR' });
    assert.deepEqual(s.leadSponsor, { name: 'Peking Union Medical College Hospital', class: 'OTHER' });
    assert.deepEqual(s.collaborators, [
      { name: 'Beijing Tongren Hospital', class: 'OTHER' },
      { name: 'Chinese Academy of Medical Sciences, Fuwai Hospital', class: 'OTHER' },
      { name: 'The Luhe Teaching Hospital of the Capital Medical University', class: 'OTHER' },
      { name: 'The Seventh Affiliated Hospital of Sun Yat-sen University', class: 'OTHER' },
      { name: 'First Affiliated Hospital of Xinjiang Medical University', class: 'OTHER' },
      { name: 'Shanghai Fosun Pharmaceutical Industrial Development Co. Ltd.', class: 'INDUSTRY' },
    ]);
    assert.deepEqual(ps.contactsLocationsModule.overallOfficials, [
      { name: 'Yan Qin, Doctor', affiliation: 'Peking Union Medical College Hospital', role: 'PRINCIPAL_INVESTIGATOR' },
    ]);
  });

  it('all seven sites', () => {
    const l = ps.contactsLocationsModule.locations;
    assert.equal(l.length, 7);
    assert.deepEqual(l[0], { facility: 'Fuwai Hospital, Chinese Academy of Medical Sciences', city: 'Beijing', state: 'Beijing Municipality', country: 'China' });
    assert.deepEqual(l[4], { facility: 'Nanyang Nanshi Hospital, Henan University', city: 'Nanyang', state: 'Henan', country: 'China' });
    assert.deepEqual(l[6], { facility: 'The First Affiliated Hospital of Xinjiang Medical University', city: 'Ürümqi', state: 'Xinjiang', country: 'China' });
    assert.deepEqual(l.map((x: J) => x.city), ['Beijing', 'Beijing', 'Beijing', 'Beijing', 'Nanyang', 'Shenzhen', 'Ürümqi']);
  });

  it('all ten references with PMIDs', () => {
    const r = ps.referencesModule.references;
    assert.deepEqual(r.map((x: J) => x.pmid), ['20110379', '19571279', '1374612', '18724379', '17898700', '31269364', '28487395', '19478097', '27942609', '33166580']);
    assert.ok(r.every((x: J) => x.type === 'BACKGROUND' && x.citation.length > 50));
    assert.match(r[5].citation, /Rituximab or Cyclosporine in the Treatment of Membranous Nephropathy/);
  });

  it('writes no derived sections and no organisation', () => {
    const rec = buildRecord(diagnoseText(seedText).model).record as J;
    assert.deepEqual(Object.keys(rec), ['protocolSection']);
    assert.equal(ps.eligibilityModule.stdAges, undefined);
    assert.equal(ps.identificationModule.organization, undefined);
  });
});

describe('export: refusal, schema, determinism, atomic write', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-export-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses the seed: it has errors (no official title, as its record)', () => {
    const r = exportText(seedText);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.ok(r.diagnostics.some((d) => d.code === 'registry-missing-element' && d.severity === 'error' && /official title/.test(d.message)));
    assert.ok(r.diagnostics.every((d) => d.severity === 'error'));
  });

  it('ZEPHYR-1 exports cleanly and passes the schema', () => {
    const r = exportText(readExample('ZEPHYR-1.trial'));
    assert.equal(r.ok, true, r.ok ? '' : `${r.reason} ${JSON.stringify(r.diagnostics)}`);
    if (!r.ok) return;
    assert.equal(validateExportRecord(JSON.parse(r.json)).ok, true);
    const ps = r.record.protocolSection as J;
    assert.deepEqual(ps.designModule.phases, ['PHASE2', 'PHASE3']);
    assert.deepEqual(ps.designModule.designInfo.maskingInfo.whoMasked, ['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
    assert.deepEqual(ps.statusModule.primaryCompletionDateStruct, { date: '2027-09', type: 'ESTIMATED' });
    assert.equal(ps.statusModule.statusVerifiedDate, '2026-11');
    assert.deepEqual(ps.referencesModule.seeAlsoLinks, [{ label: 'ZEPHYR-1 study website', url: 'https://example.org/zephyr-1' }]);
    // A site's own contacts, after the central ones.
    assert.deepEqual(ps.contactsLocationsModule.locations[1], {
      facility: 'Fictional Kidney Centre', status: 'RECRUITING', city: 'Lyon', country: 'France',
      contacts: [
        { name: 'Camille Laurent', role: 'PRINCIPAL_INVESTIGATOR' },
        { name: 'Research Nurse Office', role: 'CONTACT', phone: '+33 4 00 00 00 00', phoneExt: '21', email: 'zephyr.lyon@example.org' },
      ],
    });
    assert.deepEqual(ps.identificationModule.secondaryIdInfos, [{ id: '2026-500123-42-00', type: 'CTIS', domain: 'EU CTIS' }]);
    assert.deepEqual(ps.outcomesModule.secondaryOutcomes[0].timeFrame, 'Month 6 and Month 12');
    // The control arm's own tacrolimus dose is said in the arm and in the intervention.
    assert.match(ps.armsInterventionsModule.armGroups[1].description, /Tacrolimus in this arm: 0\.04 mg\/kg\/day orally in 2 divided doses every 12 hours from Day 1/);
    assert.match(ps.armsInterventionsModule.interventions[2].description, /^0\.05 mg\/kg\/day .*\n\nIn the "Placebo plus standard care" arm: 0\.04 mg\/kg\/day/s);
  });

  it('is deterministic: byte-identical JSON, 2 spaces, trailing newline', () => {
    const a = exportText(readExample('ZEPHYR-1.trial'));
    const b = exportText(readExample('ZEPHYR-1.trial'));
    assert.ok(a.ok && b.ok);
    if (!a.ok || !b.ok) return;
    assert.equal(a.json, b.json);
    assert.ok(a.json.endsWith('}\n'));
    assert.ok(a.json.startsWith('{\n  "protocolSection": {\n    "identificationModule"'));
    const f1 = path.join(dir, 'a.json');
    const f2 = path.join(dir, 'b.json');
    writeExport(f1, a.json);
    writeExport(f2, b.json);
    assert.ok(fs.readFileSync(f1).equals(fs.readFileSync(f2)));
  });

  it('the schema rejects unknown keys, wrong enums, over-long text and malformed dates', () => {
    const base = buildRecord(diagnoseText(readExample('ZEPHYR-1.trial')).model).record as J;
    const mutate = (f: (ps: J) => void) => { const c = JSON.parse(serializeRecord(base)); f(c.protocolSection); return validateExportRecord(c); };
    for (const [what, f] of [
      ['unknown key', (ps: J) => { ps.designModule.dosing = 'x'; }],
      ['wrong enum', (ps: J) => { ps.statusModule.overallStatus = 'Recruiting'; }],
      ['over-long brief title', (ps: J) => { ps.identificationModule.briefTitle = 'x'.repeat(301); }],
      ['malformed date', (ps: J) => { ps.statusModule.startDateStruct.date = '2026-02-30'; }],
      ['bad age', (ps: J) => { ps.eligibilityModule.minimumAge = '18 years'; }],
    ] as const) {
      const r = mutate(f);
      assert.equal(r.ok, false, what);
    }
    assert.equal(validateExportRecord({ ...base, derivedSection: {} }).ok, false);
  });

  it('refuses a clean protocol whose record fails the schema, and says which field', () => {
    const text = readExample('ZEPHYR-1.trial').replace('acronym "ZEPHYR-1"', 'acronym "ZEPHYR-1-EXTENDED-ACRONYM"');
    const r = exportText(text, (t) => { const d = diagnoseText(t); return { ...d, diagnostics: d.diagnostics.filter((x) => x.severity !== 'error') }; });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.ok(r.issues?.some((i) => i.path === 'protocolSection.identificationModule.acronym'));
  });

  it('refuses a word that names no registry value (builder problem)', () => {
    const text = readExample('ZEPHYR-1.trial').replace('status recruiting\n', 'status ongoing\n');
    const built = buildRecord(diagnoseText(text).model);
    assert.ok(built.problems.some((p) => p.code === 'export-unknown-value' && /ongoing/.test(p.message)));
  });

  it('renders dosing deterministically in clinical English', () => {
    const m = diagnoseText(readExample('ZEPHYR-1.trial')).model;
    const labels = new Map([...m.measures].map(([k, v]) => [k, v.label.value]));
    assert.equal(renderDosing(m.interventions.get('zephyrimab')!, labels),
      '10 mg/kg IV every 4 weeks from Day 1 for 12 months; 5 mg/kg IV on Day 15 if the absolute neutrophil count is above 1.5 ×10⁹/L; per-kg doses calculated on actual body weight at the screening visit; maximum single dose 1500 mg.');
    const none = diagnoseText('intervention x {\n  type drug\n  name "X"\n}\n').model;
    assert.equal(renderDosing(none.interventions.get('x')!), '');
  });

  it('NO_INTERVENTION arm has no interventionNames key; ages in months and singular units', () => {
    const text = [
      'trial {', '  brief title "T"', '}', '',
      'arm control {', '  label "Observation"', '  type no intervention', '}', '',
      'eligibility {', '  age 1 month to 17 years', '}', '',
    ].join('\n');
    const ps = buildRecord(diagnoseText(text).model).record.protocolSection as J;
    assert.deepEqual(ps.armsInterventionsModule.armGroups, [{ label: 'Observation', type: 'NO_INTERVENTION' }]);
    assert.equal(ps.eligibilityModule.minimumAge, '1 Month');
    assert.equal(ps.eligibilityModule.maximumAge, '17 Years');
  });
});
