/**
 * Arguments → `.trial` files: a file as is, a directory → every `.trial` below it (sorted), a glob
 * (`*`, `**`, `?`) → the matching `.trial` files. Nothing found for an argument is a usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile, SafeWriteError } from '../io/safe-write';
import { CliError } from './io';

const GLOB = /[*?[]/;

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Expands arguments relative to `cwd`; returns paths as given (relative stays relative), without duplicates. */
export function expandTrialFiles(args: string[], cwd: string, extension = '.trial'): string[] {
  const out: string[] = [];
  // What `out` holds, for the duplicates (out.includes was quadratic in the number of files).
  const seen = new Set<string>();
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const found: string[] = [];
    if (GLOB.test(arg)) {
      const parts = arg.split('/');
      const firstGlob = parts.findIndex((p) => GLOB.test(p));
      const base = parts.slice(0, firstGlob).join('/') || '.';
      const files: string[] = [];
      if (fs.existsSync(path.resolve(cwd, base))) walk(path.resolve(cwd, base), files);
      const re = globToRegExp(path.resolve(cwd, arg).split(path.sep).join('/'));
      for (const f of files) if (re.test(f.split(path.sep).join('/')) && f.endsWith(extension)) found.push(path.relative(cwd, f) || f);
    } else if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
      const files: string[] = [];
      walk(abs, files);
      for (const f of files) if (f.endsWith(extension)) found.push(path.join(arg, path.relative(abs, f)));
    } else if (fs.existsSync(abs)) {
      found.push(arg);
    } else {
      throw new CliError(`${arg}: no such file or folder`);
    }
    if (found.length === 0) throw new CliError(`${arg}: no ${extension} files found`);
    for (const f of found) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

/** Reads a file the user named; a FIFO or device is refused (reading one would block or never end). */
export function readText(file: string, cwd: string): string {
  try {
    return readRegularFile(path.resolve(cwd, file));
  } catch (e) {
    if (e instanceof SafeWriteError) throw new CliError(e.message.replace(e.target, file));
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Shows "label 3/40" on a terminal when there are many files; a no-op otherwise. */
export function progress(io: { stderr(t: string): void; stderrIsTTY: boolean }, total: number, label: string): { tick(i: number): void; done(): void } {
  const on = io.stderrIsTTY && total >= 20;
  return {
    tick: (i) => { if (on) io.stderr(`\r${label} ${i}/${total}`); },
    done: () => { if (on) io.stderr('\r\x1b[K'); },
  };
}

/** A refused or failed write as one CLI line; an existing file names the flag that replaces it. */
export function writeError(e: unknown, shown: string): CliError {
  if (e instanceof SafeWriteError) {
    if (e.kind === 'exists') return new CliError(`${shown} already exists; use --force to replace it`);
    if (e.kind === 'symlink') return new CliError(`${shown} is a symbolic link; refusing to write through it (remove it or choose another name)`);
    return new CliError(e.message.replace(e.target, shown));
  }
  return new CliError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
