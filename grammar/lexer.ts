/**
 * The lexer: the token list of tokens.ts read by a scanner that picks the token by the first
 * character instead of trying Chevrotain's pattern list at every position.
 *
 * Why not Chevrotain's Lexer: it tried up to three patterns per token (a unit's custom matcher
 * before every word and number, then the regular expression), and keywords got their type in a
 * second pass over the tokens; lexing was about a quarter of a parse. This scanner makes exactly
 * the tokens (and errors) Chevrotain's Lexer makes over `allTokens` with `LEXER_OPTIONS` followed
 * by that keyword pass: first match in the list's order, the same patterns (the regular
 * expressions are tokens.ts's, made sticky; the unit and `x ULN` matchers are the same functions),
 * the same error runs (characters are dropped until some token can start). test/grammar/lexer.test.ts
 * compares the two on the fixtures and on random texts; the Chevrotain Lexer stays the reference
 * and the definition tokens.ts is validated as (test/grammar/grammar-valid.test.ts).
 */
import { defaultLexerErrorProvider, type ILexingError, type ILexingResult, type IToken, type TokenType } from 'chevrotain';
import {
  Comma, DateLiteral, Equals, Greater, GreaterEqual, Identifier, keywordOf, kw, LCurly, Less, LessEqual, LineComment, matchNormalLimit,
  matchUnit, Newline, NormalLimit, NumberLiteral, RCurly, Slash, Text, TripleText, Unit, UnterminatedText,
} from './tokens';

/** Options of Chevrotain's Lexer over tokens.ts, the reference this scanner is tested against (and validated with). */
export const LEXER_OPTIONS = {
  // Positions come from offsets through LineIndex (every consumer reads `startOffset` and the
  // image), so tokens carry no lines and columns: half the fields, and no line counting in the lexer.
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
} as const;

/** A token's own pattern as a sticky expression (tested at an offset, no match object made). */
function sticky(token: TokenType): RegExp {
  return new RegExp((token.PATTERN as RegExp).source, 'y');
}

const TRIPLE_TEXT = sticky(TripleText);
const TEXT = sticky(Text);
const UNTERMINATED_TEXT = sticky(UnterminatedText);
const DATE = sticky(DateLiteral);
const NUMBER = sticky(NumberLiteral);

/** Set by `match`: the type of the token it matched (undefined: whitespace, skipped). */
let matchedType: TokenType | undefined;

/** Length of the sticky expression's match at `offset`, -1 without one. */
function test(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex - offset : -1;
}

