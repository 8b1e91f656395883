/** The lexer: one shared instance over the token list of tokens.ts. */
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens';

/** Options of the lexer; `skipValidations` because test/grammar/grammar-valid.test.ts validates them (start-up time). */
export const LEXER_OPTIONS = {
  // Positions come from offsets through LineIndex; Chevrotain's own line tracking is still needed
  // for multi-line tokens (triple-quoted text), so keep "full".
  positionTracking: 'full',
  ensureOptimizations: true,
  skipValidations: true,
} as const;

let instance: Lexer | undefined;

/** The one lexer, built on first use. */
export const lexer = {
  tokenize(text: string): ILexingResult {
    return (instance ??= new Lexer(allTokens, LEXER_OPTIONS)).tokenize(text);
  },
};
