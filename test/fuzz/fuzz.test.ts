/**
 * A seeded, bounded fuzz suite (issue 8): mutations of the examples and the pathological shapes —
 * lines deleted, duplicated, swapped, characters inserted (CR, quotes, braces, surrogates) — and
 * for each document: checking never throws, every diagnostic range lies inside the document, and
 * the formatter is idempotent. Bounded by count (fixed seed), never by time.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatText } from '../../grammar/format';
import { checkText } from '../../server/checks';
import { REPO } from '../export/shared';
import { SHAPES } from '../linear/shapes';

const seeds = [
  ...fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.trial')).map((f) => fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')),
  ...SHAPES.map((s) => s.make(3)),
];
const PIECES = ['\r', '\n', '\r\n', '"', '"""', '{', '}', '//', '// trial-ignore unit-unknown', 'mg/', '😀', '\u0000', ' ', 'dose 1 mg', 'receives x {', '≥', '\t'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
);

function mutate(text: string, ms: { kind: string; at: number; with?: number; piece?: string }[]): string {
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

describe('fuzz: mutated examples and shapes (seeded, bounded)', function () {
  this.timeout(120_000);
  it('check never throws, ranges stay inside the document, format is idempotent', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, ms) => {
        const text = mutate(seeds[seed]!, ms);
        const { diagnostics } = checkText(text);
        for (const d of diagnostics) {
          assert.ok(d.range.start.offset >= 0 && d.range.start.offset <= d.range.end.offset && d.range.end.offset <= text.length, `${d.code} ${JSON.stringify(d.range)}`);
          assert.ok(!d.code.startsWith('internal-error'), `${d.code}: ${d.message}`);
        }
        const once = formatText(text);
        if (once.ok) {
          const twice = formatText(once.text);
          assert.ok(twice.ok, 'the formatted text parses');
          assert.equal(twice.text, once.text);
        }
      }),
      { seed: 8, numRuns: 1000 },
    );
  });
});