/** Length of a custom matcher's match, -1 without one. */
function custom(matcher: typeof matchUnit, type: TokenType, text: string, offset: number, tokens: IToken[]): number {
  const m = matcher(text, offset, tokens);
  if (m === null) return -1;
  matchedType = type;
  return m[0].length;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/**
 * The token that starts at `offset` (its length, its type in `matchedType`), -1 when none does:
 * the first of tokens.ts's list, in its order, that matches. `tokens` are the tokens so far (the
 * unit and `x ULN` matchers read the last one, as Chevrotain's custom patterns do).
 */
function match(text: string, offset: number, tokens: IToken[]): number {
  const c = text.charCodeAt(offset);
  const previous = tokens.length === 0 ? undefined : tokens[tokens.length - 1]!.tokenType;
  // Only right after a number or `unit` may a unit (or, after a number, `x ULN`) start.
  const unitMayFollow = previous === NumberLiteral || previous === kw.unit;
  let n: number;
  if (c === 10) {
    matchedType = Newline;
    return 1;
  }
  if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff) {
    let end = offset + 1;
    for (let d = text.charCodeAt(end); d === 32 || d === 9 || d === 0xa0 || d === 0xfeff; d = text.charCodeAt(++end));
    matchedType = undefined;
    return end - offset;
  }
  if (isLetter(c)) {
    if (unitMayFollow) {
      if (previous === NumberLiteral && (c === 120 || c === 88) && (n = custom(matchNormalLimit, NormalLimit, text, offset, tokens)) !== -1) return n;
      if ((n = custom(matchUnit, Unit, text, offset, tokens)) !== -1) return n;
    }
    let end = offset + 1;
    while (isWordChar(text.charCodeAt(end))) end++;
    matchedType = Identifier;
    return end - offset;
  }
  if (isDigit(c)) {
    if (unitMayFollow && (n = custom(matchUnit, Unit, text, offset, tokens)) !== -1) return n;
    if (text.charCodeAt(offset + 4) === 45 && (n = test(DATE, text, offset)) !== -1) {
      matchedType = DateLiteral;
      return n;
    }
    matchedType = NumberLiteral;
    return test(NUMBER, text, offset);
  }
  switch (c) {
    case 13:
      matchedType = Newline;
      return text.charCodeAt(offset + 1) === 10 ? 2 : -1;
    case 34: // "
      if ((n = test(TRIPLE_TEXT, text, offset)) !== -1) {
        matchedType = TripleText;
        return n;
      }
      if ((n = test(TEXT, text, offset)) !== -1) {
        matchedType = Text;
        return n;
      }
      matchedType = UnterminatedText;
      return test(UNTERMINATED_TEXT, text, offset);
    case 95: // _
      n = offset + 1;
      while (isWordChar(text.charCodeAt(n))) n++;
      matchedType = Identifier;
      return n - offset;
    case 47: // /
      if (text.charCodeAt(offset + 1) === 47) {
        let end = offset + 2;
        for (let d = text.charCodeAt(end); end < text.length && d !== 10 && d !== 13; d = text.charCodeAt(++end));
        matchedType = LineComment;
        return end - offset;
      }
      if (unitMayFollow && (n = custom(matchUnit, Unit, text, offset, tokens)) !== -1) return n;
      matchedType = Slash;
      return 1;
    case 45: // -
      matchedType = NumberLiteral;
      return test(NUMBER, text, offset);
    case 123: // {
      if (unitMayFollow && (n = custom(matchUnit, Unit, text, offset, tokens)) !== -1) return n;
      matchedType = LCurly;
      return 1;
    case 37: // %
    case 91: // [
    case 40: // (
    case 0xb5: // µ
    case 0x3bc: // μ
      return unitMayFollow ? custom(matchUnit, Unit, text, offset, tokens) : -1;
    case 0xd7: // ×
      return previous === NumberLiteral ? custom(matchNormalLimit, NormalLimit, text, offset, tokens) : -1;
    case 62: // >
      matchedType = text.charCodeAt(offset + 1) === 61 ? GreaterEqual : Greater;
      return matchedType === Greater ? 1 : 2;
    case 60: // <
      matchedType = text.charCodeAt(offset + 1) === 61 ? LessEqual : Less;
      return matchedType === Less ? 1 : 2;
    case 0x2265: // ≥
      matchedType = GreaterEqual;
      return 1;
    case 0x2264: // ≤
      matchedType = LessEqual;
      return 1;
    case 61: // =
      matchedType = Equals;
      return 1;
    case 125: // }
      matchedType = RCurly;
      return 1;
    case 44: // ,
      matchedType = Comma;
      return 1;
    default:
      return -1;
  }
}

function tokenize(text: string): ILexingResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  const length = text.length;
  let offset = 0;
  while (offset < length) {
    const n = match(text, offset, tokens);
    if (n !== -1) {
      const type = matchedType;
      if (type !== undefined) {
        const image = text.substring(offset, offset + n);
        // A word is an Identifier unless it is a keyword (case-insensitive, whole words only).
        const final = type === Identifier ? (keywordOf(image) ?? Identifier) : type;
        // The fields (and their order) of Chevrotain's tokens with `positionTracking: 'onlyOffset'`.
        const token: IToken = { image, startOffset: offset, tokenTypeIdx: final.tokenTypeIdx!, tokenType: final } as IToken;
        if (type === LineComment) comments.push(token);
        else tokens.push(token);
      }
      offset += n;
      continue;
    }
    // Characters no token starts with are dropped up to the next place where one can start, as
    // one error (Chevrotain's recovery, and its message).
    const start = offset;
    do offset++;
    while (offset < length && match(text, offset, tokens) === -1);
    errors.push({
      offset: start,
      line: undefined,
      column: undefined,
      length: offset - start,
      message: defaultLexerErrorProvider.buildUnexpectedCharactersMessage(text, start, offset - start, undefined, undefined),
    });
  }
  return { tokens, groups: { comments }, errors };
}

/** The lexer (an object, as Chevrotain's: callers and tests call `lexer.tokenize`). */
export const lexer = { tokenize };
