/**
 * grammar/lexer.ts's scanner makes exactly what Chevrotain's Lexer makes over tokens.ts's list
 * (followed by the keyword pass the scanner does as it reads): the same tokens, comments and
 * errors, on every example and fixture and on random texts made of the language's pieces.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { Lexer, type ILexingResult, type IToken } from 'chevrotain';
import { lexer, LEXER_OPTIONS } from '../../grammar/lexer';
import { allTokens, Identifier, keywordOf } from '../../grammar/tokens';
import { generateProtocol } from '../../bench/generate';
import { examplesDir, fixturesDir, trialFilesUnder } from '../helpers/paths';

const chevrotain = new Lexer(allTokens, LEXER_OPTIONS);

function reference(text: string): ILexingResult {
  const result = chevrotain.tokenize(text);
  for (const token of result.tokens) {
    const keyword = token.tokenType === Identifier ? keywordOf(token.image) : undefined;
    if (keyword) {
      token.tokenType = keyword;
      token.tokenTypeIdx = keyword.tokenTypeIdx!;
    }
  }
  return result;
}

const shown = (tokens: readonly IToken[] | undefined) =>
  (tokens ?? []).map((t) => ({ image: t.image, startOffset: t.startOffset, type: t.tokenType.name, idx: t.tokenTypeIdx, keys: Object.keys(t).join() }));

function assertSameAsChevrotain(text: string): void {
  const expected = reference(text);
  const actual = lexer.tokenize(text);
  assert.deepEqual(shown(actual.tokens), shown(expected.tokens), JSON.stringify(text));
  assert.deepEqual(shown(actual.groups.comments), shown(expected.groups.comments), JSON.stringify(text));
  assert.deepEqual(actual.errors, expected.errors, JSON.stringify(text));
}

describe('grammar: lexer', () => {
  it('makes the tokens, comments and errors of Chevrotain’s Lexer on every example and fixture', () => {
    const files = [...trialFilesUnder(examplesDir), ...trialFilesUnder(fixturesDir)];
    assert.ok(files.length > 10);
    for (const file of files) assertSameAsChevrotain(fs.readFileSync(file, 'utf8'));
  });

  it('… on quoted texts a backslash or a line end breaks off, and on triple quotes', () => {
    for (const text of ['"a\\\u2028b" c', '"a\\\u2029"', '"a\\\nb"', '"a\\\r\nb"', '"a\\"', '"a\\', '"a\\" "', '"\\\\"x', '"""a""""', '""""""', '"""a\n"""b"""', '"""a', '"" "']) {
      assertSameAsChevrotain(text);
      assertSameAsChevrotain(`brief title ${text}\n`);
    }
  });

  it('… on a generated large protocol', () => {
    assertSameAsChevrotain(generateProtocol(3000));
  });

  it('… on random texts of the language’s pieces, units, numbers, quotes and stray characters', () => {
    const piece = fc.constantFrom(
      ' ', '\t', '\u00a0', '\ufeff', '\n', '\r', '\r\n', 'a', 'x', 'X', 'ULN', 'lln', 'unit', 'Unit', 'mg', 'g/(24.h)', 'mL/min/1.73',
      ' m2', 'm²', '%', '[iU]', '{cells}', '(', ')', 'µ', 'μ', '×', '/', '//', '/mm3', '1/mm3', '10*9/L', '10^9', '1', '12', '2.5',
      '-3', '1.', '*', '^', '2024-01', '2024-01-15', '2024-1', '-', '"', '"""', '\\', '\\"', '\\\n', '\u2028', '\u2029', 'text', '>', '>=', '≥', '<', '<=', '≤',
      '=', '{', '}', ',', '_id', 'days', 'DAY', 'iv', 'and', 'é', '#', '@', '.', 'trial', 'dose', '1000 mg', 'x ULN', '2 x ULN',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => assertSameAsChevrotain(pieces.join(''))),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('… on random strings of any characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (text) => assertSameAsChevrotain(text)), { numRuns: 2000, seed: 7 });
  });
});
