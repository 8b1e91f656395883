/**
 * Atomic file writing: the text goes to a temporary file in the target's own folder (same file
 * system, so the rename is atomic), then is renamed over the target. If anything fails, the
 * temporary file is removed and the target is left as it was: never a half-written file.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';

/** The file operations used, injectable so tests can make one fail mid-write. */
export interface WriteFs {
  writeFileSync(file: string, data: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
}

export const realFs: WriteFs = {
  writeFileSync: (f, d, e) => nodeFs.writeFileSync(f, d, { encoding: e, flag: 'wx' }),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  unlinkSync: (f) => nodeFs.unlinkSync(f),
  mkdirSync: (d, o) => nodeFs.mkdirSync(d, o),
};

let counter = 0;

/** The temporary name used for `target`: hidden, in the same folder, unique per process and call. */
export function temporaryPathFor(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter}.tmp`);
}

export function writeFileAtomic(target: string, text: string, fs: WriteFs = realFs): void {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = temporaryPathFor(path.resolve(target));
  try {
    fs.writeFileSync(tmp, text, 'utf8');
    fs.renameSync(tmp, target);
  } catch (error) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    throw error;
  }
}
