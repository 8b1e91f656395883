import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findShared, REPO } from '../export/shared';
import { cli } from './run-cli';

describe('cli: trial', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check: text format file:line:col severity code message, exit 1 on errors', async () => {
    const r = await cli(['check', 'examples']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^examples\/NCT04743739\.trial:6:1 error registry-missing-element .*official title/m);
    assert.match(r.out, /^examples\/NCT04743739\.trial:12:10 error why-stopped-missing /m);
    assert.doesNotMatch(r.out, /ZEPHYR-1\.trial:\d+:\d+ error/);
  });

  it('check: exit 0 on a clean file', async () => {
    const r = await cli(['check', 'examples/ZEPHYR-1.trial']);
    assert.equal(r.code, 0, r.out);
  });

  it('check: JSON with zero-based ranges', async () => {
    const r = await cli(['check', '--format', 'json', 'examples/NCT04743739.trial']);
    const items = JSON.parse(r.out);
    const w = items.find((i: any) => i.code === 'why-stopped-missing');
    assert.deepEqual(Object.keys(w), ['file', 'code', 'severity', 'message', 'range']);
    assert.deepEqual(w.range.start, { line: 11, character: 9 });
    assert.equal(w.file, 'examples/NCT04743739.trial');
  });

  it('check: SARIF 2.1.0 with rules (help text) and 1-based regions', async () => {
    const r = await cli(['check', '--format', 'sarif', 'examples']);
    assert.equal(r.code, 1);
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.equal(run0.tool.driver.name, 'trial');
    const rule = run0.tool.driver.rules.find((x: any) => x.id === 'why-stopped-missing');
    assert.ok(rule.shortDescription.text);
    assert.match(rule.help.text, /docs\/diagnostics\.md#why-stopped-missing/);
    const res = run0.results.find((x: any) => x.ruleId === 'why-stopped-missing');
    assert.equal(res.level, 'error');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'why-stopped-missing');
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'examples/NCT04743739.trial' });
    assert.equal(res.locations[0].physicalLocation.region.startLine, 12);
    assert.equal(res.locations[0].physicalLocation.region.startColumn, 10);
  });

  it('usage errors exit 2 with one line: unknown command, bad format, missing file', async () => {
    assert.equal((await cli(['bogus'])).code, 2);
    assert.equal((await cli(['check', '--format', 'xml', 'examples'])).code, 2);
    const missing = await cli(['check', 'nope.trial']);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'trial: nope.trial: no such file or folder\n');
    assert.equal((await cli([])).code, 2);
  });

  it('--help per command, with an example, exits 0', async () => {
    for (const c of ['check', 'export', 'fmt', 'import', 'timeline', 'preview']) {
      const r = await cli([c, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /Example/);
    }
  });

  it('export: --out-dir says where each record went or why it refused; nothing written for the refused one', async () => {
    const r = await cli(['export', 'examples', '--out-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.out, /examples\/NCT04743739\.trial: export refused: the protocol has \d+ errors; nothing was written/);
    assert.match(r.out, new RegExp(`examples/ZEPHYR-1\\.trial → ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ZEPHYR-1\\.ctgov\\.json`));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['BREEZE-2.ctgov.json', 'ZEPHYR-1.ctgov.json']);
    assert.match(r.err, /NCT04743739\.trial:6:1 error registry-missing-element/);
  });

  it('export: -o one file, exit 0; -o with several files is a usage error', async () => {
    const out = path.join(dir, 'z.json');
    const r = await cli(['export', 'examples/ZEPHYR-1.trial', '-o', out]);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).protocolSection.identificationModule.acronym, 'ZEPHYR-1');
    assert.equal((await cli(['export', 'examples', '-o', out])).code, 2);
  });

  it('export: a required element or placeholder silenced by trial-ignore still refuses, naming the silenced diagnostics; check fails too', async () => {
    const zephyr = fs.readFileSync(path.join(REPO, 'examples', 'ZEPHYR-1.trial'), 'utf8');
    // No official title (required from its start date; silenced on `trial`) and a placeholder enrollment (silenced on its line).
    const text = zephyr
      .replace(/^ {2}official title .*\n/m, '')
      .replace(/^trial \{/m, '// trial-ignore registry-missing-element\ntrial {')
      .replace(/^( {2})enrollment \d+ estimated$/m, '$1// trial-ignore placeholder-value\n$1enrollment TODO estimated');
    const lines = text.split('\n');
    const trialLine = lines.findIndex((l) => l.startsWith('trial {')) + 1;
    const enrollmentLine = lines.findIndex((l) => /^ {2}enrollment TODO/.test(l)) + 1;
    assert.ok(trialLine > 0 && enrollmentLine > 0);
    const file = path.join(dir, 'silenced.trial');
    fs.writeFileSync(file, text);
    const r = await cli(['export', file, '--out-dir', dir]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, new RegExp(`export refused: .*Silenced by trial-ignore, but still blocking the export: registry-missing-element \\(line ${trialLine}\\), placeholder-value \\(line ${enrollmentLine}\\)`));
    assert.match(r.err, new RegExp(`silenced\\.trial:${trialLine}:1 error registry-missing-element .*official title`));
    assert.match(r.err, new RegExp(`silenced\\.trial:${enrollmentLine}:14 error placeholder-value `));
    assert.deepEqual(fs.readdirSync(dir), ['silenced.trial'], 'nothing written');
    const check = await cli(['check', file]);
    assert.equal(check.code, 1);
    assert.match(check.out, /error ignore-blocks-export 'registry-missing-element' is silenced here/);
    assert.match(check.out, /error ignore-blocks-export 'placeholder-value' is silenced here/);
  });

  it('export: a placeholder left by a quick fix refuses, at its place', async () => {
    const zephyr = fs.readFileSync(path.join(REPO, 'examples', 'ZEPHYR-1.trial'), 'utf8');
    const text = zephyr.replace(/^( {2}primary completion) \S+ estimated$/m, '$1 TODO');
    assert.notEqual(text, zephyr);
    const file = path.join(dir, 'placeholder.trial');
    fs.writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l === '  primary completion TODO') + 1;
    const r = await cli(['export', file, '--out-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`placeholder\\.trial:${line}:22 error placeholder-value 'TODO' is a placeholder`));
    assert.deepEqual(fs.readdirSync(dir), ['placeholder.trial']);
  });

  it('export: globs expand to .trial files', async () => {
    const r = await cli(['export', 'examples/Z*.trial', '--out-dir', dir]);
    assert.equal(r.code, 0);
    assert.deepEqual(fs.readdirSync(dir), ['ZEPHYR-1.ctgov.json']);
  });

  it('fmt: --check lists files that would change (exit 1), fmt rewrites them, then --check is clean', async () => {
    const file = path.join(dir, 'x.trial');
    fs.writeFileSync(file, 'trial {\n      brief title "X"\n}\n');
    const check = await cli(['fmt', '--check', dir]);
    assert.equal(check.code, 1);
    assert.match(check.out, /x\.trial/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'trial {\n      brief title "X"\n}\n');
    assert.equal((await cli(['fmt', file])).code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), 'trial {\n  brief title "X"\n}\n');
    assert.equal((await cli(['fmt', '--check', file])).code, 0);
  });

  it('fmt: a file with syntax errors is not touched, exit 1', async () => {
    const file = path.join(dir, 'bad.trial');
    fs.writeFileSync(file, 'trial {\n  brief title\n}\n');
    const r = await cli(['fmt', file]);
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), 'trial {\n  brief title\n}\n');
  });

  it('import: writes a .trial with notes, refuses to overwrite without --force, exit 2 on bad JSON', async function () {
    const record = path.join(findShared(), 'registry-records', 'NCT05914155.json');
    const out = path.join(dir, 'a.trial');
    const r = await cli(['import', record, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /→ .*a\.trial \(\d+ notes\)/);
    assert.match(r.out, /note: .*geoPoint/);
    assert.match(fs.readFileSync(out, 'utf8'), /^  nct id NCT05914155$/m);
    assert.equal((await cli(['import', record, '-o', out])).code, 2);
    assert.equal((await cli(['import', record, '-o', out, '--force'])).code, 0);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{');
    const b = await cli(['import', bad]);
    assert.equal(b.code, 2);
    assert.match(b.err, /^trial: .*bad\.json is not valid JSON/);
  });

  it('import --report: what became structured, what stayed text and why, in text and JSON', async () => {
    const record = path.join(findShared(), 'registry-records', 'NCT05914155.json');
    const out = path.join(dir, 'report.trial');
    const r = await cli(['import', record, '-o', out, '--force', '--report']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Import report: NCT05914155$/m);
    assert.match(r.out, /\+ intervention "Rituximab \(genetical recombination\)": dose 1000 mg iv every 2 weeks for 2 doses as "1,000 mg of rituximab/);
    assert.match(r.out, /\+ inclusion criterion \d+: include albumin <= 3\.0 g\/dL/);
    assert.match(r.out, /- inclusion criterion \d+: "Patients with urine protein-creatinine ratio .*" — /);
    const j = await cli(['import', record, '-o', out, '--force', '--report', '--format', 'json']);
    assert.equal(j.code, 0, j.err);
    const [report] = JSON.parse(j.out) as { id: string; doses: { line: string }[]; criteriaText: { reason: string }[]; missing: string[] }[];
    assert.equal(report!.id, 'NCT05914155');
    assert.ok(report!.doses.some((d) => /^dose 1000 mg iv/.test(d.line)));
    assert.ok(report!.criteriaText.every((c) => c.reason.length > 0));
    assert.deepEqual(report!.missing, []);
  });

  it('timeline: a table of doses per arm with study days', async () => {
    const r = await cli(['timeline', 'examples/NCT04743739.trial']);
    assert.equal(r.code, 0);
    assert.match(r.out, /monotherapy\s+rituximab\s+1000 mg iv\s+on days 1 and 181\s+1, 181/);
    assert.match(r.out, /combination\s+cyclosporine\s+3 mg\/kg\/d oral\s+in 2 divided doses every 12 hours/);
    assert.match(r.out, /depending on cd19_b_cells/);
  });

  it('the built dist/cli.js runs as a child process', function () {
    const bin = path.join(REPO, 'dist', 'cli.js');
    assert.ok(fs.existsSync(bin), `${bin} is missing: run npm run build (npm test does)`);
    // No code generation from strings (zod jitless): the export validates the record with the schema.
    const flags = ['--disallow-code-generation-from-strings'];
    const r = spawnSync(process.execPath, [...flags, bin, 'check', 'examples/ZEPHYR-1.trial'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const e = spawnSync(process.execPath, [...flags, bin, 'export', 'examples/ZEPHYR-1.trial', '-o', path.join(dir, 'z.json')], { cwd: REPO, encoding: 'utf8' });
    assert.equal(e.status, 0, e.stderr);
    const i = spawnSync(process.execPath, [...flags, bin, 'import', path.join(findShared(), 'registry-records', 'NCT05914155.json'), '--out-dir', dir], { cwd: REPO, encoding: 'utf8' });
    assert.equal(i.status, 0, i.stderr);
    const bad = spawnSync(process.execPath, [bin, 'check', 'examples/NCT04743739.trial'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.equal(spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: REPO, encoding: 'utf8' }).status, 2);
  });
});
