/**
 * The parser and the lexer skip Chevrotain's validations at run time (start-up cost); they run
 * here instead, so a grammar change that makes a rule ambiguous or a token unmatchable fails here.
 */
import { strict as assert } from 'node:assert';
import { Lexer } from 'chevrotain';
import { LEXER_OPTIONS } from '../../grammar/lexer';
import { TrialParser } from '../../grammar/parser';
import { allTokens } from '../../grammar/tokens';

describe('grammar validations (skipped at run time)', () => {
  it('the parser passes every Chevrotain validation', () => {
    // performSelfAnalysis throws on any definition error when validations are on.
    let parser: TrialParser | undefined;
    assert.doesNotThrow(() => (parser = new TrialParser({ validate: true })));
    assert.deepEqual((parser as unknown as { definitionErrors: unknown[] }).definitionErrors, []);
  });

  it('the lexer passes every Chevrotain validation', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_OPTIONS, skipValidations: false });
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });
});
