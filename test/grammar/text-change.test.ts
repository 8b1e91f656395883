/** text-change.ts: combined changes cover both edits, so the text outside them is the same in the first and the last text. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { combine, fits, replacement, type TextChange } from '../../grammar/text-change';

/** Whether `change` describes `before` → `after`: the parts outside it are equal. */
function describes(change: TextChange, before: string, after: string): boolean {
  return (
    fits(change, before.length, after.length) &&
    before.slice(0, change.start) === after.slice(0, change.start) &&
    before.slice(change.oldEnd) === after.slice(change.newEnd)
  );
}

describe('text changes', () => {
  it('a sequence of edits combined into one change describes the first text to the last', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(8), insert: fc.string({ maxLength: 6 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let change: TextChange | undefined;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const remove = Math.min(e.remove, text.length - at);
          text = text.slice(0, at) + e.insert + text.slice(at + remove);
          const one = replacement(at, remove, e.insert.length);
          change = change ? combine(change, one) : one;
        }
        assert.ok(describes(change!, start, text), JSON.stringify({ start, text, change }));
      }),
      { numRuns: 500 },
    );
  });

  it('combines edits into the part that holds both, what lies between them included', () => {
    // "abcdef": "b" → "XY" ("aXYcdef"), then its "e" (offset 5) removed: "bcde" became "XYcd".
    assert.deepEqual(combine(replacement(1, 1, 2), replacement(5, 1, 0)), { start: 1, oldEnd: 5, newEnd: 5 });
    // Three characters put at 4, then the first two removed: "abcd" became "cdXYZ".
    assert.deepEqual(combine(replacement(4, 0, 3), replacement(0, 2, 0)), { start: 0, oldEnd: 4, newEnd: 5 });
  });

  it('fits only the lengths it can describe', () => {
    assert.ok(fits(replacement(2, 1, 3), 10, 12));
    assert.ok(!fits(replacement(2, 1, 3), 10, 11));
    assert.ok(!fits(replacement(9, 2, 2), 10, 10));
    assert.ok(!fits({ start: 3, oldEnd: 2, newEnd: 3 }, 10, 11));
  });
});
