/**
 * The parser's lookahead from the stored table (grammar/lookahead.ts, grammar/lookahead-table.ts):
 * the table is the one Chevrotain computes for the current grammar, it is used at run time, a
 * table of another grammar is ignored, and parses with it equal parses with Chevrotain's own
 * lookahead (same drafts, same errors) on the examples and on seeded damaged versions of them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IToken } from 'chevrotain';
import { lexer } from '../../grammar/lexer';
import { LOOKAHEAD_TABLE } from '../../grammar/lookahead-table';
import { TrialParser } from '../../grammar/parser';
import { computeLookaheadTable, lookaheadTableSource, TABLE_FILE } from '../../server/tools/generate-lookahead';
import { examplesDir, readExample, repoRoot } from '../helpers/paths';

describe('lookahead table', () => {
  it('is the table Chevrotain computes for the current grammar (else: npm run grammar:lookahead)', () => {
    const computed = computeLookaheadTable();
    assert.equal(fs.readFileSync(path.join(repoRoot, TABLE_FILE), 'utf8'), lookaheadTableSource(computed), `${TABLE_FILE} is stale: run npm run grammar:lookahead`);
    assert.deepEqual(LOOKAHEAD_TABLE, computed);
    assert.ok(Object.keys(computed.paths).length > 100, 'every OR, OPTION, MANY and AT_LEAST_ONE of the grammar has its paths');
  });

  it('is used by the parser, and a table of another grammar is not (its paths are computed instead)', () => {
    assert.equal(new TrialParser().lookahead!.usedTable, true);
    assert.deepEqual(new TrialParser().lookahead!.computed, {}, 'nothing computed when the table is used');
    const other = { fingerprint: '0000000000000000', paths: Object.fromEntries(Object.keys(LOOKAHEAD_TABLE.paths).map((k) => [k, [['Comma']]])) };
    const parser = new TrialParser({ lookaheadTable: other });
    assert.equal(parser.lookahead!.usedTable, false);
    assert.deepEqual(parser.lookahead!.computed, LOOKAHEAD_TABLE.paths);
  });

  it("parses as Chevrotain's own lookahead does: examples and seeded damaged versions, drafts and errors", function () {
    this.timeout(120_000);
    const table = new TrialParser();
    const chevrotain = new TrialParser({ chevrotainLookahead: true });
    const outcome = (parser: TrialParser, tokens: IToken[]): string => {
      const drafts = parser.parseDrafts(tokens);
      const errors = parser.errors.map((e) => ({ name: e.name, message: e.message, token: e.token.startOffset, resynced: e.resyncedTokens.length }));
      return JSON.stringify({ drafts, errors }, (_key, value: unknown) => {
        const token = value as IToken | undefined;
        return token && typeof token === 'object' && 'tokenType' in token ? `${token.tokenType.name}@${token.startOffset}:${token.image}` : value;
      });
    };
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const words = ['', ' ', '\n', '{', '}', '"', '1', 'mg', 'to', 'responsible', 'party', 'dose', 'arm x {\n', 'on day', 'for 3 days', 'every', 'or', 'and'];
    let compared = 0;
    for (const name of fs.readdirSync(examplesDir).filter((f) => f.endsWith('.trial'))) {
      const original = readExample(name);
      const texts = [original];
      for (let i = 0; i < 60; i++) {
        let text = original;
        for (let j = 0; j < 1 + random(4); j++) {
          const at = random(text.length);
          text = text.slice(0, at) + words[random(words.length)] + text.slice(at + random(10));
        }
        texts.push(text);
      }
      for (const text of texts) {
        const tokens = lexer.tokenize(text).tokens;
        assert.equal(outcome(table, tokens), outcome(chevrotain, tokens), `${name}: ${text.length} characters`);
        compared++;
      }
    }
    assert.ok(compared >= 3 * 61);
  });
});
