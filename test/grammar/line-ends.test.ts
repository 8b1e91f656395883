/** CR, LF and CRLF are all line breaks in the core, as in the editor (issue 8). */
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../grammar/line-index';
import { parse } from '../../grammar/parse';
import { checkText } from '../../server/checks';
import { readExample } from '../export/shared';

const summary = (text: string) => checkText(text).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe('grammar: line ends (CR, LF, CRLF)', () => {
  it('LineIndex counts a lone CR, a LF and a CRLF each as one break', () => {
    const lines = new LineIndex('a\rb\nc\r\nd');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([2, 4, 7].map((o) => lines.position(o)).map((p) => [p.line, p.character]), [[1, 0], [2, 0], [3, 0]]);
    assert.equal(lines.offsetAt(3, 0), 7);
  });

  for (const [name, eol] of [['CR', '\r'], ['CRLF', '\r\n']] as const) {
    it(`ZEPHYR-1 with ${name} line ends: the same diagnostics on the same lines as with LF (none)`, () => {
      const lf = readExample('ZEPHYR-1.trial');
      const other = lf.replace(/\n/g, eol);
      assert.deepEqual(summary(other), summary(lf));
      assert.equal(checkText(other).diagnostics.filter((d) => d.severity === 'error').length, 0);
    });

    it(`the seed with ${name} line ends: every diagnostic on the same line and column as with LF`, () => {
      const lf = readExample('NCT04743739.trial');
      assert.deepEqual(summary(lf.replace(/\n/g, eol)), summary(lf));
    });
  }

  it('a lone CR ends a statement and a comment, and the AST positions agree with LineIndex', () => {
    const text = 'trial {\r  brief title "A"\r  // note\r  phase banana\r}\r';
    const parsed = parse(text);
    assert.equal(parsed.diagnostics.length, 0, JSON.stringify(parsed.diagnostics));
    const d = checkText(text).diagnostics.find((x) => x.message.includes('banana'));
    assert.ok(d, JSON.stringify(checkText(text).diagnostics));
    assert.equal(d.range.start.line, 3);
    assert.equal(parsed.comments[0]!.text, '// note');
  });

  it('surrogate pairs count as two UTF-16 code units in columns, as LSP positions do', () => {
    const text = 'trial {\n  brief title "😀😀" banana\n}\n';
    const d = checkText(text).diagnostics.find((x) => x.message.includes("'banana'"));
    assert.ok(d);
    // "  brief title " is 14, the quoted text 2 + 2×2 code units, then a space.
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [1, 21, 27]);
    assert.equal(text.split('\n')[1]!.indexOf('banana'), 21);
  });

  it('an edit that makes or unmakes a lone CR (typed, pasted, or the LF after a CR deleted) parses as a fresh parse does', () => {
    const positions = (r: ReturnType<typeof parse>) => JSON.parse(JSON.stringify({ items: r.ast.items, diagnostics: r.diagnostics, comments: r.comments, range: r.ast.range }));
    const lf = readExample('ZEPHYR-1.trial');
    const crlf = lf.replace(/\n/g, '\r\n');
    const mid = (t: string) => t.indexOf('\n', t.length >> 1) + 1;
    const cases: [string, (t: string) => string][] = [
      ['a lone CR typed at a line end', (t) => t.slice(0, mid(t) - 1) + '\r' + t.slice(mid(t) - 1)],
      ['a paste with lone CRs', (t) => t.slice(0, mid(t)) + 'site "A" in "Oslo", "Norway" status recruiting\rsite "B" in "Bergen", "Norway" status recruiting\r' + t.slice(mid(t))],
      ['the LF after a CR deleted', (t) => t.slice(0, mid(t) - 1) + t.slice(mid(t))],
      ['a line typed after a CR', (t) => t.slice(0, mid(t)) + '// a note\r\n' + t.slice(mid(t))],
    ];
    for (const start of [lf, crlf, lf.replace(/\n/g, '\r')]) {
      for (const [what, edit] of cases) {
        let text = start;
        let previous = parse(text);
        // The edit, then one more at the same place on its result (the previous text then has the CR).
        for (let step = 0; step < 2; step++) {
          text = edit(text);
          const incremental = parse(text, previous);
          assert.deepEqual(positions(incremental), positions(parse(text)), `${what}, step ${step + 1}`);
          previous = incremental;
        }
      }
    }
  });
});
