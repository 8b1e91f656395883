/**
 * Test helper: locates the project's `shared/` folder (real registry records, reference notes).
 * Locally and in CI it sits beside the repository checkout (`../shared`); we walk up from this
 * file until a `shared/registry-records` folder appears. `TRIAL_SHARED_DIR` overrides.
 */
import * as fs from 'fs';
import * as path from 'path';

export function findSharedDir(from: string = __dirname): string {
  const override = process.env['TRIAL_SHARED_DIR'];
  if (override) return path.resolve(override);
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'shared');
    if (fs.existsSync(path.join(candidate, 'registry-records'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no shared/registry-records above ${from}; set TRIAL_SHARED_DIR`);
    dir = up;
  }
}

export function registryRecordFiles(): string[] {
  const dir = path.join(findSharedDir(), 'registry-records');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function referenceText(name = 'registry-format.md'): string {
  return fs.readFileSync(path.join(findSharedDir(), 'reference', name), 'utf8');
}
