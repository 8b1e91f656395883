/**
 * Incremental parsing: parsing an edited text with the previous result gives exactly what a fresh
 * parse gives — same AST with the same ranges, same diagnostics, comments and tokens.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, type ParseResult } from '../../grammar/parse';
import { splitSegments } from '../../grammar/segments';
import { readExample } from '../helpers/paths';

function comparable(result: ParseResult): unknown {
  return {
    ast: result.ast,
    diagnostics: result.diagnostics,
    comments: result.comments,
    tokens: result.tokens.map((t) => [t.image, t.startOffset, t.startLine, t.startColumn, t.tokenType.name]),
  };
}

const seed = readExample('NCT04743739.trial');
const zephyr = readExample('ZEPHYR-1.trial');

describe('incremental parsing', () => {
  it('splits at top-level items, never inside a triple-quoted text', () => {
    const segments = splitSegments('trial {\n  details """\nintervention inside text\n  """\n}\nintervention x {\n}\nsite "S"\n');
    assert.deepEqual(segments.map((s) => [s.line, s.text.split('\n')[0]]), [
      [0, 'trial {'],
      [5, 'intervention x {'],
      [7, 'site "S"'],
    ]);
  });

  it('a block missing its } ends at the next top-level item', () => {
    const result = parse('intervention x {\n  type drug\n\narm a {\n  receives x\n}\n');
    assert.deepEqual(result.ast.items.map((i) => i.kind), ['InterventionBlock', 'ArmBlock']);
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0].message, /no closing '}'/);
  });

  it('reuses unchanged segments: the same objects, moved to their new place', () => {
    const first = parse(zephyr);
    const lastBefore = first.ast.items[first.ast.items.length - 1];
    const edited = zephyr.replace('enrollment 240 estimated', 'enrollment 2400 estimated\n');
    const second = parse(edited, first);
    assert.equal(second.ast.items[second.ast.items.length - 1], lastBefore, 'same object reused');
    assert.deepEqual(comparable(second), comparable(parse(edited)));
  });

  it('equals a fresh parse after any sequence of random edits', () => {
    const alphabet = fc.constantFrom('a', ' ', '\n', '{', '}', '"', '1', 'x', 'arm ', 'site "S"\n', '"""', 'dose 5 mg iv\n', '\nintervention y {\n');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(alphabet, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.constantFrom(seed, zephyr), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let previous = parse(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
          const incremental = parse(text, previous);
          assert.deepEqual(comparable(incremental), comparable(parse(text)));
          previous = incremental;
        }
      }),
      { numRuns: 40 },
    );
  });
});
