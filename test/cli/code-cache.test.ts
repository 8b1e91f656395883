/**
 * The code cache of the commands bundle (server/cli/code-cache.ts): where it lives, that a module
 * run through it behaves as when required, that the compiled code is saved and then used, and
 * that every failure (a damaged file, an unwritable folder, a changed bundle) falls back to
 * compiling. The built dist/cli.js is run with a cache folder of its own.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheDir, loadWithCodeCache } from '../../server/cli/code-cache';
import { REPO } from '../export/shared';

describe('cli: code cache of the commands bundle', () => {
  let dir: string;
  let moduleFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-code-cache-'));
    moduleFile = path.join(dir, 'bundle.js');
    fs.writeFileSync(path.join(dir, 'helper.js'), 'module.exports = (n) => n * 2;\n');
    fs.writeFileSync(moduleFile, [
      "const twice = require('./helper.js');",
      'exports.answer = twice(21);',
      'exports.names = [__filename, __dirname, typeof module.exports];',
      'exports.sum = function sum(xs) { let s = 0; for (const x of xs) s += x; return s; };',
    ].join('\n'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cacheFiles = (cache: string): string[] => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.bin')) : []);

  it('runs the module as require would: its own require, __filename, __dirname, exports', () => {
    const loaded = loadWithCodeCache(moduleFile, 'check', undefined);
    const exports = loaded.exports as { answer: number; names: string[]; sum: (xs: number[]) => number };
    assert.equal(loaded.state, 'off');
    assert.equal(exports.answer, 42);
    assert.deepEqual(exports.names, [moduleFile, dir, 'object']);
    assert.equal(exports.sum([1, 2, 3]), 6);
    assert.equal(loaded.save(), false, 'no folder, nothing saved');
  });

  it('saves the compiled code after a run and uses it on the next', () => {
    const cache = path.join(dir, 'cache');
    const first = loadWithCodeCache(moduleFile, 'check', cache);
    assert.equal(first.state, 'missing');
    assert.equal((first.exports as { sum: (xs: number[]) => number }).sum([4, 5]), 9);
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'saved once');
    assert.equal(cacheFiles(cache).length, 1);

    const second = loadWithCodeCache(moduleFile, 'check', cache);
    assert.equal(second.state, 'accepted');
    assert.equal((second.exports as { answer: number }).answer, 42);
    assert.equal(second.save(), false, 'an accepted cache is not written again');
    // Another command has a cache of its own (it compiles other functions).
    assert.equal(loadWithCodeCache(moduleFile, 'fmt', cache).state, 'missing');
  });

  it('a damaged cache file is rejected, the module still runs, and the cache is written anew', () => {
    const cache = path.join(dir, 'cache');
    loadWithCodeCache(moduleFile, 'check', cache).save();
    const [file] = cacheFiles(cache);
    const damaged = fs.readFileSync(path.join(cache, file!));
    for (let i = 16; i < damaged.length; i += 7) damaged[i] = damaged[i]! ^ 0xff;
    fs.writeFileSync(path.join(cache, file!), damaged);
    const again = loadWithCodeCache(moduleFile, 'check', cache);
    assert.equal(again.state, 'rejected');
    assert.equal((again.exports as { answer: number }).answer, 42);
    assert.equal(again.save(), true);
    assert.equal(loadWithCodeCache(moduleFile, 'check', cache).state, 'accepted');
  });

  it('a changed bundle never runs the old compiled code', () => {
    const cache = path.join(dir, 'cache');
    loadWithCodeCache(moduleFile, 'check', cache).save();
    // Same length, other content: V8's own check (the source length) would not see it.
    fs.writeFileSync(moduleFile, fs.readFileSync(moduleFile, 'utf8').replace('twice(21)', 'twice(11)'));
    const changed = loadWithCodeCache(moduleFile, 'check', cache);
    assert.equal(changed.state, 'missing');
    assert.equal((changed.exports as { answer: number }).answer, 22);
  });

  it('a cache folder that cannot be created is not an error', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const loaded = loadWithCodeCache(moduleFile, 'check', path.join(blocker, 'cache'));
    assert.equal((loaded.exports as { answer: number }).answer, 42);
    assert.equal(loaded.save(), false);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['bundle.js', 'helper.js', 'not-a-folder']);
  });

  it('lives in the platform cache folder unless TRIAL_CODE_CACHE says where or off', () => {
    const home = path.join(path.sep, 'home', 'writer');
    assert.equal(codeCacheDir({}, 'linux', home), path.join(home, '.cache', 'trial-protocols', 'code-cache'));
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: path.join(path.sep, 'xdg') }, 'linux', home), path.join(path.sep, 'xdg', 'trial-protocols', 'code-cache'));
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', home), path.join(home, '.cache', 'trial-protocols', 'code-cache'), 'a relative XDG_CACHE_HOME is ignored');
    assert.equal(codeCacheDir({}, 'darwin', home), path.join(home, 'Library', 'Caches', 'trial-protocols', 'code-cache'));
    assert.equal(codeCacheDir({ LOCALAPPDATA: path.join(path.sep, 'appdata') }, 'win32', home), path.join(path.sep, 'appdata', 'trial-protocols', 'code-cache'));
    assert.equal(codeCacheDir({}, 'win32', home), undefined);
    assert.equal(codeCacheDir({ TRIAL_CODE_CACHE: 'off' }, 'linux', home), undefined);
    assert.equal(codeCacheDir({ TRIAL_CODE_CACHE: path.join(path.sep, 'elsewhere') }, 'linux', home), path.join(path.sep, 'elsewhere'));
  });

  it('the built trial command writes its cache where TRIAL_CODE_CACHE says and gives the same output from it', function () {
    this.timeout(60000);
    const cache = path.join(dir, 'cli-cache');
    const run = (): string => {
      try {
        return execFileSync(process.execPath, ['dist/cli.js', 'check', 'examples/NCT04743739.trial', '--format', 'json'], {
          cwd: REPO,
          encoding: 'utf8',
          env: { ...process.env, TRIAL_CODE_CACHE: cache },
        });
      } catch (e) {
        return String((e as { stdout?: string }).stdout);
      }
    };
    const cold = run();
    assert.equal(cacheFiles(cache).length, 1, 'the first run saved the compiled code');
    const written = fs.statSync(path.join(cache, cacheFiles(cache)[0]!)).mtimeMs;
    const warm = run();
    assert.ok(JSON.parse(cold).length > 0);
    assert.equal(warm, cold);
    assert.equal(fs.statSync(path.join(cache, cacheFiles(cache)[0]!)).mtimeMs, written, 'the second run used the cache, not rewrote it');
  });
});
