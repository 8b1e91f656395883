/**
 * The document's line index after an incremental parse is made of the segments' own indexes
 * (line-index.ts `SegmentedLineIndex`): it must answer exactly as an index built over the whole
 * text, at every offset and line, after edits that add and remove lines and segments.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from '../../grammar/line-index';
import { parse } from '../../grammar/parse';
import { readExample } from '../helpers/paths';

const zephyr = readExample('ZEPHYR-1.trial');

function assertSameIndex(text: string, actual: LineIndex): void {
  const expected = new LineIndex(text);
  assert.equal(actual.lineCount, expected.lineCount, 'line count');
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(actual.position(offset), expected.position(offset), `position of offset ${offset}`);
  }
  for (let line = -1; line <= expected.lineCount + 1; line++) {
    assert.equal(actual.lineStart(line), expected.lineStart(line), `start of line ${line}`);
    for (const character of [0, 1, 3, 200]) assert.equal(actual.offsetAt(line, character), expected.offsetAt(line, character), `offset of ${line}:${character}`);
  }
}

describe('incremental parsing: the document line index', () => {
  it('answers as a whole-text index, fresh and after random edits', () => {
    const piece = fc.constantFrom('\n', '\r\n', 'x', 'site "S"\n', 'arm a {\n}\n', '"""\n', '\n\n', 'intervention y {\n  type drug\n');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(20), insert: fc.array(piece, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.constantFrom(zephyr.slice(0, 1500), 'site "S"\nsite "T"', '', '\n'), fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        let text = start;
        let previous = parse(text);
        assertSameIndex(text, previous.lines);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
          previous = parse(text, previous);
          assertSameIndex(text, previous.lines);
        }
      }),
      { numRuns: 60 },
    );
  });
});
