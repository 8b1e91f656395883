/**
 * grammar/tokens.ts puts the keywords in the `Word` category itself (createToken's own way is
 * quadratic in the keywords): the category fields it leaves are the ones Chevrotain derives from
 * the tokens' CATEGORIES when a lexer is built. Compared in a fresh process, before any lexer or
 * parser has derived them again.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

describe('token categories', () => {
  it('are what Chevrotain derives when a lexer is built (every keyword is a Word)', () => {
    const tokensModule = path.join(__dirname, '..', '..', 'grammar', 'tokens.js');
    const script = `
      const { allTokens, Word, KEYWORDS, kw } = require(${JSON.stringify(tokensModule)});
      const { Lexer } = require(${JSON.stringify(require.resolve('chevrotain'))});
      const fields = () => allTokens.map((t) => ({
        name: t.name, idx: t.tokenTypeIdx, categories: (t.CATEGORIES || []).map((c) => c.name),
        matches: [...t.categoryMatches], map: { ...t.categoryMatchesMap }, isParent: t.isParent,
      }));
      const before = fields();
      new Lexer(allTokens, { positionTracking: 'onlyOffset', skipValidations: true });
      const keywordsAreWords = KEYWORDS.every((w) => Word.categoryMatchesMap[kw[w].tokenTypeIdx] === true);
      process.stdout.write(JSON.stringify({ before, after: fields(), keywordsAreWords, words: Word.categoryMatches.length }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { before: unknown; after: unknown; keywordsAreWords: boolean; words: number };
    assert.deepEqual(out.before, out.after);
    assert.equal(out.keywordsAreWords, true);
    assert.ok(out.words > 100);
  });
});
