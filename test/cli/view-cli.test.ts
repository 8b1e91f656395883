/** `trial timeline --format svg|html` and `trial preview`: what they write, where, and their exit codes. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type CliIo } from '../../server/cli/main';
import { REPO } from '../export/shared';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stderrIsTTY: false, cwd: REPO };
  return { code: await run(argv, io), out, err };
}

describe('cli: timeline and preview pictures', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-view-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('timeline --format svg prints one SVG document with the seed\'s marks', async () => {
    const r = await cli(['timeline', 'examples/NCT04743739.trial', '--format', 'svg']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((r.out.match(/data-day="181"/g) ?? []).length, 2);
    assert.ok(r.out.trimEnd().endsWith('</svg>'));
  });

  it('timeline --format html -o writes the page (calendar and schedule of activities) and says where', async () => {
    const out = path.join(dir, 'sub', 'b2.html');
    const r = await cli(['timeline', 'examples/BREEZE-2.trial', '--format', 'html', '-o', out]);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(r.err, `examples/BREEZE-2.trial → ${out}\n`);
    const page = fs.readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<table class="soa">/);
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['b2.html'], 'no temporary file left');
    const again = await cli(['timeline', 'examples/BREEZE-2.trial', '--format', 'svg', '-o', out]);
    assert.equal(again.code, 2, 'an existing file is not replaced without --force');
    assert.match(again.err, /already exists; use --force/);
    assert.equal(fs.readFileSync(out, 'utf8'), page);
    assert.equal((await cli(['timeline', 'examples/BREEZE-2.trial', '--format', 'svg', '-o', out, '--force'])).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^<\?xml/);
  });

  it('timeline with no format keeps the text table', async () => {
    const r = await cli(['timeline', 'examples/NCT04743739.trial']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Arm +Intervention +Dose/);
  });

  it('preview prints the registry layout with the blocking errors; a bad format is a usage error', async () => {
    const r = await cli(['preview', 'examples/NCT04743739.trial']);
    assert.equal(r.code, 0);
    assert.match(r.out, /3 errors block the export/);
    assert.match(r.out, /<h3>Status and dates<\/h3><ul class="blockers"/);
    assert.equal((await cli(['preview', 'examples/NCT04743739.trial', '--format', 'pdf'])).code, 2);
    assert.equal((await cli(['timeline', 'examples/NCT04743739.trial', '--format', 'png'])).code, 2);
  });

  it('a missing file is a located usage error, and nothing is written', async () => {
    const out = path.join(dir, 'x.html');
    const r = await cli(['preview', 'nope.trial', '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.trial/);
    assert.equal(fs.existsSync(out), false);
  });
});
