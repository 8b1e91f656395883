/** The fuzz inputs shared by fuzz.test.ts (bounded, in npm test) and run.ts (npm run fuzz). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { REPO } from '../export/shared';
import { SHAPES } from '../linear/shapes';

export const seeds = [
  ...fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.trial')).map((f) => fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')),
  ...SHAPES.map((s) => s.make(3)),
];
const PIECES = ['\r', '\n', '\r\n', '"', '"""', '{', '}', '//', '// trial-ignore unit-unknown', 'mg/', '😀', '\u0000', ' ', 'dose 1 mg', 'receives x {', '≥', '\t'];

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
);

/** One edit for incremental = fresh: a piece typed over a few characters somewhere. */
export const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 39 }), insert: fc.constantFrom('', ...PIECES, 'intervention y {\n', '}\n', '\ntrial {\n') });

export function mutate(text: string, ms: { kind: string; at: number; with?: number; piece?: string }[]): string {
  let lines = text.split('\n');
  for (const m of ms) {
    if (lines.length === 0) lines = [''];
    const i = m.at % lines.length;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (m.kind === 'swap') { const j = (m.with ?? 0) % lines.length; [lines[i], lines[j]] = [lines[j]!, lines[i]!]; }
    else { const line = lines[i]!; const c = m.at % (line.length + 1); lines[i] = line.slice(0, c) + m.piece + line.slice(c); }
  }
  return lines.join('\n');
}

