/**
 * `trial check` of a folder on several threads gives exactly the output of one thread, in the
 * same order, in every format: files with errors and warnings, a file that cannot be read, a
 * folder with nothing to report, an empty folder. The folder's output is each file's own output,
 * in the files' order, and the JSON documents are exactly `JSON.stringify(document, null, 2)`.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateProtocol } from '../../bench/generate';
import { readExample } from '../helpers/paths';
import { cli, type Ran } from './run-cli';

const FORMATS = ['text', 'json', 'sarif'] as const;

/** The same run with one thread and with several; they must agree in everything. */
async function oneAndMany(args: string[], jobs = ['2', '3']): Promise<Ran> {
  const one = await cli([...args, '--jobs', '1']);
  for (const n of jobs) {
    const many = await cli([...args, '--jobs', n]);
    assert.equal(many.out, one.out, `--jobs ${n}: stdout`);
    assert.equal(many.err, one.err, `--jobs ${n}: stderr`);
    assert.equal(many.code, one.code, `--jobs ${n}: exit code`);
  }
  return one;
}

/** What a SARIF result says, without its rule index (which is the place of its code in the run's rules). */
function sarifResults(out: string): unknown[] {
  const run = JSON.parse(out).runs[0];
  return run.results.map((r: { ruleIndex: number; ruleId: string }) => {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    return { ...r, ruleIndex: undefined };
  });
}

describe('cli: trial check on several threads', function () {
  this.timeout(300000);
  let dir: string;
  let files: string[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-parallel-'));
    // Generated protocols of varied sizes (with warnings), broken ones and the examples, in nested
    // folders: enough files for three threads (file-pool.ts runs 16 or more per thread).
    const seed = readExample('NCT04743739.trial');
    for (let i = 0; i < 60; i++) {
      const sub = path.join(dir, `group${i % 3}`);
      fs.mkdirSync(sub, { recursive: true });
      let text = i % 5 === 0 ? seed : generateProtocol(100 + (i % 3) * 40, i + 1);
      if (i % 7 === 3) text = text.replace('type drug', 'type drugg').replace('mg/kg', 'mg/kgg');
      fs.writeFileSync(path.join(sub, `p${String(i).padStart(2, '0')}.trial`), text);
    }
    files = ['group0', 'group1', 'group2'].flatMap((g) => fs.readdirSync(path.join(dir, g)).sort().map((f) => path.join(dir, g, f)));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of FORMATS) {
    it(`${format}: the same output and exit code as one thread; each file's own output, in order`, async () => {
      const r = await oneAndMany(['check', dir, '--format', format]);
      assert.ok(r.out.length > 1000, 'the folder has diagnostics');
      assert.equal(r.code, 1);
      const each: Ran[] = [];
      for (const f of files) each.push(await cli(['check', f, '--format', format, '--jobs', '1']));
      if (format === 'text') assert.equal(r.out, each.map((e) => e.out).join(''));
      else if (format === 'json') assert.deepEqual(JSON.parse(r.out), each.flatMap((e) => JSON.parse(e.out)));
      else assert.deepEqual(sarifResults(r.out), each.flatMap((e) => sarifResults(e.out)));
      if (format !== 'text') assert.equal(r.out, `${JSON.stringify(JSON.parse(r.out), null, 2)}\n`);
    });
  }

  for (const format of FORMATS) {
    it(`${format}: a file that cannot be read stops the check there, the same way on every thread count`, async () => {
      const fifo = path.join(dir, 'pipe.trial');
      execFileSync('mkfifo', [fifo]);
      try {
        const groups = ['group0', 'group1'].map((g) => path.join(dir, g));
        const r = await oneAndMany(['check', groups[0]!, fifo, groups[1]!, '--format', format]);
        assert.equal(r.code, 2);
        assert.equal(r.err, `trial: cannot read ${fifo}: it is a named pipe (FIFO), not a regular file\n`);
        // Text is written as the files come in: the lines of the files before it. JSON and SARIF
        // are whole documents or nothing.
        const before = await cli(['check', groups[0]!, '--format', format]);
        assert.equal(r.out, format === 'text' ? before.out : '');
      } finally {
        fs.rmSync(fifo);
      }
    });
  }

  it('a folder with nothing to report: no line, an empty list, a SARIF run without results', async () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-parallel-clean-'));
    try {
      const zephyr = readExample('ZEPHYR-1.trial');
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(clean, `z${String(i).padStart(2, '0')}.trial`), zephyr);
      const text = await oneAndMany(['check', clean]);
      assert.deepEqual([text.code, text.out, text.err], [0, '', '40 files checked: 0 errors, 0 warnings\n']);
      const json = await oneAndMany(['check', clean, '--format', 'json']);
      assert.deepEqual([json.code, json.out], [0, '[]\n']);
      const sarif = await oneAndMany(['check', clean, '--format', 'sarif']);
      const run = JSON.parse(sarif.out).runs[0];
      assert.deepEqual([sarif.code, run.results, run.tool.driver.rules], [0, [], []]);
      assert.equal(sarif.out, `${JSON.stringify(JSON.parse(sarif.out), null, 2)}\n`);
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('an empty folder is a usage error, with no output', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-parallel-empty-'));
    try {
      for (const format of FORMATS) {
        const r = await oneAndMany(['check', empty, '--format', format]);
        assert.deepEqual([r.code, r.out, r.err], [2, '', `trial: ${empty}: no .trial files found\n`]);
      }
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('--jobs takes a whole number of at least 1', async () => {
    const r = await cli(['check', dir, '--jobs', '0']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--jobs/);
  });
});
