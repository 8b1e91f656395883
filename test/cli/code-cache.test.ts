/**
 * The code cache of the bundles (server/io/code-cache.ts): the commands', the language server's and
 * trial check's workers': where it lives, that a module
 * run through it behaves as when required, that the compiled code is saved and then used, and
 * that every failure (a damaged file, an unwritable folder, a changed bundle) falls back to
 * compiling. The built dist/cli.js is run with a cache folder of its own.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCacheFile, codeCacheDir, loadWithCodeCache, runCached } from '../../server/io/code-cache';
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

  it('tells the bundle, while its top level runs, the file for data of its build beside its cache', () => {
    const cache = path.join(dir, 'cache');
    fs.appendFileSync(moduleFile, `\nexports.buildFile = require(${JSON.stringify(require.resolve('../../server/io/code-cache'))}).buildCacheFile('ucum');\n`);
    const loaded = loadWithCodeCache(moduleFile, 'check', cache);
    const buildFile = (loaded.exports as { buildFile: string }).buildFile;
    loaded.save();
    assert.equal(path.dirname(buildFile), cache);
    assert.equal(path.basename(buildFile), cacheFiles(cache)[0]!.replace(/\.bin$/, '.ucum'));
    assert.equal(buildCacheFile('ucum'), undefined, 'only while the bundle loads');
    assert.equal((loadWithCodeCache(moduleFile, 'check', undefined).exports as { buildFile?: string }).buildFile, undefined, 'no cache folder: no file');
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
    const answers = path.join(cache, cacheFiles(cache)[0]!.replace(/\.bin$/, '.ucum'));
    assert.ok(fs.existsSync(answers), "and the units library's answers");
    const warm = run();
    assert.ok(JSON.parse(cold).length > 0);
    assert.equal(warm, cold);
    assert.equal(fs.statSync(path.join(cache, cacheFiles(cache)[0]!)).mtimeMs, written, 'the second run used the cache, not rewrote it');
    assert.ok(fs.statSync(answers).mtimeMs <= written, 'nor the answers: the file had them all');
  });

  it('runCached asks to save only when there was no usable cache', () => {
    const cache = path.join(dir, 'cache');
    const previous = process.env.TRIAL_CODE_CACHE;
    process.env.TRIAL_CODE_CACHE = cache;
    try {
      const saves: (() => void)[] = [];
      assert.equal((runCached(moduleFile, 'server', (save) => saves.push(save)) as { answer: number }).answer, 42);
      assert.equal(saves.length, 1, 'no cache yet: a save is offered');
      saves[0]!();
      assert.equal(cacheFiles(cache).length, 1);
      runCached(moduleFile, 'server', (save) => saves.push(save));
      assert.equal(saves.length, 1, 'the cache was used: nothing to save');
    } finally {
      if (previous === undefined) delete process.env.TRIAL_CODE_CACHE;
      else process.env.TRIAL_CODE_CACHE = previous;
    }
  });

  it("the built language server and trial check's workers save their caches and give the same diagnostics from them", function () {
    this.timeout(120000);
    const cache = path.join(dir, 'cache');
    const env = { ...process.env, TRIAL_CODE_CACHE: cache };
    const folder = path.join(dir, 'protocols');
    fs.mkdirSync(folder);
    // Enough files for two workers (check-files.ts: a worker below 16 files costs more than it saves).
    for (let i = 0; i < 40; i++) fs.copyFileSync(path.join(REPO, 'examples', 'NCT04743739.trial'), path.join(folder, `p${i}.trial`));
    const check = (): string => {
      try {
        return execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', folder, '--format', 'json', '--jobs', '2'], { cwd: dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });
      } catch (e) {
        return String((e as { stdout?: string }).stdout);
      }
    };
    const cold = check();
    assert.equal(cacheFiles(cache).filter((f) => f.startsWith('check-worker-')).length, 1, 'a worker saved its compiled code');
    assert.equal(check(), cold);
    assert.ok(JSON.parse(cold).length > 0);

    // The server exits on the LSP exit notification, and saves its cache then.
    const exitOnly = (id: number): string => {
      const message = (body: object): string => {
        const text = JSON.stringify({ jsonrpc: '2.0', ...body });
        return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
      };
      return message({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) + message({ id: id + 1, method: 'shutdown' }) + message({ method: 'exit' });
    };
    const serve = (): string => execFileSync(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], { input: exitOnly(1), encoding: 'utf8', env, timeout: 60000 });
    const first = serve();
    assert.match(first, /"capabilities"/);
    assert.equal(cacheFiles(cache).filter((f) => f.startsWith('server-')).length, 1, 'the server saved its compiled code at exit');
    assert.equal(serve(), first);
  });
});
