/**
 * A seeded, bounded fuzz suite (issue 8): mutations of the examples and the pathological shapes —
 * lines deleted, duplicated, swapped, characters inserted (CR, quotes, braces, surrogates) — each
 * with one random edit, through every property of properties.ts (no throw, ranges inside, format
 * idempotent and keeping the diagnostics, exports pass the schema, incremental = fresh). Bounded by
 * count (fixed seed), never by time. The documents `npm run fuzz` saved (test/fuzz/reproducers/)
 * are regression tests.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { REPO } from '../export/shared';
import { edit, mutate, mutation, seeds } from './mutate';
import { violations } from './properties';

const REPRODUCERS = path.join(REPO, 'test', 'fuzz', 'reproducers');

describe('fuzz: mutated examples and shapes (seeded, bounded)', function () {
  this.timeout(180_000);
  it('every property holds on 600 mutated documents, each with a random edit', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), edit, (seed, ms, e) => {
        const text = mutate(seeds[seed]!, ms);
        assert.deepEqual(violations(text, e), []);
      }),
      { seed: 8, numRuns: 600 },
    );
  });

  it('the saved reproducers hold every property', () => {
    const files = fs.readdirSync(REPRODUCERS).filter((f) => f.endsWith('.trial'));
    assert.ok(files.length > 0, 'test/fuzz/reproducers holds the documents fuzzing found');
    for (const f of files) assert.deepEqual(violations(fs.readFileSync(path.join(REPRODUCERS, f), 'utf8'), { at: 7, remove: 3, insert: '\n' }), [], f);
  });
});
