/**
 * Safe writes, by construction: the one module export, import and fmt write files through.
 *
 * - A file name derived from document or record content goes through `safeFileName` (no path
 *   separators, no `..`, no control characters, no names the OS reserves) and `containedPath`
 *   (the result must stay inside the folder the user asked for).
 * - `writeFileSafely` never replaces an existing file unless the caller says `overwrite` (the CLI's
 *   `--force`, the editor's "Replace" answer); it refuses a symlink (it would write through to the
 *   file the link points to) and anything that is not a regular file (a FIFO, a device, a folder),
 *   and the write stays atomic: a temporary file in the same folder, then a rename (or, without
 *   overwrite, a hard link, which fails atomically when a file of that name appeared meanwhile).
 *
 * Pure Node core: no editor imports. Errors are `SafeWriteError`s with a `kind` callers map to
 * their own answers (CLI exit 2, LSP "exists" answer) and a message naming the path.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';

export type SafeWriteErrorKind = 'exists' | 'symlink' | 'not-regular' | 'outside' | 'io';

export class SafeWriteError extends Error {
  constructor(readonly kind: SafeWriteErrorKind, readonly target: string, message: string) {
    super(message);
  }
}

/** The file operations used, injectable so tests can make one fail mid-write. */
export interface WriteFs {
  writeFileSync(file: string, data: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
  /** Creates `to` as a second name of `from`; throws EEXIST when `to` exists (never replaces). */
  linkSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  /** Like fs.lstatSync (does not follow a final symlink); undefined when nothing is there. */
  lstat(file: string): nodeFs.Stats | undefined;
}

export const realFs: WriteFs = {
  writeFileSync: (f, d, e) => nodeFs.writeFileSync(f, d, { encoding: e, flag: 'wx' }),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  unlinkSync: (f) => nodeFs.unlinkSync(f),
  mkdirSync: (d, o) => nodeFs.mkdirSync(d, o),
  lstat: (f) => nodeFs.lstatSync(f, { throwIfNoEntry: false }),
};

// --- names -----------------------------------------------------------------------------------------

/** Names Windows reserves whatever the extension (`CON.trial` cannot be created there). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Longest stem kept: file systems allow 255 bytes per name; leave room for extension and suffixes. */
const MAX_STEM = 120;

/**
 * A file name stem from content (an NCT id, an org study id): letters, digits, `.`, `_`, `-` kept,
 * every other run (separators, `..`, spaces, control characters) becomes one `-`; no leading dots or
 * dashes (no hidden files, no `..`), at most 120 characters; `fallback` when nothing is left.
 */
export function safeFileStem(raw: string, fallback = 'untitled'): string {
  let stem = raw.normalize('NFC').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[.-]+|[.-]+$/g, '');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/[.-]+$/, '');
  if (!stem || RESERVED.test(stem.split('.')[0]!)) stem = stem ? `${stem}-file` : fallback;
  return stem;
}

/** `safeFileStem(stem) + extension`, e.g. `safeFileName('../x', '.trial')` = `x.trial`. */
export function safeFileName(stem: string, extension: string, fallback?: string): string {
  return safeFileStem(stem, fallback) + extension;
}

/** True when `target` (absolute) is `folder` itself or below it, lexically. */
export function isInside(folder: string, target: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(target));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `folder/name` for a name derived from content, throwing `outside` when it would leave `folder`
 * (a name that went through `safeFileName` never does; this is the second lock on the door).
 */
export function containedPath(folder: string, name: string): string {
  const target = path.resolve(folder, name);
  if (!isInside(folder, target) || target === path.resolve(folder)) {
    throw new SafeWriteError('outside', target, `${name} would be written outside ${folder}; nothing was written`);
  }
  return target;
}

// --- checks on the target ----------------------------------------------------------------------

/**
 * What is at `target` now, as a refusal: a symlink, a non-regular file, or (without overwrite) an
 * existing file. Undefined when the write may go ahead. Exposed so a caller can ask before writing
 * several files (all-or-nothing).
 */
export function refusalFor(target: string, overwrite: boolean, fs: WriteFs = realFs): SafeWriteError | undefined {
  let st: nodeFs.Stats | undefined;
  try {
    st = fs.lstat(target);
  } catch (e) {
    return new SafeWriteError('io', target, `cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!st) return undefined;
  if (st.isSymbolicLink()) return new SafeWriteError('symlink', target, `${target} is a symbolic link; it was not followed and nothing was written`);
  if (!st.isFile()) return new SafeWriteError('not-regular', target, `${target} is ${describeKind(st)}, not a regular file; nothing was written`);
  if (!overwrite) return new SafeWriteError('exists', target, `${target} already exists; nothing was written`);
  return undefined;
}

function describeKind(st: nodeFs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

// --- the write ---------------------------------------------------------------------------------

let counter = 0;

/** The temporary name used for `target`: hidden, in the same folder, unique per process and call. */
export function temporaryPathFor(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter}.tmp`);
}

export interface SafeWriteOptions {
  /** Replace an existing regular file (never a symlink or special file). Default false. */
  overwrite?: boolean;
  fs?: WriteFs;
}

/**
 * Writes `text` to `target` atomically, under the rules above. Throws `SafeWriteError`; on any
 * failure the temporary file is removed and the target is as it was.
 */
export function writeFileSafely(target: string, text: string, options: SafeWriteOptions = {}): void {
  const fs = options.fs ?? realFs;
  const overwrite = options.overwrite ?? false;
  const abs = path.resolve(target);
  const refusal = refusalFor(abs, overwrite, fs);
  if (refusal) throw refusal;
  const dir = path.dirname(abs);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new SafeWriteError('io', abs, `cannot create the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const tmp = temporaryPathFor(abs);
  try {
    fs.writeFileSync(tmp, text, 'utf8');
    if (overwrite) {
      // Checked again right before the rename: a symlink or FIFO put there meanwhile is still refused.
      const late = refusalFor(abs, true, fs);
      if (late) throw late;
      fs.renameSync(tmp, abs);
    } else {
      // link() never replaces: a file created at `abs` since the check makes it fail with EEXIST.
      try {
        fs.linkSync(tmp, abs);
        fs.unlinkSync(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
        // A file system without hard links: check once more, then rename (a narrow race, not a silent one).
        const late = refusalFor(abs, false, fs);
        if (late) throw late;
        fs.renameSync(tmp, abs);
      }
    }
  } catch (error) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // The temporary file was never created, or was renamed.
    }
    if (error instanceof SafeWriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new SafeWriteError('exists', abs, `${abs} already exists; nothing was written`);
    throw new SafeWriteError('io', abs, `cannot write ${abs}: ${code ?? (error as Error).message}`);
  }
}

/**
 * Reads a file the user named, refusing what is not a regular file (reading a FIFO would block
 * forever, a device would never end). Symlinks to regular files are read (reading is harmless).
 */
export function readRegularFile(file: string): string {
  const abs = path.resolve(file);
  let st: nodeFs.Stats;
  try {
    st = nodeFs.statSync(abs);
  } catch (e) {
    throw new SafeWriteError('io', abs, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!st.isFile()) throw new SafeWriteError('not-regular', abs, `cannot read ${file}: it is ${describeKind(st)}, not a regular file`);
  return nodeFs.readFileSync(abs, 'utf8');
}
