/** trial/exportRecord and trial/importRecord under hostile names and targets (issue 8), over a real connection. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SETTINGS, ExportRecordMethod, ImportRecordMethod, type ExportRecordResult, type ImportRecordResult } from '../../server/lsp/protocol';
import { EXAMPLES, TestServer } from './harness';

const record = (nctId: string) => JSON.stringify({ protocolSection: { identificationModule: { nctId, briefTitle: 'A study' } } });

describe('lsp: safe writes (export and import requests)', function () {
  let server: TestServer;
  let dir: string;
  let uri: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-lsp-safe-'));
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.copyFileSync(path.join(EXAMPLES, 'ZEPHYR-1.trial'), path.join(dir, 'ws', 'ZEPHYR-1.trial'));
    server = await TestServer.start({ workspaceFolder: path.join(dir, 'ws') });
    uri = pathToFileURL(path.join(dir, 'ws', 'ZEPHYR-1.trial')).href;
    await server.open(fs.readFileSync(path.join(dir, 'ws', 'ZEPHYR-1.trial'), 'utf8'), uri);
    await server.diagnosticsFor(uri);
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const exportNow = (extra: object = {}) => server.request<ExportRecordResult>(ExportRecordMethod, { uri, ...extra });

  it('export: an edited record is not replaced without overwrite (an "exists" answer); identical content needs no question', async () => {
    const target = path.join(dir, 'ws', 'ZEPHYR-1.ctgov.json');
    const first = await exportNow();
    assert.ok(first.ok, JSON.stringify(first));
    const again = await exportNow();
    assert.ok(again.ok, 'the same record again is not a question');
    fs.writeFileSync(target, 'edited by hand\n');
    const asked = await exportNow();
    assert.ok(!asked.ok);
    assert.strictEqual(asked.exists, target);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'edited by hand\n');
    const replaced = await exportNow({ overwrite: true });
    assert.ok(replaced.ok);
    assert.match(fs.readFileSync(target, 'utf8'), /"protocolSection"/);
  });

  it('export: a symlink or FIFO target is refused even with overwrite, and left as it is', async () => {
    const target = path.join(dir, 'ws', 'ZEPHYR-1.ctgov.json');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.rmSync(target, { force: true });
    fs.symlinkSync(victim, target);
    const s = await exportNow({ overwrite: true });
    assert.ok(!s.ok && !s.exists && /symbolic link/.test(s.reason), JSON.stringify(s));
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious\n');
    fs.rmSync(target);
    execFileSync('mkfifo', [target]);
    const f = await exportNow({ overwrite: true });
    assert.ok(!f.ok && /named pipe/.test(f.reason), JSON.stringify(f));
    assert.ok(fs.lstatSync(target).isFIFO());
    fs.rmSync(target);
  });

  it('export: a workspace trial.export.folder outside the workspace is refused unless it is the user\'s own setting', async () => {
    for (const folder of ['../outside', path.join(dir, 'elsewhere')]) {
      await server.setSettings({ ...structuredClone(DEFAULT_SETTINGS), export: { folder } });
      const r = await exportNow();
      assert.ok(!r.ok && /points outside the workspace/.test(r.reason), JSON.stringify(r));
      assert.ok(!fs.existsSync(path.join(dir, 'outside')) && !fs.existsSync(path.join(dir, 'elsewhere')));
    }
    const own = await exportNow({ folderFromUserSettings: true });
    assert.ok(own.ok, JSON.stringify(own));
    assert.strictEqual(own.path, path.join(dir, 'elsewhere', 'ZEPHYR-1.ctgov.json'));
    await server.setSettings({ ...structuredClone(DEFAULT_SETTINGS), export: { folder: 'records' } });
    const inside = await exportNow();
    assert.ok(inside.ok && inside.path === path.join(dir, 'ws', 'records', 'ZEPHYR-1.ctgov.json'), JSON.stringify(inside));
    await server.setSettings(structuredClone(DEFAULT_SETTINGS));
  });

  it('import without a target: a hostile nctId is sanitised and stays beside the record', async () => {
    const recordPath = path.join(dir, 'ws', 'hostile.json');
    fs.writeFileSync(recordPath, record('../outside/x'));
    const r = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath });
    assert.ok(r.ok, JSON.stringify(r));
    assert.strictEqual(r.path, path.join(dir, 'ws', 'outside-x.trial'));
    assert.ok(!fs.existsSync(path.join(dir, 'outside')));
  });

  it('import: an edited protocol of that name is not replaced (exists → overwrite), a symlink is never followed', async () => {
    const recordPath = path.join(dir, 'ws', 'NCT00000005.json');
    fs.writeFileSync(recordPath, record('NCT00000005'));
    const target = path.join(dir, 'ws', 'NCT00000005.trial');
    fs.writeFileSync(target, 'my edits\n');
    const asked = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath });
    assert.ok(!asked.ok && asked.exists === target, JSON.stringify(asked));
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'my edits\n');
    const replaced = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath, overwrite: true });
    assert.ok(replaced.ok);
    assert.match(fs.readFileSync(target, 'utf8'), /nct id NCT00000005/);

    const victim = path.join(dir, 'victim2.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.rmSync(target);
    fs.symlinkSync(victim, target);
    const l = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath, overwrite: true });
    assert.ok(!l.ok && /symbolic link/.test(l.reason), JSON.stringify(l));
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious\n');
  });

  it('import: BOM accepted; deep nesting a clear error naming the file', async () => {
    const bom = path.join(dir, 'ws', 'bom.json');
    fs.writeFileSync(bom, '\ufeff' + record('NCT00000006'));
    const b = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath: bom });
    assert.ok(b.ok, JSON.stringify(b));
    const deep = path.join(dir, 'ws', 'deep.json');
    fs.writeFileSync(deep, `{"protocolSection": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
    const d = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath: deep });
    assert.ok(!d.ok && /^deep\.json is not a ClinicalTrials\.gov record: the JSON nests deeper than 64 levels/.test(d.reason), JSON.stringify(d));
  });
});
