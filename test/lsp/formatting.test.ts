import * as assert from 'assert';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { formatText } from '../../grammar/format';
import { diffLines } from '../../server/lsp/line-diff';
import { applyEdits, TestServer } from './harness';

/** Length of the longest common subsequence of two line lists (quadratic; for small test inputs). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

const MESSY = [
  'trial {',
  '    brief title   "X"',
  '  phase 3',
  '}',
  'arm a {',
  '<|label "A"',
  '    type experimental|>',
  '}',
  'intervention x {',
  '  dose 1000mg iv on day 1',
  '}',
  '',
].join('\n');

describe('lsp: formatting', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  it('whole document: the edits give exactly the formatter\'s text', async () => {
    const doc = await server.open(MESSY);
    const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: doc.uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 1, 'small edits, not one replacement of everything');
    const expected = formatText(doc.text);
    assert.ok(expected.ok);
    assert.strictEqual(applyEdits(doc.text, edits), expected.text);
  });

  it('range: only the edits that touch the range', async () => {
    const doc = await server.open(MESSY);
    const edits = await server.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: doc.uri }, range: doc.ranges[0], options: { tabSize: 2, insertSpaces: true } });
    const after = applyEdits(doc.text, edits);
    assert.match(after, /\n {2}label "A"\n {2}type experimental\n/);
    assert.match(after, /\n {4}brief title {3}"X"/, 'the trial block, outside the range, is untouched');
    assert.match(after, /1000mg/, 'the dose, outside the range, is untouched');
  });

  it('a formatted document gives no edits; a document with syntax errors is left alone', async () => {
    const { uri } = await server.openExample('ZEPHYR-1.trial');
    assert.deepStrictEqual(await server.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
    const broken = await server.open('trial {\n  phase\n');
    assert.deepStrictEqual(await server.request('textDocument/formatting', { textDocument: { uri: broken.uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  it('line diff: hunks reproduce the new text', () => {
    const cases: [string[], string[]][] = [
      [['a', 'b', 'c'], ['a', 'x', 'c']],
      [['a', 'b', 'c'], ['a', 'b', 'b2', 'c']],
      [['a', 'b', 'c'], ['c']],
      [[], ['a']],
      [['a', 'b', 'c', 'd', 'e'], ['e', 'b', 'c', 'x', 'a']],
    ];
    for (const [a, b] of cases) {
      const out: string[] = [];
      let i = 0;
      for (const h of diffLines(a, b)) {
        out.push(...a.slice(i, h.aStart), ...b.slice(h.bStart, h.bEnd));
        i = h.aEnd;
      }
      out.push(...a.slice(i));
      assert.deepStrictEqual(out, b, JSON.stringify([a, b]));
    }
  });

  it('line diff: hunks reproduce the new text for any two texts, and keep the lines they share in order', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '}', 'x {'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const out: string[] = [];
        let i = 0;
        let kept = 0;
        for (const h of diffLines(a, b)) {
          assert.ok(h.aStart >= i && h.aEnd >= h.aStart && h.bEnd >= h.bStart, 'hunks in order');
          kept += h.aStart - i;
          out.push(...a.slice(i, h.aStart), ...b.slice(h.bStart, h.bEnd));
          i = h.aEnd;
        }
        kept += a.length - i;
        out.push(...a.slice(i));
        assert.deepStrictEqual(out, b);
        // Minimal: as many lines kept as the longest common subsequence has.
        assert.equal(kept, lcsLength(a, b));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
