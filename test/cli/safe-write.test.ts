/** The CLI's writes under hostile names and targets (issue 8): export, import and fmt all go through server/io/safe-write.ts. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, readExample } from '../export/shared';
import { cli } from './run-cli';

/** A minimal registry record with the given NCT id (and a title so the import has something to write). */
function record(nctId: string, title = 'A study'): object {
  return { protocolSection: { identificationModule: { nctId, briefTitle: title } } };
}

describe('cli: safe writes', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-cli-safe-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('import: a hostile nctId stays inside --out-dir, sanitised', async () => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, JSON.stringify(record('../outside/x')));
    const r = await cli(['import', file, '--out-dir', out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(out), ['outside-x.trial']);
    assert.ok(!fs.existsSync(path.join(dir, 'outside')));
    const beside = await cli(['import', file]);
    assert.equal(beside.code, 0, beside.err);
    assert.ok(fs.existsSync(path.join(dir, 'outside-x.trial')));
  });

  it('import: a record id with a line break cannot inject protocol text through the header comment', async () => {
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, JSON.stringify(record('X\rtrial { phase banana }')));
    assert.equal((await cli(['import', file, '--out-dir', dir])).code, 0);
    const [written] = fs.readdirSync(dir).filter((f) => f.endsWith('.trial'));
    const text = fs.readFileSync(path.join(dir, written!), 'utf8');
    assert.ok(!/^trial \{ phase banana/m.test(text.replace(/\r/g, '\n')), text);
  });

  it('import: two studies with the same id are both written, the second renamed with a note', async () => {
    const file = path.join(dir, 'two.json');
    fs.writeFileSync(file, JSON.stringify({ studies: [record('NCT00000001', 'First'), record('NCT00000001', 'Second')] }));
    const r = await cli(['import', file, '--out-dir', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /note: Study 2 has the same id \(NCT00000001\) as an earlier study in this file; it was written to NCT00000001-2\.trial/);
    assert.match(fs.readFileSync(path.join(dir, 'NCT00000001.trial'), 'utf8'), /First/);
    assert.match(fs.readFileSync(path.join(dir, 'NCT00000001-2.trial'), 'utf8'), /Second/);
  });

  it('import: an existing file, a symlink and a FIFO are refused (exit 2, nothing written); --force replaces only the regular file', async () => {
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, JSON.stringify(record('NCT00000002')));
    const target = path.join(dir, 'NCT00000002.trial');
    fs.writeFileSync(target, 'my edited protocol\n');
    const r = await cli(['import', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /NCT00000002\.trial already exists; use --force to replace it/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'my edited protocol\n');
    assert.equal((await cli(['import', file, '--force'])).code, 0);
    assert.match(fs.readFileSync(target, 'utf8'), /nct id NCT00000002/);

    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.rmSync(target);
    fs.symlinkSync(victim, target);
    const l = await cli(['import', file, '--force']);
    assert.equal(l.code, 2);
    assert.match(l.err, /is a symbolic link/);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious\n');

    fs.rmSync(target);
    execFileSync('mkfifo', [target]);
    const f = await cli(['import', file, '--force']);
    assert.equal(f.code, 2);
    assert.match(f.err, /named pipe \(FIFO\), not a regular file/);
    assert.ok(fs.lstatSync(target).isFIFO());
  });

  it('import: all or nothing — one existing target stops the run before any file is written', async () => {
    const file = path.join(dir, 'two.json');
    fs.writeFileSync(file, JSON.stringify({ studies: [record('NCT00000011'), record('NCT00000012')] }));
    fs.writeFileSync(path.join(dir, 'NCT00000012.trial'), 'mine\n');
    assert.equal((await cli(['import', file])).code, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'NCT00000011.trial')));
  });

  it('export: refuses to replace an existing record without --force; refuses a FIFO, a device and a symlink even with it', async () => {
    const trial = path.join(dir, 'ZEPHYR-1.trial');
    fs.writeFileSync(trial, readExample('ZEPHYR-1.trial'));
    const out = path.join(dir, 'ZEPHYR-1.ctgov.json');
    assert.equal((await cli(['export', trial])).code, 0);
    fs.writeFileSync(out, 'edited\n');
    const again = await cli(['export', trial]);
    assert.equal(again.code, 2);
    assert.match(again.err, /ZEPHYR-1\.ctgov\.json already exists; use --force to replace it/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'edited\n');
    assert.equal((await cli(['export', trial, '--force'])).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /"protocolSection"/);

    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const p = await cli(['export', trial, '-o', fifo, '--force']);
    assert.equal(p.code, 2);
    assert.match(p.err, /named pipe/);
    assert.ok(fs.lstatSync(fifo).isFIFO());

    const d = await cli(['export', trial, '-o', '/dev/null', '--force']);
    assert.equal(d.code, 2);
    assert.match(d.err, /device/);
    assert.ok(fs.statSync('/dev/null').isCharacterDevice());

    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.symlinkSync(victim, path.join(dir, 'link.json'));
    const s = await cli(['export', trial, '-o', path.join(dir, 'link.json'), '--force']);
    assert.equal(s.code, 2);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious\n');
  });

  it('fmt: refuses to write through a symlink; reading a FIFO is refused, not blocked on', async () => {
    const real = path.join(dir, 'real.trial');
    fs.writeFileSync(real, 'trial   {\n  brief title "X"\n}\n');
    const link = path.join(dir, 'link.trial');
    fs.symlinkSync(real, link);
    const r = await cli(['fmt', link]);
    assert.equal(r.code, 2);
    assert.match(r.err, /symbolic link/);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'trial   {\n  brief title "X"\n}\n');
    const fifo = path.join(dir, 'pipe.trial');
    execFileSync('mkfifo', [fifo]);
    const f = await cli(['check', fifo]);
    assert.equal(f.code, 2);
    assert.match(f.err, /not a regular file/);
  });

  it('import: bad JSON is a clear located error naming the file (BOM accepted, deep nesting, huge strings)', async () => {
    const bom = path.join(dir, 'bom.json');
    fs.writeFileSync(bom, '\ufeff' + JSON.stringify(record('NCT00000003')));
    assert.equal((await cli(['import', bom, '--out-dir', dir])).code, 0);

    const syntax = path.join(dir, 'syntax.json');
    fs.writeFileSync(syntax, '{\n  "protocolSection": {\n    "x": 1,\n  }\n}\n');
    const s = await cli(['import', syntax]);
    assert.equal(s.code, 2);
    assert.match(s.err, /syntax\.json is not valid JSON \(line 4, column 3\)/);

    const deep = path.join(dir, 'deep.json');
    fs.writeFileSync(deep, `{"protocolSection": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const d = await cli(['import', deep]);
    assert.equal(d.code, 2);
    assert.match(d.err, /deep\.json is not a ClinicalTrials\.gov record: the JSON nests deeper than 64 levels at \$\.protocolSection/);
    assert.doesNotMatch(d.err, /call stack/);

    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, JSON.stringify({ protocolSection: { descriptionModule: { briefSummary: 'x'.repeat(400_000) } } }));
    const h = await cli(['import', huge]);
    assert.equal(h.code, 2);
    assert.match(h.err, /huge\.json .*\$\.protocolSection\.descriptionModule\.briefSummary is 400,000 characters long/);

    const types = path.join(dir, 'types.json');
    fs.writeFileSync(types, JSON.stringify({ protocolSection: { identificationModule: { nctId: 5, briefTitle: ['x'] }, armsInterventionsModule: { arms: 'none' } } }));
    const t = await cli(['import', types, '--out-dir', dir]);
    assert.equal(t.code, 0, t.err);
    assert.match(t.out, /note: The record does not follow the registry format at .*identificationModule/);
  });

  it('the repository root is never written by these tests', () => {
    assert.ok(!fs.existsSync(path.join(REPO, 'outside-x.trial')));
  });
});
