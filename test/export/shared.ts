/** Finds `shared/` (registry records) by walking up from this file: /work/shared locally, ../shared in CI. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function findShared(): string | undefined {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'registry-records');
    if (fs.existsSync(candidate)) return path.join(dir, 'shared');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const readExample = (name: string): string => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
