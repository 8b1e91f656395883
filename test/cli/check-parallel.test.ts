/**
 * `trial check` of a folder on worker threads gives exactly the output of one thread, in the same
 * order: text, JSON and SARIF, exit codes, and a file that cannot be read.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateProtocol } from '../../bench/generate';
import { readExample } from '../helpers/paths';
import { cli } from './run-cli';

describe('cli: trial check on worker threads', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-parallel-'));
    // Clean generated protocols of varied sizes, broken ones and the examples, in nested folders.
    const seed = readExample('NCT04743739.trial');
    for (let i = 0; i < 36; i++) {
      const sub = path.join(dir, `group${i % 3}`);
      fs.mkdirSync(sub, { recursive: true });
      let text = i % 5 === 0 ? seed : generateProtocol(100 + (i % 3) * 40, i + 1);
      if (i % 7 === 3) text = text.replace('type drug', 'type drugg').replace('mg/kg', 'mg/kgg');
      fs.writeFileSync(path.join(sub, `p${String(i).padStart(2, '0')}.trial`), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: the same output and exit code as one thread`, async () => {
      const one = await cli(['check', dir, '--format', format, '--jobs', '1']);
      const many = await cli(['check', dir, '--format', format, '--jobs', '3']);
      assert.ok(one.out.length > 1000, 'the folder has diagnostics');
      assert.equal(one.code, 1);
      assert.equal(many.code, one.code);
      assert.equal(many.out, one.out);
      assert.equal(many.err, one.err);
    });
  }

  it('--jobs takes a whole number of at least 1', async () => {
    const r = await cli(['check', dir, '--jobs', '0']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--jobs/);
  });
});
