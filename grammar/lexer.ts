/**
 * The lexer: the token list of tokens.ts read by a scanner that picks the token by the first
 * character instead of trying Chevrotain's pattern list at every position.
 *
 * Why not Chevrotain's Lexer: it tried up to three patterns per token (a unit's custom matcher
 * before every word and number, then the regular expression), and keywords got their type in a
 * second pass over the tokens; lexing was about a quarter of a parse. This scanner makes exactly
 * the tokens (and errors) Chevrotain's Lexer makes over `allTokens` with `LEXER_OPTIONS` followed
 * by that keyword pass: first match in the list's order, the same patterns (dates, numbers and
 * triple-quoted texts test tokens.ts's expressions, made sticky; words, quoted texts, whitespace and
 * comments are scanned by hand as their expressions match; the unit and `x ULN` matchers are the
 * same functions),
 * the same error runs (characters are dropped until some token can start). test/grammar/lexer.test.ts
 * compares the two on the fixtures and on random texts; the Chevrotain Lexer stays the reference
 * and the definition tokens.ts is validated as (test/grammar/grammar-valid.test.ts).
 */
import { defaultLexerErrorProvider, type ILexingError, type ILexingResult, type IToken, type TokenType } from 'chevrotain';
import {
  Comma, DateLiteral, Equals, Greater, GreaterEqual, Identifier, KEYWORDS, kw, LCurly, Less, LessEqual, LineComment, matchNormalLimit,
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
const DATE = sticky(DateLiteral);
const NUMBER = sticky(NumberLiteral);

/**
 * The keywords by a hash of their letters, lower case (open addressing): a word's keyword is found
 * from the hash computed while the word is scanned, and its letters compared in place, so neither
 * a lookup by string (hashing a new string) nor a lower-cased copy is made, and a keyword written
 * in lower case, as nearly all are, takes the keyword's own string as its image instead of a copy.
 * Equal to tokens.ts `keywordOf` (keywords are ASCII letters, case-insensitive, whole words).
 */
const KEYWORD_SLOTS = 1024;
const keywordWords: (string | undefined)[] = new Array(KEYWORD_SLOTS).fill(undefined);
const keywordTypes: (TokenType | undefined)[] = new Array(KEYWORD_SLOTS).fill(undefined);

function hashStep(hash: number, c: number): number {
  return (Math.imul(hash, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
}

for (const word of KEYWORDS) {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  let slot = hash & (KEYWORD_SLOTS - 1);
  while (keywordWords[slot] !== undefined) slot = (slot + 1) & (KEYWORD_SLOTS - 1);
  keywordWords[slot] = word;
  keywordTypes[slot] = kw[word];
}

/** Set by `match` for a word: the slot of its keyword (-1: a name), and whether it is written in lower case. */
let keywordSlot = -1;
let keywordExact = false;

/** The keyword slot of the word text[offset, end) with letters hash `hash`, -1 for a name. */
function keywordAt(text: string, offset: number, end: number, hash: number): number {
  const length = end - offset;
  for (let slot = hash & (KEYWORD_SLOTS - 1); ; slot = (slot + 1) & (KEYWORD_SLOTS - 1)) {
    const word = keywordWords[slot];
    if (word === undefined) return -1;
    if (word.length !== length) continue;
    let exact = true;
    let i = 0;
    for (; i < length; i++) {
      const c = text.charCodeAt(offset + i);
      const w = word.charCodeAt(i);
      if (c === w) continue;
      if (c >= 65 && c <= 90 && c + 32 === w) exact = false;
      else break;
    }
    if (i === length) {
      keywordExact = exact;
      return slot;
    }
  }
}

/** A word from `offset` (its first character already known to start one): its end; its keyword in `keywordSlot`. */
function scanWord(text: string, offset: number): number {
  let hash = hashStep(0, text.charCodeAt(offset));
  let end = offset + 1;
  for (let c = text.charCodeAt(end); isWordChar(c); c = text.charCodeAt(++end)) hash = hashStep(hash, c);
  keywordSlot = keywordAt(text, offset, end, hash);
  matchedType = Identifier;
  return end - offset;
}

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
 * A quoted text from the `"` at `offset`: Text `"(?:[^"\\\r\n]|\\.)*"` when it closes on its line,
 * else UnterminatedText, the same without the closing quote. Scanned by hand: the two alternatives
 * start with different characters, so the expressions never backtrack and their match is this
 * scan's (`.` is any character but a line terminator, so a backslash before one ends the text).
 */
function scanText(text: string, offset: number): number {
  let i = offset + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      matchedType = Text;
      return i + 1 - offset;
    }
    if (c !== c || c === 10 || c === 13) break; // NaN: the end of the text
    if (c === 92) {
      const d = text.charCodeAt(i + 1);
      if (d !== d || d === 10 || d === 13 || d === 0x2028 || d === 0x2029) break;
      i += 2;
    } else i++;
  }
  matchedType = UnterminatedText;
  return i - offset;
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
    return scanWord(text, offset);
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
      if (text.charCodeAt(offset + 1) === 34 && text.charCodeAt(offset + 2) === 34 && (n = test(TRIPLE_TEXT, text, offset)) !== -1) {
        matchedType = TripleText;
        return n;
      }
      return scanText(text, offset);
    case 95: // _
      return scanWord(text, offset);
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

/**
 * Token objects lent to the last `tokenize(…, true)` call (at most POOL_SIZE are kept). A parse reads a
 * segment's tokens only while it parses the segment (the AST keeps images and offsets, never a
 * token), so parse.ts lends them instead of making ~30,000 objects for 5,000 lines.
 */
const pool: IToken[] = [];
const POOL_SIZE = 4096;

/**
 * @param reuse the tokens may be the objects of the previous `reuse` call, and are valid only
 *   until the next one: for a caller that is done with them before it lexes again.
 */
function tokenize(text: string, reuse = false): ILexingResult {
  let lent = 0;
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
        // A word is an Identifier unless it is a keyword (case-insensitive, whole words only).
        let final = type;
        let image: string;
        if (type === Identifier && keywordSlot !== -1) {
          final = keywordTypes[keywordSlot]!;
          image = keywordExact ? keywordWords[keywordSlot]! : text.substring(offset, offset + n);
        } else image = text.substring(offset, offset + n);
        if (type === LineComment) comments.push(token(image, offset, final));
        else if (reuse && lent < pool.length) {
          const t = pool[lent++]!;
          t.image = image;
          t.startOffset = offset;
          t.tokenTypeIdx = final.tokenTypeIdx!;
          t.tokenType = final;
          tokens.push(t);
        } else {
          const t = token(image, offset, final);
          if (reuse && pool.length < POOL_SIZE) pool[lent++] = t;
          tokens.push(t);
        }
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

/** The fields (and their order) of Chevrotain's tokens with `positionTracking: 'onlyOffset'`. */
function token(image: string, startOffset: number, type: TokenType): IToken {
  return { image, startOffset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
}

/** The lexer (an object, as Chevrotain's: callers and tests call `lexer.tokenize`). */
export const lexer = { tokenize };
