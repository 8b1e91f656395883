/**
 * Loading a large CommonJS bundle with V8's code cache, so a `trial` command does not compile its
 * 1–2 MB bundle (dist/cli-<command>.js) again on every run, nor the language server
 * (dist/server-main.js) or a worker of `trial check` (dist/check-worker-main.js) at every start:
 * the first run of a command
 * compiles it as Node would and, at exit, saves what V8 compiled (the functions that command ran)
 * to the user's cache folder; the next runs of that command read the compiled code instead.
 *
 * The cache is an optimisation only. Every failure (no cache folder, a folder that cannot be
 * written, a file V8 rejects: another Node, other V8 flags, a damaged file) falls back to
 * compiling the source, and a cache that cannot be saved is simply not saved. A cache file is
 * named by a hash of the bundle's bytes, the command, Node's version, the architecture and Node's
 * flags, so a rebuilt bundle never runs another build's code; it is written to a temporary file
 * and renamed, so a concurrent run never reads half a file. Where it lives: docs/cli.md.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** 'off': no cache folder; 'missing': none saved yet; 'accepted': the compiled code was used; 'rejected': damaged or refused by V8 (compiled afresh). */
export type CodeCacheState = 'off' | 'missing' | 'accepted' | 'rejected';

export interface CachedLoad {
  exports: unknown;
  state: CodeCacheState;
  /** Writes the cache of what has been compiled so far, unless it was accepted; true when written. */
  save(): boolean;
}

/** Cache files kept per folder (several Node versions or flag sets may alternate); older ones are removed on save. */
const KEEP = 16;

/**
 * The folder of the code cache: `TRIAL_CODE_CACHE` when set (`off` turns the cache off), else the
 * platform's cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows) under `trial-protocols/code-cache`.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  const chosen = env.TRIAL_CODE_CACHE;
  if (chosen !== undefined && chosen !== '') return chosen === 'off' ? undefined : path.resolve(chosen);
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA;
  else if (platform === 'darwin') base = home && path.join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, '.cache');
  return base ? path.join(base, 'trial-protocols', 'code-cache') : undefined;
}

/**
 * Runs the CommonJS file `file` (as `require` would, once) with the code cache of `name` in
 * `cacheDir` (undefined: no cache), and returns its exports.
 */
export function loadWithCodeCache(file: string, name: string, cacheDir: string | undefined): CachedLoad {
  const bytes = fs.readFileSync(file);
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${safeName(name)}-${cacheKey(bytes, name)}.bin`);
  const read = cacheFile === undefined ? undefined : readCacheFile(cacheFile);
  const cachedData = read === 'damaged' ? undefined : read;
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const state: CodeCacheState = cacheFile === undefined ? 'off' : read === 'damaged' ? 'rejected' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';

  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const global = globalThis as { [BUILD_CACHE]?: string };
  global[BUILD_CACHE] = cacheFile;
  try {
    run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } finally {
    delete global[BUILD_CACHE];
  }
  mod.loaded = true;

  let saved = false;
  return {
    exports: mod.exports,
    state,
    save() {
      if (saved || cacheFile === undefined || state === 'accepted') return false;
      saved = true;
      return writeCacheFile(cacheFile, script.createCachedData());
    },
  };
}

/**
 * Runs the bundle `file` with the code cache `name` in the user's cache folder (codeCacheDir) and
 * returns its exports. When there was no usable cache, `saveWhen` is given the function that saves
 * one, to call once the bundle has run what later starts will run (the functions compiled by then
 * are what the cache holds): at exit for a command or the server, after the first file for a worker.
 */
export function runCached(file: string, name: string, saveWhen: (save: () => void) => void): unknown {
  const loaded = loadWithCodeCache(file, name, codeCacheDir());
  if (loaded.state === 'missing' || loaded.state === 'rejected') saveWhen(() => loaded.save());
  return loaded.exports;
}

/**
 * The cache file of the bundle being run, while its top level runs, for the bundle's own code
 * (another module instance than this loader's): it may keep data of its build beside it (buildCacheFile).
 */
const BUILD_CACHE = Symbol.for('trial-protocols.code-cache.file');

/**
 * A file of the code cache folder for data of this very build of the running bundle (`kind`
 * names it, e.g. `ucum`): named as the bundle's code cache (a hash of the bundle's bytes, the
 * command, Node's version and flags), so another build never reads it. Asked by the bundle's top
 * level (its entry module); undefined elsewhere, and outside a bundle run with the code cache
 * (tests, `TRIAL_CODE_CACHE=off`). Read and write it with readCacheFile
 * and writeCacheFile; the folder keeps the KEEP newest files of each kind.
 */
export function buildCacheFile(kind: string): string | undefined {
  const file = (globalThis as { [BUILD_CACHE]?: string })[BUILD_CACHE];
  return file === undefined ? undefined : `${file.slice(0, -'.bin'.length)}.${safeName(kind)}`;
}

function cacheKey(bytes: Buffer, name: string): string {
  return crypto
    .createHash('sha256')
    .update(bytes)
    .update(`\0${name}\0${process.version}\0${process.arch}\0${process.execArgv.join('\0')}`)
    .digest('hex')
    .slice(0, 32);
}

function safeName(name: string): string {
  return name.replace(/[^a-z0-9-]/gi, '_');
}

/**
 * A cache file is the SHA-256 of the data, then V8's data. V8 checks a cache's version, flags and
 * source length but not its bytes (release builds skip the checksum), and running damaged
 * compiled code could crash: a file whose digest does not match is rejected here.
 */
const DIGEST = 32;

export function readCacheFile(file: string): Buffer | 'damaged' | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(DIGEST);
  if (bytes.length <= DIGEST || !crypto.createHash('sha256').update(data).digest().equals(bytes.subarray(0, DIGEST))) return 'damaged';
  return data;
}

/** Writes a cache file (digest, then data) through a temporary file renamed into place; false when it could not. */
export function writeCacheFile(target: string, data: Buffer): boolean {
  const dir = path.dirname(target);
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, Buffer.concat([crypto.createHash('sha256').update(data).digest(), data]), { flag: 'wx', mode: 0o600 });
    fs.renameSync(temporary, target);
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // never created
    }
    return false;
  }
  removeOldest(dir);
  return true;
}

/** A temporary file this old was left by a run stopped while writing (a worker thread is terminated, not ended). */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** Keeps the KEEP most recently written cache files of each kind (`.bin`, `.ucum` …) of the folder (each bundle build makes new ones). */
function removeOldest(dir: string): void {
  try {
    const names = fs.readdirSync(dir);
    for (const f of names.filter((n) => n.endsWith('.tmp'))) {
      const file = path.join(dir, f);
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_TEMPORARY_MS) fs.unlinkSync(file);
    }
    const byKind = new Map<string, { f: string; t: number }[]>();
    for (const f of names) {
      const kind = path.extname(f);
      if (kind === '.tmp' || kind === '') continue;
      const files = byKind.get(kind) ?? [];
      files.push({ f, t: fs.statSync(path.join(dir, f)).mtimeMs });
      byKind.set(kind, files);
    }
    for (const files of byKind.values()) for (const { f } of files.sort((a, b) => b.t - a.t).slice(KEEP)) fs.unlinkSync(path.join(dir, f));
  } catch {
    // another run is tidying the same folder
  }
}
