import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../grammar/parse';
import { buildRecord, diagnoseText, exportText } from '../../server/export';
import { importRecord, importStudy, splitCriteria, textValue, identifierFor } from '../../server/import';
import { compareModelled } from '../../server/import/round-trip';
import { findShared } from '../export/shared';

const shared = findShared();
const recordsDir = path.join(shared, 'registry-records');
const records = fs.readdirSync(recordsDir).filter((f) => f.endsWith('.json')).sort();

describe('import: every shared registry record', function () {
  this.timeout(60000);
  it('finds the shared records', () => assert.ok(records.length >= 10, `found ${records.length}`));

  for (const file of records) {
    describe(file, () => {
      const json = () => JSON.parse(fs.readFileSync(path.join(recordsDir!, file), 'utf8'));
      const study = () => { const j = json(); return j.studies ? j.studies[0] : j; };

      it('imports to a .trial that parses with no syntax diagnostics, and reports what it dropped', () => {
        const [t] = importRecord(json());
        assert.ok(t);
        assert.deepEqual(parse(t.text).diagnostics.map((d) => d.message), []);
        assert.equal(t.id, study().protocolSection.identificationModule.nctId);
        assert.ok(t.notes.some((n) => /derivedSection was not imported/.test(n)));
        assert.ok(t.notes.some((n) => /lastUpdateSubmitDate/.test(n)), 'a registry-assigned date is reported as dropped');
        // The record verification date is kept as a statement of the trial block.
        const verified = study().protocolSection.statusModule.statusVerifiedDate as string;
        assert.match(t.text, new RegExp(`^  verified ${verified}$`, 'm'));
      });

      it('round trip: export(import(record)) equals the record on every modelled field', () => {
        const [t] = importRecord(json());
        const built = buildRecord(diagnoseText(t!.text).model);
        assert.deepEqual(built.problems, []);
        const { differences } = compareModelled(study().protocolSection, built.record.protocolSection);
        // The criteria text comes back as written (whitespace aside), and the import announces no difference.
        assert.deepEqual(t!.notes.filter((n) => /will not be exported word for word/.test(n)), []);
        assert.deepEqual(differences, []);
      });

      it('checks report no false errors (only the known real problems)', () => {
        const [t] = importRecord(json());
        const diagnostics = diagnoseText(t!.text).diagnostics;
        assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), []);
        // NCT00712335 and NCT02753764 are COMPLETED with a start date that has no ACTUAL/ESTIMATED type
        // (legacy records): a warning, since a new submission would need the type.
        const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
        const expected = ['NCT00712335.json', 'NCT02753764.json'].includes(file) ? ['status-needs-actual'] : [];
        assert.deepEqual(warnings, expected);
      });
    });
  }

  it('NCT04280705: an indented "Exclusion Criteria:" inside the inclusion list is no heading (checked on the exported text, not re-split)', () => {
    const [t] = importRecord(JSON.parse(fs.readFileSync(path.join(recordsDir!, 'NCT04280705.json'), 'utf8')));
    const text: string = (buildRecord(diagnoseText(t!.text).model).record as any).protocolSection.eligibilityModule.eligibilityCriteria;
    const headings = [...text.matchAll(/^Exclusion Criteria:$/gm)];
    assert.equal(headings.length, 1, text);
    const inclusion = text.slice(0, headings[0]!.index);
    // Inclusion criteria 6–8 of the original, the contraception requirement among them.
    for (const phrase of ['Illness of any duration', 'Women of childbearing potential must agree', 'Agrees to not participate in another clinical trial']) {
      assert.ok(inclusion.includes(phrase), `${phrase} stays an inclusion criterion`);
    }
    assert.ok(text.slice(headings[0]!.index).includes('Pregnancy or breast feeding'));
  });

  it('an indented heading is a heading when the text has no first-column heading for its section (NCT05658640)', () => {
    const s = splitCriteria('Inclusion criteria\n1. adults\n   Exclusion Criteria\n7. pregnancy');
    assert.deepEqual([s.study.include.items, s.study.exclude.items], [['adults'], ['pregnancy']]);
    const nested = splitCriteria('Inclusion Criteria:\n1. a\n\n      Exclusion Criteria:\n   2. b\nExclusion Criteria:\n1. c');
    assert.equal(nested.study.include.items.length, 1);
    assert.match(nested.study.include.items[0]!, /Exclusion Criteria:\n   2\. b/);
    assert.deepEqual(nested.study.exclude.items, ['c']);
  });

  it('a {"studies": [...]} list gives one trial per study', () => {
    const a = JSON.parse(fs.readFileSync(path.join(recordsDir!, 'NCT05914155.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(recordsDir!, 'NCT05887817.json'), 'utf8'));
    const trials = importRecord({ studies: [a, b] });
    assert.deepEqual(trials.map((t) => t.fileName), ['NCT05914155.trial', 'NCT05887817.trial']);
  });

  it('NCT05914155: two interventions with the same name go to the right arms', () => {
    const [t] = importRecord(JSON.parse(fs.readFileSync(path.join(recordsDir!, 'NCT05914155.json'), 'utf8')));
    const ids = [...t!.text.matchAll(/^intervention (\w+)/gm)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('import: text and identifiers', () => {
  it('escapes quotes and backslashes and keeps multi-line text exactly', () => {
    for (const s of ['say "hi" \\ there', 'two\nlines', 'a\n\n  * nested\n  * list', 'trailing space \nx', '"""tricky"""\nx', 'tab\there']) {
      const p = parse(`trial {\n  summary ${textValue(s, '  ')}\n}\n`);
      assert.deepEqual(p.diagnostics, []);
      const stmt = (p.ast.items[0] as any).statements[0];
      assert.equal(stmt.text.value, s);
    }
  });

  it('makes unique identifiers that are never keywords', () => {
    const taken = new Set<string>();
    assert.equal(identifierFor('Rituximab (genetical recombination)', 'intervention', taken), 'rituximab_genetical_recombination');
    assert.equal(identifierFor('Rituximab (genetical recombination)', 'intervention', taken), 'rituximab_genetical_recombination_2');
    assert.equal(identifierFor('Placebo', 'intervention', taken), 'placebo');
    assert.equal(identifierFor('Other', 'arm', taken), 'other_arm');
    assert.equal(identifierFor('5-FU', 'intervention', taken), 'intervention_5_fu');
    assert.equal(identifierFor('Ürümqi', 'site', taken), 'urumqi');
  });

  it('splits criteria into items, keeping nested lists inside their item', () => {
    const s = splitCriteria('Inclusion Criteria:\n\n* a\n* b:\n\n  * b1\n  * b2\n\nExclusion Criteria:\n\n1. c\n2. d');
    assert.deepEqual(s.study.include.items, ['a', 'b:\n\n  * b1\n  * b2']);
    assert.deepEqual(s.study.exclude.items, ['c', 'd']);
    assert.deepEqual([s.study.include.markers, s.study.exclude.markers], [['*', '*'], ['1.', '2.']]);
  });

  it('refuses what is not a study record', () => {
    assert.throws(() => importStudy({ hello: 1 }), /not a ClinicalTrials.gov API v2 study record/);
    assert.throws(() => importRecord({ studies: [] }), /empty/);
  });

  it('imports then exports the seed translation back to the same record', () => {
    const seed = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'NCT04743739.trial'), 'utf8');
    const exported = buildRecord(diagnoseText(seed).model).record;
    const [t] = importRecord(exported);
    const again = buildRecord(diagnoseText(t!.text).model).record;
    // The seed's structured dosing and criteria come back as the rendered text: the record fields are equal.
    assert.deepEqual(compareModelled(exported.protocolSection, again.protocolSection).differences, []);
    assert.equal(exportText(t!.text).ok, false); // still no primary outcome
  });
});
