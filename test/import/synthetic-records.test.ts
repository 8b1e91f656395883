/**
 * Defects seen on real registry records that the shared records do not reproduce, on minimal
 * synthetic records (test/fixtures/records/): each is imported and checked as a real one would be.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRecord, diagnoseText, exportText } from '../../server/export';
import { importRecord } from '../../server/import';
import { fixturesDir } from '../helpers/paths';

function load(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, 'records', name), 'utf8'));
}

function imported(name: string): { text: string; diagnostics: ReturnType<typeof diagnoseText>['diagnostics']; record: any } {
  const [t] = importRecord(load(name));
  const { model, diagnostics } = diagnoseText(t!.text);
  return { text: t!.text, diagnostics, record: buildRecord(model).record };
}

describe('import: synthetic records for defects the real ones do not show', () => {
  it('a study the registry set to UNKNOWN keeps its recruiting sites without site-recruiting-mismatch', () => {
    const r = imported('status-unknown-site-recruiting.json');
    assert.match(r.text, /^ {2}status unknown$/m);
    assert.match(r.text, /status recruiting$/m);
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'site-recruiting-mismatch').map((d) => d.message), []);
    assert.equal(r.record.protocolSection.statusModule.overallStatus, 'UNKNOWN');
    assert.equal(r.record.protocolSection.contactsLocationsModule.locations[0].status, 'RECRUITING');
  });

  it('a record with no age limits is imported with `age any`, and exported again without ages', () => {
    const r = imported('no-age-limits.json');
    assert.match(r.text, /^ {2}age any$/m);
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'registry-missing-element').map((d) => d.message), []);
    const em = r.record.protocolSection.eligibilityModule;
    assert.equal(em.minimumAge, undefined);
    assert.equal(em.maximumAge, undefined);
    assert.equal(em.sex, 'ALL');
  });

  it('a record without an eligibility module gets no invented `age any`', () => {
    const record = load('no-age-limits.json');
    delete record['protocolSection'].eligibilityModule;
    const [t] = importRecord(record);
    assert.doesNotMatch(t!.text, /\bage any\b/);
  });
});

describe('registry-text-too-long: an official affiliation over the 160 characters of a secondary source', () => {
  it('a 161–164 character affiliation, which the registry stores, is a warning and exports', () => {
    const r = imported('long-affiliation.json');
    const affiliation: string = load('long-affiliation.json')['protocolSection'].contactsLocationsModule.overallOfficials[0].affiliation;
    assert.ok(affiliation.length > 160 && affiliation.length <= 164);
    const found = r.diagnostics.filter((d) => d.code === 'registry-text-too-long');
    assert.deepEqual(found.map((d) => d.severity), ['warning']);
    assert.equal(r.text.slice(found[0]!.range.start.offset, found[0]!.range.end.offset), JSON.stringify(affiliation));
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), []);
    const exported = exportText(r.text);
    assert.ok(exported.ok, JSON.stringify(exported));
    assert.equal((exported as any).record.protocolSection.contactsLocationsModule.overallOfficials[0].affiliation, affiliation);
  });
});
