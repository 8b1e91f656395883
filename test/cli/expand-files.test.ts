/**
 * The arguments of a command become each `.trial` file once, in the order they are first named:
 * a folder's files sorted, a file named again (itself or through its folder or a glob) skipped.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandTrialFiles } from '../../server/cli/files';

describe('cli: file arguments', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-expand-'));
    for (const name of ['b.trial', 'a.trial', 'sub/c.trial', 'notes.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), '');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each file once, where it is first named', () => {
    const files = expandTrialFiles(['sub/c.trial', '.', 'b.trial', '*.trial', 'sub'], dir);
    assert.deepEqual(files, ['sub/c.trial', 'a.trial', 'b.trial']);
  });
});
