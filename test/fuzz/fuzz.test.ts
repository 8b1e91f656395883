/**
 * A seeded, bounded fuzz suite (issue 8): mutations of the examples and the pathological shapes —
 * lines deleted, duplicated, swapped, characters inserted (CR, quotes, braces, surrogates) — and
 * for each document: checking never throws, every diagnostic range lies inside the document, and
 * the formatter is idempotent. Bounded by count (fixed seed), never by time.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatText } from '../../grammar/format';
import { checkText } from '../../server/checks';
import { mutate, mutation, seeds } from './mutate';

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
