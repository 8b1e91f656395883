/**
 * The one escaping of document text in the server's Markdown (server/lsp/markdown.ts), against
 * CommonMark's own rules: a backslash before ASCII punctuation is that character; a code span is
 * closed only by a backtick run of the opening's length, and loses one space at each end when both
 * ends have one.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mdCode, mdText } from '../../server/lsp/markdown';

const PIECES = ['`', '``', '\\', '*', '_', '[', ']', '(', ')', '!', '<', '>', '&', ':', '.', '@', '#', '|', '~', '$', ' ', '\n', '\r', 'a', 'http', 'www', '😀'];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));
const anyText = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 40 }));
const oneLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

/** CommonMark code span: the opening run, the first run of the same length closes it. */
function readCodeSpan(md: string): { content: string; rest: string } {
  if (md === '') return { content: '', rest: '' };
  const open = /^`+/.exec(md)![0];
  const re = /`+/g;
  re.lastIndex = open.length;
  for (let m = re.exec(md); m; m = re.exec(md)) {
    if (m[0].length === open.length) {
      let content = md.slice(open.length, m.index);
      if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      return { content, rest: md.slice(m.index + m[0].length) };
    }
  }
  throw new Error(`unclosed code span: ${md}`);
}

describe('lsp: Markdown escaping of document text', () => {
  it('mdText: read back with CommonMark escapes it is the text on one line, and no syntax character is left bare', () => {
    fc.assert(fc.property(anyText, (s) => {
      const md = mdText(s);
      let shown = '';
      for (let i = 0; i < md.length; i++) {
        const c = md[i]!;
        if (c === '\\' && /[!-/:-@[-`{-~]/.test(md[i + 1] ?? '')) { shown += md[++i]; continue; }
        assert.ok(!/[`*_[\]()!<>&\\|~]/.test(c), `bare ${JSON.stringify(c)} in ${JSON.stringify(md)}`);
        shown += c;
      }
      assert.equal(shown, oneLine(s));
    }), { seed: 8, numRuns: 2000 });
  });

  it('mdCode: one code span whose content is the text, whatever backticks it holds', () => {
    fc.assert(fc.property(anyText, (s) => {
      const { content, rest } = readCodeSpan(mdCode(s));
      assert.equal(rest, '');
      assert.equal(content, oneLine(s));
    }), { seed: 8, numRuns: 2000 });
  });

  it('a hostile label keeps its words and loses its syntax', () => {
    assert.equal(mdText('![x](http://e.example/t.png)'), '\\!\\[x\\]\\(http\\://e\\.example/t\\.png\\)');
    assert.equal(mdCode('a `b` c'), '``a `b` c``');
    assert.equal(mdCode('`x'), '`` `x ``');
  });
});
