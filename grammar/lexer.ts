/** The lexer: one shared instance over the token list of tokens.ts. */
import { Lexer } from 'chevrotain';
import { allTokens } from './tokens';

export const lexer = new Lexer(allTokens, {
  // Positions come from offsets through LineIndex; Chevrotain's own line tracking is still needed
  // for multi-line tokens (triple-quoted text), so keep "full".
  positionTracking: 'full',
  ensureOptimizations: true,
});
