/** The lexer: one shared instance over the token list of tokens.ts. */
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens, Identifier, keywordOf } from './tokens';

/** Options of the lexer; `skipValidations` because test/grammar/grammar-valid.test.ts validates them (start-up time). */
export const LEXER_OPTIONS = {
  // Positions come from offsets through LineIndex (every consumer reads `startOffset` and the
  // image), so tokens carry no lines and columns: half the fields, and no line counting in the lexer.
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
} as const;

let instance: Lexer | undefined;

/** The one lexer, built on first use. */
export const lexer = {
  tokenize(text: string): ILexingResult {
    const result = (instance ??= new Lexer(allTokens, LEXER_OPTIONS)).tokenize(text);
    // Every word is lexed as an Identifier; the keywords among them get their own type here.
    for (const token of result.tokens) {
      if (token.tokenType !== Identifier) continue;
      const keyword = keywordOf(token.image);
      if (keyword) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    }
    return result;
  },
};
