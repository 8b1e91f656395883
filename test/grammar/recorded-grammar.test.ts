/**
 * The stored grammar (grammar/recorded-grammar.ts, grammar/recorded-grammar-table.ts): it is what
 * Chevrotain records for the current grammar, down to each production's class and own properties
 * and the follow sets of recovery; the parser reads it by default; a stored grammar of other rules
 * is not used. (test/grammar/lookahead.test.ts parses with the default parser, stored grammar and
 * table, and with Chevrotain's own recording and lookahead, and compares drafts, errors and
 * resynchronised tokens.)
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TokenType } from 'chevrotain';
import { TrialParser } from '../../grammar/parser';
import { RECORDED_GRAMMAR } from '../../grammar/recorded-grammar-table';
import { computeRecordedGrammar, RECORDED_GRAMMAR_FILE, recordedGrammarSource } from '../../server/tools/generate-lookahead';
import { repoRoot } from '../helpers/paths';

const followsOf = (parser: TrialParser): Record<string, TokenType[]> => (parser as unknown as { resyncFollows: Record<string, TokenType[]> }).resyncFollows;

describe('stored grammar', () => {
  it('is the grammar Chevrotain records for the current parser (else: npm run grammar:lookahead)', () => {
    const computed = computeRecordedGrammar();
    assert.equal(fs.readFileSync(path.join(repoRoot, RECORDED_GRAMMAR_FILE), 'utf8'), recordedGrammarSource(computed), `${RECORDED_GRAMMAR_FILE} is stale: run npm run grammar:lookahead`);
    assert.deepEqual(RECORDED_GRAMMAR, computed);
    assert.ok(computed.rules.length > 100 && Object.keys(computed.follows).length > 100);
  });

  it('is read by the parser, and gives the productions and follows a recording gives', () => {
    const stored = new TrialParser();
    const recorded = new TrialParser({ recordedGrammar: null });
    assert.equal(stored.usedStoredGrammar, true);
    assert.equal(recorded.usedStoredGrammar, false);
    // Same classes, same own properties (occurrence indexes, tokens, labels, flags, resolved rules).
    assert.deepStrictEqual(stored.getGAstProductions(), recorded.getGAstProductions());
    assert.deepStrictEqual(followsOf(stored), followsOf(recorded));
    assert.ok(Object.keys(followsOf(stored)).length > 100);
    // The lookahead table matches the stored grammar's fingerprint, so nothing is computed.
    assert.equal(stored.lookahead!.usedTable, true);
    assert.deepEqual(stored.lookahead!.computed, {});
  });

  it('is not used when its rules are not the parser’s (the grammar is recorded instead)', () => {
    const [first, ...rest] = RECORDED_GRAMMAR.rules;
    const renamed = { ...RECORDED_GRAMMAR, rules: [[`${first![0]}Renamed`, first![1]], ...rest] as typeof RECORDED_GRAMMAR.rules };
    const shorter = { ...RECORDED_GRAMMAR, rules: rest };
    for (const other of [renamed, shorter]) {
      const parser = new TrialParser({ recordedGrammar: other });
      assert.equal(parser.usedStoredGrammar, false);
      assert.deepStrictEqual(parser.getGAstProductions(), new TrialParser({ recordedGrammar: null }).getGAstProductions());
    }
  });
});
