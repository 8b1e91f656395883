/** Where the repository's files are, from compiled tests in out/test/… or from sources. */
import * as fs from 'fs';
import * as path from 'path';

function findUp(start: string, marker: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, marker))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${marker} above ${start}`);
    dir = parent;
  }
}

export const repoRoot = findUp(__dirname, 'package.json');
export const examplesDir = path.join(repoRoot, 'examples');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

export function readExample(name: string): string {
  return fs.readFileSync(path.join(examplesDir, name), 'utf8');
}

/** Every .trial file under a folder, recursively. */
export function trialFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return trialFilesUnder(full);
    return entry.name.endsWith('.trial') ? [full] : [];
  });
}
