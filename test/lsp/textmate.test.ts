import * as assert from 'assert';
import * as fs from 'fs';
import { KEYWORDS } from '../../grammar/tokens';
import { headDocMismatches, headWords } from '../../server/lsp/keywords';
import { generatedText, generateTextmate, TEXTMATE_PATH } from '../../server/tools/generate-textmate';

/** Oniguruma's inline `(?i)` / `(?i:…)` as a JS RegExp (Node 20 lacks inline modifiers). */
function jsRegExp(pattern: string): RegExp {
  const insensitive = pattern.includes('(?i');
  return new RegExp(pattern.replace(/\(\?i\)/g, '').replace(/\(\?i:/g, '(?:'), insensitive ? 'gi' : 'g');
}

type Repo = Record<string, { match?: string; name?: string; patterns?: { match: string }[] }>;

describe('TextMate grammar', () => {
  const grammar = generateTextmate() as { scopeName: string; repository: Repo };

  it('the committed syntaxes/trial.tmLanguage.json is the generated one (run node out/server/tools/generate-textmate.js)', () => {
    assert.strictEqual(fs.readFileSync(TEXTMATE_PATH, 'utf8'), generatedText());
    assert.strictEqual(grammar.scopeName, 'source.trial');
  });

  it('every lexer keyword is highlighted, and every completion head is a lexer keyword', () => {
    const keyword = jsRegExp(`^(?:${grammar.repository['keyword'].match!})$`.replace('\\b(?:', '(?:').replace(')\\b)$', '))$'));
    const block = jsRegExp(`^(?:${grammar.repository['block-keyword'].match!})$`.replace('\\b(?:', '(?:').replace(')\\b)$', '))$'));
    for (const k of KEYWORDS) {
      keyword.lastIndex = block.lastIndex = 0;
      assert.ok(keyword.test(k) || block.test(k), k);
    }
    for (const w of headWords()) assert.ok((KEYWORDS as readonly string[]).includes(w), `head word ${w} is not a lexer keyword`);
    assert.deepStrictEqual(headDocMismatches(), [], 'completion heads = grammar/statement-heads.ts');
  });

  it('a unit is coloured only right after a number, never a keyword after a number', () => {
    const quantity = jsRegExp(grammar.repository['quantity'].match!);
    const units = (line: string) => [...line.matchAll(quantity)].map((m) => m[2]);
    assert.deepStrictEqual(units('dose 3 mg/kg/d oral in 2 divided doses every 12 h'), ['mg/kg/d', 'h']);
    assert.deepStrictEqual(units('dose 1000 mg iv on days 1 and 181'), ['mg']);
    assert.deepStrictEqual(units('include anc > 1.5 10*9/L'), ['10*9/L']);
    assert.deepStrictEqual(units('taper after 6 months over 3 months'), ['months', 'months']);
    assert.deepStrictEqual(units('enrollment 12 actual'), []);
  });

  it('dates, comparators and comments', () => {
    assert.ok(jsRegExp(grammar.repository['date'].match!).test('start 2021-04-14 actual'));
    assert.ok(jsRegExp(grammar.repository['comparator'].match!).test('>='));
  });
});
