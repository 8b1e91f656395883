/**
 * Incremental parsing: parsing an edited text with the previous result gives exactly what a fresh
 * parse gives — same AST with the same ranges, same diagnostics, comments and tokens.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, type ParseResult } from '../../grammar/parse';
import { splitSegments } from '../../grammar/segments';
import { combine, replacement, type TextChange } from '../../grammar/text-change';
import { applyEdit, seededEdits } from '../../bench/edits';
import { generateProtocol } from '../../bench/generate';
import { readExample } from '../helpers/paths';

/** Plain data (positions by value: a segment's positions are relative objects), compared strictly. */
function comparable(result: ParseResult): unknown {
  return JSON.parse(JSON.stringify({
    ast: result.ast,
    diagnostics: result.diagnostics,
    comments: result.comments,
    tokens: result.tokens.map((t) => [t.image, t.startOffset, t.startLine, t.startColumn, t.tokenType.name]),
  }));
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

  it('equals a fresh parse after any sequence of random edits', function () {
    // 6–18 s on a loaded 2-core machine: mocha's 20 s default made this fail by timeout, not by a difference
    // (10,000 runs of the segment-boundary property with two other seeds found none).
    this.timeout(120_000);
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
  it("equals a fresh parse after the bench's edits: typing, line starts, block boundaries, backspaces, multi-line pastes", function () {
    // 6–18 s on a loaded 2-core machine: mocha's 20 s default made this fail by timeout, not by a difference
    // (10,000 runs of the segment-boundary property with two other seeds found none).
    this.timeout(120_000);
    let text = generateProtocol(400, 3);
    let previous = parse(text);
    for (const e of seededEdits(text, 120, 3)) {
      text = applyEdit(text, e);
      const incremental = parse(text, previous);
      assert.deepEqual(comparable(incremental), comparable(parse(text)), `after a ${e.kind} edit at offset ${e.offset}`);
      previous = incremental;
    }
  });

  it('equals a fresh parse after edits at segment boundaries, around """ and on top-level keywords', function () {
    // 6–18 s on a loaded 2-core machine: mocha's 20 s default made this fail by timeout, not by a difference
    // (10,000 runs of the segment-boundary property with two other seeds found none).
    this.timeout(120_000);
    // Edit positions chosen near line starts, segment starts and `"""`, where the window logic of
    // parse.ts has its edge cases; insertions create or destroy top-level keywords and `"""`.
    const alphabet = fc.constantFrom('\n', '"""', '"""\n', 'arm', 'arm ', 'site', 'site "S"\n', 'primary outcome "o" {\n}\n', 'x', ' ', '}', '{', '\nmeasure m unit "mg"\n', 'trial {\n', '"');
    const anchorAt = (text: string, kind: number, pick: number): number => {
      const places: number[] = [];
      if (kind === 0) for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) places.push(i + 1);
      else if (kind === 1) for (let i = text.indexOf('"""'); i !== -1; i = text.indexOf('"""', i + 1)) places.push(i);
      else for (const s of splitSegments(text)) places.push(s.start);
      if (places.length === 0) return 0;
      return Math.min(text.length, places[Math.floor(pick * places.length) % places.length]!);
    };
    const edit = fc.record({ kind: fc.nat(2), pick: fc.double({ min: 0, max: 0.999, noNaN: true }), shift: fc.integer({ min: -2, max: 2 }), remove: fc.nat(6), insert: fc.array(alphabet, { maxLength: 2 }) });
    const small = 'trial {\n  details """\nintervention inside text\n  """\n}\nintervention x {\n  type drug\n}\nsite "S"\narm a {\n  receives x\n}\n';
    fc.assert(
      fc.property(fc.constantFrom(seed, zephyr, small), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let previous = parse(text);
        for (const e of edits) {
          const at = Math.max(0, Math.min(text.length, anchorAt(text, e.kind, e.pick) + e.shift));
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
          const incremental = parse(text, previous);
          assert.deepEqual(comparable(incremental), comparable(parse(text)));
          assert.deepEqual(incremental.segments.map((s) => [s.start, s.line, s.text]), splitSegments(text).map((s) => [s.start, s.line, s.text]));
          previous = incremental;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('told where each edit lies (its change, or several combined into one), equals a fresh parse', function () {
    // 6–18 s on a loaded 2-core machine, as the properties above.
    this.timeout(120_000);
    // The same edits as above, some of them with lone CRs (the parse then compares the texts around
    // the change), applied one to three at a time: the parse is told only their combined change.
    const alphabet = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '{', '}', '"', '"""', 'arm ', 'site "S"\n', 'dose 5 mg iv\n', '\nintervention y {\n', '\nmeasure m unit "mg"\n');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(alphabet, { maxLength: 3 }) });
    const small = 'trial {\n  details """\nintervention inside text\n  """\n}\nintervention x {\n  type drug\n}\nsite "S"\narm a {\n  receives x\n}\n';
    fc.assert(
      fc.property(fc.constantFrom(seed, zephyr, small), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (start, steps) => {
        let text = start;
        let previous = parse(text);
        for (const step of steps) {
          let change: TextChange | undefined;
          for (const e of step) {
            const at = Math.floor(e.at * text.length);
            const remove = Math.min(e.remove, text.length - at);
            const insert = e.insert.join('');
            text = text.slice(0, at) + insert + text.slice(at + remove);
            const one = replacement(at, remove, insert.length);
            change = change ? combine(change, one) : one;
          }
          const incremental = parse(text, previous, change);
          assert.deepEqual(comparable(incremental), comparable(parse(text)));
          previous = incremental;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a change that does not fit the texts is not trusted: the texts are compared', () => {
    const edited = zephyr.replace('enrollment 240', 'enrollment 2400\n');
    assert.deepEqual(comparable(parse(edited, parse(zephyr), replacement(zephyr.length, 0, 0))), comparable(parse(edited)));
    assert.deepEqual(comparable(parse(edited, parse(zephyr), replacement(-1, 0, edited.length - zephyr.length - 1))), comparable(parse(edited)));
  });

  it('a previous result passed a second time still gives a fresh parse', () => {
    const first = parse(zephyr);
    const a = zephyr.replace('enrollment 240', 'enrollment 2400\n');
    const b = 'x\n' + zephyr;
    parse(a, first);
    assert.deepEqual(comparable(parse(b, first)), comparable(parse(b)));
  });

  it('an unchanged text and an edit at either end reuse or reparse correctly', () => {
    for (const [a, b] of [[zephyr, zephyr], [zephyr, 'x' + zephyr], [zephyr, zephyr + 'arm z {\n}\n'], [zephyr, zephyr.slice(1)], [zephyr, ''], ['', zephyr], ['"""', '"""\n' + zephyr]] as const) {
      assert.deepEqual(comparable(parse(b, parse(a))), comparable(parse(b)));
    }
  });
});
