import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type CliIo } from '../../server/cli/main';
import { compareRecord } from '../../server/corpus/compare-record';
import { diffExpected, expectedOf } from '../../server/corpus/expected';
import { runCorpus } from '../../server/corpus/pool';
import { runRecordText, runStudy } from '../../server/corpus/run-record';
import { findShared } from '../export/shared';

const shared = findShared();
const recordsDir = shared ? path.join(shared, 'registry-records') : undefined;
const readRecord = (name: string) => JSON.parse(fs.readFileSync(path.join(recordsDir!, name), 'utf8'));

describe('corpus: comparison with the original record', () => {
  it('compares texts as texts: whitespace and markdown escapes aside, any other change differs', () => {
    const t = compareRecord(
      { a: { text: 'Inclusion:\n\n* x \\> 1\n*   y', other: 'same' }, list: ['p', 'q'] },
      { a: { text: 'Inclusion: * x > 1 * y', other: 'Same' }, list: ['p', 'q', 'r'] },
    );
    assert.deepEqual(t.get('a.text'), { same: 1, differs: 0, missing: 0, added: 0 });
    assert.deepEqual(t.get('a.other'), { same: 0, differs: 1, missing: 0, added: 0 });
    assert.deepEqual(t.get('list[]'), { same: 2, differs: 0, missing: 0, added: 1 });
    assert.deepEqual(compareRecord({ b: [{ c: 1 }] }, {}).get('b[].c'), { same: 0, differs: 0, missing: 1, added: 0 });
  });

  it('sees a criterion that changes section, which splitting both sides with one function cannot', () => {
    const original = { eligibilityModule: { eligibilityCriteria: 'Inclusion Criteria:\n\n* adults\n\n  Exclusion Criteria: none of the below\n\nExclusion Criteria:\n\n* pregnancy' } };
    const moved = { eligibilityModule: { eligibilityCriteria: 'Inclusion Criteria:\n\n* adults\n\nExclusion Criteria:\n\n* none of the below\n* pregnancy' } };
    assert.equal(compareRecord(original, moved).get('eligibilityModule.eligibilityCriteria')!.differs, 1);
  });
});

describe('corpus: one record through the product', function () {
  this.timeout(60000);
  before(function () { if (!recordsDir) this.skip(); });

  it('a real record: no crash, codes counted, export compared with the original', () => {
    const o = runStudy('NCT05843643.json', readRecord('NCT05843643.json'));
    assert.equal(o.crash, undefined);
    assert.equal(o.nctId, 'NCT05843643');
    assert.deepEqual(o.fields['identificationModule.briefTitle'], { same: 1, differs: 0, missing: 0, added: 0 });
    // Computed by the registry: never exported, so it shows as missing.
    assert.ok(o.fields['eligibilityModule.stdAges[]']!.missing > 0);
    assert.ok(o.otherSections.includes('derivedSection'));
  });

  it('a file that is not JSON or not a record is a crash outcome, never a thrown error', () => {
    assert.equal(runRecordText('bad.json', '{ nope')[0]!.crash!.stage, 'read');
    assert.equal(runRecordText('empty.json', '{}')[0]!.crash!.stage, 'import');
  });
});

describe('corpus: expected result', () => {
  const base = { errors: { 'phase-mismatch': 1 }, warnings: {}, exported: 'refused' as const, notRoundTripped: ['a'] };
  it('a new diagnostic, a newly lost field, a new refusal are regressions; the reverse are improvements', () => {
    const changes = diffExpected({ r: base }, { r: { errors: { 'phase-mismatch': 2 }, warnings: { w: 1 }, exported: 'refused', notRoundTripped: ['a', 'b'] } });
    assert.deepEqual(changes.map((c) => [c.regression, c.message]), [
      [true, 'new error phase-mismatch (1 → 2)'],
      [true, 'new warning w (0 → 1)'],
      [true, 'field no longer comes back unchanged: b'],
    ]);
    const better = diffExpected({ r: base }, { r: { errors: {}, warnings: {}, exported: 'ok', notRoundTripped: [] } });
    assert.ok(better.length === 3 && better.every((c) => !c.regression));
    assert.deepEqual(diffExpected({ r: base }, { r: base }), []);
  });
});

describe('corpus: worker threads and the command', function () {
  this.timeout(120000);
  let dir: string;
  before(function () { if (!recordsDir) this.skip(); });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-corpus-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const f of ['NCT04280705.json', 'NCT05843643.json']) fs.copyFileSync(path.join(recordsDir!, f), path.join(dir, f));
    fs.copyFileSync(path.join(recordsDir!, 'NCT00712335.json'), path.join(dir, 'sub', 'NCT00712335.json'));
  });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); fs.rmSync(`${dir}-expected.json`, { force: true }); });

  it('two workers give the same outcomes, in the same order, as one thread', async () => {
    const files = ['NCT04280705.json', 'NCT05843643.json', 'sub/NCT00712335.json'].map((name) => ({ name, path: path.join(dir, name) }));
    const threaded = await runCorpus(files, 2);
    assert.deepEqual(threaded, await runCorpus(files, 1));
    assert.deepEqual(threaded.map((o) => o.name), files.map((f) => f.name));
  });

  it('--update writes the expectation, --check passes on it and fails on a change with how to update', async () => {
    let out = '';
    const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, stderrIsTTY: false, cwd: dir };
    // Outside the corpus folder: every .json below it is taken for a record.
    const expected = path.join(`${dir}-expected.json`);
    assert.equal(await run(['corpus', '.', '--update', '--expected', expected, '--jobs', '2'], io), 0);
    assert.match(out, /records: 3\n/);
    assert.match(out, /records with 0 errors: /);
    const written = JSON.parse(fs.readFileSync(expected, 'utf8'));
    assert.deepEqual(Object.keys(written), ['NCT04280705.json', 'NCT05843643.json', 'sub/NCT00712335.json']);
    out = '';
    assert.equal(await run(['corpus', '.', '--check', '--expected', expected], io), 0, out);
    written['sub/NCT00712335.json'].warnings = {};
    written['NCT05843643.json'].notRoundTripped = [];
    fs.writeFileSync(expected, JSON.stringify(written));
    out = '';
    assert.equal(await run(['corpus', '.', '--check', '--expected', expected], io), 1);
    assert.match(out, /sub\/NCT00712335\.json: new warning status-needs-actual \(0 → 1\)/);
    assert.match(out, /NCT05843643\.json: field no longer comes back unchanged: /);
    assert.match(out, /npm run corpus -- --update/);
    assert.deepEqual(expectedOf([]), {});
  });
});
