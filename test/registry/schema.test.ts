import * as assert from 'assert';
import * as path from 'path';
import { z } from 'zod';
import {
  KNOWN_NON_API_FIELDS, RecordIssue, describeDateProblem, exportRecordSchema, formatPath, registryStudySchema,
  removeKnownNonApiFields, unescapedLength, unwrapStudy, useJitlessZod, validateExportRecord, validateRegistryStudy,
} from '../../server/registry/schema';
import { readJson, registryRecordFiles } from './fixtures';

/** A small but complete exported record (shaped like the seed NCT04743739). */
function validRecord() {
  return {
    protocolSection: {
      identificationModule: {
        nctId: 'NCT04743739',
        orgStudyIdInfo: { id: 'IMN-RTX-CSA' },
        briefTitle: 'Rituximab With or Without Cyclosporine in Idiopathic Membranous Nephropathy',
        acronym: 'RTX-CSA',
        organization: { fullName: 'Example University Hospital', class: 'OTHER' },
      },
      statusModule: {
        statusVerifiedDate: '2021-02',
        overallStatus: 'RECRUITING',
        startDateStruct: { date: '2021-03-01', type: 'ACTUAL' },
        primaryCompletionDateStruct: { date: '2024-02-29', type: 'ESTIMATED' },
        completionDateStruct: { date: '2025', type: 'ESTIMATED' },
      },
      sponsorCollaboratorsModule: {
        responsibleParty: { type: 'SPONSOR' },
        leadSponsor: { name: 'Example University Hospital', class: 'OTHER' },
      },
      oversightModule: { oversightHasDmc: true, isFdaRegulatedDrug: false, isFdaRegulatedDevice: false },
      descriptionModule: { briefSummary: 'Rituximab alone or with cyclosporine.' },
      conditionsModule: { conditions: ['Membranous Nephropathy'], keywords: ['rituximab'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['PHASE2', 'PHASE3'],
        designInfo: {
          allocation: 'RANDOMIZED', interventionModel: 'PARALLEL', primaryPurpose: 'TREATMENT',
          maskingInfo: { masking: 'NONE' },
        },
        enrollmentInfo: { count: 100, type: 'ESTIMATED' },
      },
      armsInterventionsModule: {
        armGroups: [
          { label: 'Rituximab', type: 'ACTIVE_COMPARATOR', interventionNames: ['Drug: Rituximab'] },
          { label: 'Rituximab + cyclosporine', type: 'EXPERIMENTAL', interventionNames: ['Drug: Rituximab', 'Drug: Cyclosporine'] },
        ],
        interventions: [
          { type: 'DRUG', name: 'Rituximab', armGroupLabels: ['Rituximab', 'Rituximab + cyclosporine'] },
          { type: 'DRUG', name: 'Cyclosporine', armGroupLabels: ['Rituximab + cyclosporine'] },
        ],
      },
      outcomesModule: { primaryOutcomes: [{ measure: 'Complete remission of proteinuria', timeFrame: 'Month 12' }] },
      eligibilityModule: {
        eligibilityCriteria: 'Inclusion Criteria:\n\n* biopsy-proven membranous nephropathy',
        healthyVolunteers: false, sex: 'ALL', minimumAge: '18 Years', maximumAge: '1 Year',
      },
      contactsLocationsModule: {
        centralContacts: [{ name: 'Study Desk', role: 'CONTACT', email: 'study@example.org' }],
        locations: [{ facility: 'Example University Hospital', status: 'RECRUITING', city: 'Paris', country: 'France' }],
      },
      ipdSharingStatementModule: { ipdSharing: 'NO' },
    },
  };
}

type Rec = ReturnType<typeof validRecord>;

function issuesOf(mutate: (r: Rec & Record<string, unknown>) => void): RecordIssue[] {
  const r = validRecord() as Rec & Record<string, unknown>;
  mutate(r);
  const res = validateExportRecord(r);
  assert.ok(!res.ok, 'expected the record to be rejected');
  return res.issues;
}

function onlyIssue(mutate: (r: Rec & Record<string, unknown>) => void): RecordIssue {
  const issues = issuesOf(mutate);
  assert.strictEqual(issues.length, 1, JSON.stringify(issues, null, 2));
  return issues[0]!;
}

/**
 * Real records that break the strict API v2 shape (OAS205), with exactly the offending paths.
 * The schema is not loosened for them; the importer removes these through removeKnownNonApiFields.
 */
const REAL_RECORD_VIOLATIONS: Record<string, string[]> = {
  'NCT02513394.json': ['protocolSection.contactsLocationsModule.locations_nested'],
  'NCT05843643.json': [
    'protocolSection.armsInterventionsModule.interventions[0].interventionMappedName',
    'protocolSection.contactsLocationsModule.locations_nested',
  ],
  'NCT05887817.json': ['protocolSection.contactsLocationsModule.locations_nested'],
  'NCT05914155.json': [
    'protocolSection.armsInterventionsModule.interventions[0].interventionMappedName',
    'protocolSection.armsInterventionsModule.interventions[2].interventionMappedName',
    'protocolSection.contactsLocationsModule.locations_nested',
  ],
};

describe('registry schema: real records', () => {
  const files = registryRecordFiles();

  it('finds the ten real records in shared/registry-records', () => {
    assert.ok(files.length >= 10, `found ${files.length}`);
  });

  for (const file of files) {
    const name = path.basename(file);
    it(`${name}: protocolSection passes the reading schema${REAL_RECORD_VIOLATIONS[name] ? ' once its known non-API fields are removed' : ''}`, () => {
      const study = unwrapStudy(readJson(file));
      const raw = validateRegistryStudy(study);
      const expected = REAL_RECORD_VIOLATIONS[name];
      if (!expected) {
        assert.ok(raw.ok, raw.ok ? '' : raw.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
        return;
      }
      // The strict schema rejects exactly the undocumented keys, and nothing else.
      assert.ok(!raw.ok);
      assert.deepStrictEqual(raw.issues.map((i) => i.path).sort(), [...expected].sort());
      assert.ok(raw.issues.every((i) => i.code === 'unrecognized_keys'));
      const cleaned = removeKnownNonApiFields(study);
      assert.deepStrictEqual(cleaned.removed.sort(), [...expected].sort());
      const again = validateRegistryStudy(cleaned.study);
      assert.ok(again.ok, again.ok ? '' : again.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    });
  }

  it('removeKnownNonApiFields leaves informative or unknown extras for the schema to report', () => {
    const study = unwrapStudy(readJson(files.find((f) => f.endsWith('NCT05914155.json'))!)) as {
      protocolSection: { contactsLocationsModule: Record<string, unknown[]> };
    };
    const copy = JSON.parse(JSON.stringify(study)) as typeof study;
    copy.protocolSection.contactsLocationsModule['locations_nested']!.pop(); // no longer a copy of locations
    const r = removeKnownNonApiFields(copy);
    assert.ok(!r.removed.includes(KNOWN_NON_API_FIELDS[0]));
    assert.ok('locations_nested' in (r.study as typeof study).protocolSection.contactsLocationsModule);
    assert.ok('locations_nested' in study.protocolSection.contactsLocationsModule, 'input not modified');
  });

  it('NCT06094296: an outcome description over 999 characters only because of the API\'s markdown escapes', () => {
    const study = unwrapStudy(readJson(files.find((f) => f.endsWith('NCT06094296.json'))!)) as {
      protocolSection: { outcomesModule: { primaryOutcomes: { description: string }[] } };
    };
    const d = study.protocolSection.outcomesModule.primaryOutcomes[3]!.description;
    assert.strictEqual(d.length, 1018);
    assert.strictEqual(unescapedLength(d), 998);
    // Reading (API output): limits count the text without escapes -> passes (see the loop above).
    // Exporting: the raw string is what we would send, so the same text is rejected.
    const res = validateExportRecord({ protocolSection: study.protocolSection });
    assert.ok(!res.ok);
    assert.deepStrictEqual(res.issues.map((i) => i.message), [
      'primaryOutcomes[3].description is 1018 characters; the registry allows 999',
      'secondaryOutcomes[4].description is 1018 characters; the registry allows 999',
    ]);
    // The reading schema still enforces the limit on the unescaped text.
    const longer = JSON.parse(JSON.stringify(study)) as typeof study;
    longer.protocolSection.outcomesModule.primaryOutcomes[3]!.description = d + 'xy';
    const rr = validateRegistryStudy(longer);
    assert.ok(!rr.ok);
    assert.strictEqual(rr.issues[0]!.path, 'protocolSection.outcomesModule.primaryOutcomes[3].description');
    assert.strictEqual(rr.issues[0]!.message,
      "primaryOutcomes[3].description is 1000 characters without the API's markdown escapes; the registry allows 999");
    assert.strictEqual(rr.issues[0]!.limit?.limit, 999);
  });

  it('the reading schema passes other top-level sections through unchecked', () => {
    const file = files.find((f) => f.endsWith('NCT02513394.json'))!;
    const study = removeKnownNonApiFields(unwrapStudy(readJson(file))).study;
    const parsed = registryStudySchema.parse(study);
    assert.ok(parsed.resultsSection && parsed.derivedSection && parsed.documentSection);
    assert.strictEqual(parsed.hasResults, true);
    const extra = registryStudySchema.parse({ ...(study as object), someFutureSection: { a: 1 } }) as Record<string, unknown>;
    assert.deepStrictEqual(extra['someFutureSection'], { a: 1 });
  });

  it('unwrapStudy takes the study out of a one-study page and leaves a bare study alone', () => {
    const bare = { protocolSection: {} };
    assert.strictEqual(unwrapStudy(bare), bare);
    assert.strictEqual(unwrapStudy({ studies: [bare] }), bare);
    const two = { studies: [bare, bare] };
    assert.strictEqual(unwrapStudy(two), two);
  });
});

describe('registry schema: export records', () => {
  it('accepts a complete valid record and returns it typed', () => {
    const res = validateExportRecord(validRecord());
    assert.ok(res.ok, res.ok ? '' : JSON.stringify(res.issues, null, 2));
    assert.strictEqual(res.value.protocolSection.designModule?.phases?.[1], 'PHASE3');
  });

  it('accepts an empty protocolSection (requiredness is a check, not schema) but not a missing one', () => {
    assert.ok(validateExportRecord({ protocolSection: {} }).ok);
    const res = validateExportRecord({});
    assert.ok(!res.ok);
    assert.deepStrictEqual(res.issues.map((i) => [i.path, i.message]), [['protocolSection', 'protocolSection is missing']]);
  });

  it('rejects an unknown key at the top level', () => {
    const i = onlyIssue((r) => { r['extra'] = true; });
    assert.strictEqual(i.path, 'extra');
    assert.strictEqual(i.code, 'unrecognized_keys');
    assert.match(i.message, /extra is not a field of the record/);
  });

  it('rejects an unknown key in protocolSection and deep inside a module', () => {
    const a = onlyIssue((r) => { (r.protocolSection as Record<string, unknown>)['derivedModule'] = {}; });
    assert.strictEqual(a.path, 'protocolSection.derivedModule');
    const b = onlyIssue((r) => { (r.protocolSection.armsInterventionsModule.interventions[1] as Record<string, unknown>)['dose'] = '375 mg/m2'; });
    assert.strictEqual(b.path, 'protocolSection.armsInterventionsModule.interventions[1].dose');
    assert.strictEqual(b.message,
      'interventions[1].dose is not a field of protocolSection.armsInterventionsModule.interventions[1] in the ClinicalTrials.gov API v2 format');
    const c = onlyIssue((r) => { (r.protocolSection.designModule.designInfo.maskingInfo as Record<string, unknown>)['blinded'] = true; });
    assert.strictEqual(c.path, 'protocolSection.designModule.designInfo.maskingInfo.blinded');
  });

  it('rejects derivedSection, resultsSection and hasResults', () => {
    for (const key of ['derivedSection', 'resultsSection', 'hasResults', 'documentSection', 'annotationSection']) {
      const i = onlyIssue((r) => { r[key] = key === 'hasResults' ? false : {}; });
      assert.strictEqual(i.path, key);
      assert.match(i.message, new RegExp(`^${key} must not be in an exported record: .*; export only protocolSection$`));
    }
  });

  it('rejects a wrong enumeration value ("Phase 3") and suggests the API value', () => {
    const i = onlyIssue((r) => { (r.protocolSection.designModule.phases as string[])[1] = 'Phase 3'; });
    assert.strictEqual(i.path, 'protocolSection.designModule.phases[1]');
    assert.strictEqual(i.code, 'invalid_value');
    assert.strictEqual(i.message,
      'phases[1] is "Phase 3"; expected one of NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4 (did you mean "PHASE3"?)');
    const j = onlyIssue((r) => { (r.protocolSection.designModule.designInfo as unknown as Record<string, string>)['allocation'] = 'N/A'; });
    assert.match(j.message, /did you mean "NA"/);
    const k = onlyIssue((r) => { (r.protocolSection.eligibilityModule as unknown as Record<string, string>)['sex'] = 'Both'; });
    assert.match(k.message, /^sex is "Both"; expected one of FEMALE, MALE, ALL$/);
  });

  it('rejects a 301-character brief title, with the limit and its source', () => {
    const i = onlyIssue((r) => { r.protocolSection.identificationModule.briefTitle = 'x'.repeat(301); });
    assert.strictEqual(i.path, 'protocolSection.identificationModule.briefTitle');
    assert.strictEqual(i.message, 'briefTitle is 301 characters; the registry allows 300');
    assert.deepStrictEqual(i.limit?.sources, ['DEFS', 'CG', 'CLX']);
    assert.ok(validateExportRecord({ protocolSection: { identificationModule: { briefTitle: 'x'.repeat(300) } } }).ok);
  });

  it('reports an over-long arm label with its full JSON path', () => {
    const i = onlyIssue((r) => { r.protocolSection.armsInterventionsModule.armGroups[1]!.label = 'L'.repeat(104); });
    assert.strictEqual(i.path, 'protocolSection.armsInterventionsModule.armGroups[1].label');
    assert.deepStrictEqual(i.segments, ['protocolSection', 'armsInterventionsModule', 'armGroups', 1, 'label']);
    assert.strictEqual(i.message, 'armGroups[1].label is 104 characters; the registry allows 100');
  });

  it('rejects malformed and impossible partial dates', () => {
    const cases: [string, RegExp][] = [
      ['2021-13', /^startDateStruct\.date is "2021-13", which is not a real date: there is no month 13$/],
      ['2021-02-30', /^startDateStruct\.date is "2021-02-30", which is not a real date: February 2021 has 28 days$/],
      ['21-04-14', /^startDateStruct\.date is "21-04-14", which is not a date in the form yyyy, yyyy-MM or yyyy-MM-dd$/],
      ['2023-02-29', /February 2023 has 28 days/],
      ['1900-02-29', /February 1900 has 28 days/],
      ['2021-04-31', /April 2021 has 30 days/],
      ['2021-00', /there is no month 00/],
      ['2021-1-5', /not a date in the form/],
      ['April 2021', /not a date in the form/],
      ['2021-04-14T00:00', /not a date in the form/],
    ];
    for (const [date, re] of cases) {
      const i = onlyIssue((r) => { r.protocolSection.statusModule.startDateStruct.date = date; });
      assert.strictEqual(i.path, 'protocolSection.statusModule.startDateStruct.date', date);
      assert.strictEqual(i.code, 'invalid_format', date);
      assert.match(i.message, re, date);
    }
  });

  it('accepts yyyy, yyyy-MM and real yyyy-MM-dd dates, leap days included', () => {
    for (const date of ['2021', '2021-12', '2021-01-31', '2024-02-29', '2000-02-29', '1999-12-31']) {
      const r = validRecord();
      r.protocolSection.statusModule.startDateStruct.date = date;
      assert.ok(validateExportRecord(r).ok, date);
    }
    assert.strictEqual(describeDateProblem('2024-02-29', 'full'), undefined);
  });

  it('requires a full date in DateStruct and the submit dates', () => {
    const i = onlyIssue((r) => { (r.protocolSection.statusModule as Record<string, unknown>)['studyFirstPostDateStruct'] = { date: '2021-04', type: 'ACTUAL' }; });
    assert.strictEqual(i.message, 'studyFirstPostDateStruct.date is "2021-04"; this field needs a full date yyyy-MM-dd');
    const j = onlyIssue((r) => { (r.protocolSection.statusModule as Record<string, unknown>)['lastUpdateSubmitDate'] = '2021-02-29'; });
    assert.match(j.message, /February 2021 has 28 days/);
  });

  it('rejects a bad age string ("18 years") and suggests the right one', () => {
    const i = onlyIssue((r) => { r.protocolSection.eligibilityModule.minimumAge = '18 years'; });
    assert.strictEqual(i.path, 'protocolSection.eligibilityModule.minimumAge');
    assert.match(i.message, /^minimumAge is "18 years"; it must be a whole number, one space and a capitalised unit .* \(did you mean "18 Years"\?\)$/);
    for (const bad of ['N/A', '18', '18.5 Years', '18  Years', 'Years', '6 Mos']) {
      const issue = onlyIssue((r) => { r.protocolSection.eligibilityModule.maximumAge = bad; });
      assert.strictEqual(issue.code, 'invalid_format', bad);
    }
    for (const good of ['1 Year', '6 Months', '2 Weeks', '30 Days', '12 Hours', '90 Minutes', '0 Years']) {
      const r = validRecord();
      r.protocolSection.eligibilityModule.maximumAge = good;
      assert.ok(validateExportRecord(r).ok, good);
    }
  });

  it('applies the age pattern to targetDuration too', () => {
    const i = onlyIssue((r) => { (r.protocolSection.designModule as Record<string, unknown>)['targetDuration'] = '2 years'; });
    assert.strictEqual(i.path, 'protocolSection.designModule.targetDuration');
  });

  it('rejects malformed NCT numbers', () => {
    for (const bad of ['NCT0474373', 'nct04743739', 'NCT047437390', 'NCT-4743739']) {
      const i = onlyIssue((r) => { r.protocolSection.identificationModule.nctId = bad; });
      assert.match(i.message, /an NCT number is "NCT" followed by 8 digits/, bad);
    }
  });

  it('reports wrong types readably', () => {
    const i = onlyIssue((r) => { (r.protocolSection.designModule.enrollmentInfo as Record<string, unknown>)['count'] = '100'; });
    assert.strictEqual(i.message, 'enrollmentInfo.count must be a number, not the text "100"');
    const j = onlyIssue((r) => { (r.protocolSection.designModule.enrollmentInfo as Record<string, unknown>)['count'] = 10.5; });
    assert.strictEqual(j.path, 'protocolSection.designModule.enrollmentInfo.count');
    assert.strictEqual(j.message, 'enrollmentInfo.count must be a whole number, not the number 10.5');
    const k = onlyIssue((r) => { (r.protocolSection.oversightModule as Record<string, unknown>)['oversightHasDmc'] = 'yes'; });
    assert.strictEqual(k.message, 'oversightHasDmc must be true or false, not the text "yes"');
  });

  it('reports several issues at once', () => {
    const issues = issuesOf((r) => {
      r.protocolSection.identificationModule.acronym = 'A-VERY-LONG-ACRONYM';
      r.protocolSection.statusModule.overallStatus = 'Recruiting';
      r['derivedSection'] = {};
    });
    assert.deepStrictEqual(issues.map((i) => i.path).sort(), [
      'derivedSection',
      'protocolSection.identificationModule.acronym',
      'protocolSection.statusModule.overallStatus',
    ]);
  });

  it('formatPath writes indices in brackets', () => {
    assert.strictEqual(formatPath(['protocolSection', 'outcomesModule', 'primaryOutcomes', 0, 'measure']),
      'protocolSection.outcomesModule.primaryOutcomes[0].measure');
    assert.strictEqual(formatPath([]), '');
  });

  it('useJitlessZod switches zod to eval-free validation with the same results', () => {
    try {
      useJitlessZod();
      assert.strictEqual(z.config().jitless, true);
      assert.ok(exportRecordSchema.safeParse(validRecord()).success);
      const res = validateExportRecord({ protocolSection: { designModule: { phases: ['Phase 3'] } }, derivedSection: {} });
      assert.ok(!res.ok);
      assert.strictEqual(res.issues.length, 2);
    } finally {
      z.config({ jitless: false });
    }
  });
});
