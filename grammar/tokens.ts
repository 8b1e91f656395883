/**
 * Token definitions: the single source for the lexer, the parser, the TextMate grammar generator
 * and keyword completion.
 *
 * Two decisions shape this file:
 * - Newlines are tokens. A statement is one line, so words that name a registry value
 *   (`type active comparator`) can run to the end of the line, and error recovery can resume at the
 *   next line: a broken line never hides the rest of the file.
 * - A unit is only a unit right after a number (or after the `unit` keyword). `mg`, `g/(24.h)` and
 *   `mL/min/1.73m2` cannot be told from words or arithmetic anywhere else, and right after a number
 *   there is nothing else they could be. The unit text is kept as written; `server/units` decides
 *   what UCUM code it means.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { frequencyOf, routeOf } from './vocabulary';

function isDosingWord(word: string): boolean {
  return routeOf(word) !== undefined || frequencyOf(word) !== undefined;
}

export const Word = createToken({ name: 'Word', pattern: Lexer.NA, label: 'a word' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Word],
  label: 'a name',
});

/**
 * Keywords, case-insensitive. Multi-word statement heads (`org study id`) are sequences of these.
 * Every keyword is also a `Word`, so registry words that happen to be keywords (`other`, `by` in
 * `enrolling by invitation`) still work where a registry value is expected.
 */
export const KEYWORDS = [
  // top-level blocks and declarations
  'trial', 'design', 'sponsors', 'measure', 'intervention', 'arm', 'eligibility', 'outcome',
  'schedule', 'site', 'reference',
  // trial
  'nct', 'id', 'org', 'study', 'secondary', 'brief', 'title', 'official', 'acronym', 'type', 'phase',
  'status', 'why', 'stopped', 'start', 'primary', 'completion', 'enrollment', 'duration', 'condition',
  'keyword', 'summary', 'details', 'actual', 'estimated', 'domain', 'verified',
  // design
  'allocation', 'model', 'purpose', 'masking',
  // sponsors
  'lead', 'collaborator', 'class', 'responsible', 'party', 'role', 'affiliation', 'contact', 'phone', 'ext', 'email',
  // measure
  'unit',
  // intervention and dosing
  'name', 'other', 'description', 'dose', 'adjust', 'by', 'target', 'taper', 'after', 'over', 'stop',
  'max', 'cumulative', 'basis', 'weight', 'surface', 'on', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year',
  'years', 'and', 'from', 'to', 'for', 'every', 'in', 'divided', 'doses', 'if', 'depending', 'cycles',
  // the sentence a structured dose or criterion was written as (`… as "1000 mg IV on Day 1"`)
  'as',
  // arm
  'label', 'receives',
  // eligibility
  'age', 'or', 'older', 'up', 'any', 'sex', 'healthy', 'volunteers', 'include', 'exclude', 'gender', 'based',
  // the layout of the criteria text: section headings, list markers, populations (`criteria` is below)
  'inclusion', 'exclusion', 'numbered', 'bullet',
  // outcomes and schedule
  'time', 'frame', 'at', 'visit',
  // sites and references
  'pmid', 'zip', 'link',
  // observational studies (design, eligibility, groups) and expanded access
  'observational', 'perspective', 'biospecimen', 'retention', 'patient', 'registry', 'population', 'sampling',
  'group', 'exposure', 'expanded', 'access',
  // schedule of activities: periods, visit windows, assessments; an arm's periods
  'period', 'periods', 'window', 'assess',
  // oversight, IPD sharing, the registry organization (`drug`, `device`, `us` stay words: common names)
  'oversight', 'fda', 'regulated', 'unapproved', 'pediatric', 'postmarket', 'exported', 'data', 'monitoring',
  'committee', 'review', 'board', 'ipd', 'sharing', 'plan', 'info', 'types', 'criteria', 'url', 'organization',
] as const;

export type KeywordName = (typeof KEYWORDS)[number];

function keywordTokenName(word: string): string {
  return 'Kw' + word[0].toUpperCase() + word.slice(1);
}

/** Keyword token types by word: `kw.trial`, `kw.org` … */
export const kw = Object.fromEntries(
  KEYWORDS.map((word) => [
    word,
    // No pattern of its own: the lexer reads every word as an Identifier and `keywordOf` gives
    // it its keyword type (one regular expression and one lookup per word, instead of a custom
    // matcher per keyword tried at every word).
    createToken({ name: keywordTokenName(word), pattern: Lexer.NA, label: `'${word}'` }),
  ]),
) as Record<KeywordName, TokenType>;

// Every keyword is a `Word`. Given as `categories` to createToken, Chevrotain re-derives all of
// Word's members at each call (quadratic in the keywords: ≈ 5 ms of every start); the keywords
// join the category here at once, with the fields createToken would give them (the lexer and the
// parser derive them again from CATEGORIES when built; test/grammar/tokens.test.ts compares).
for (const word of KEYWORDS) {
  const type = kw[word];
  type.CATEGORIES = [Word];
  Word.categoryMatchesMap![type.tokenTypeIdx!] = true;
  Word.categoryMatches!.push(type.tokenTypeIdx!);
}

const KEYWORD_TYPES = new Map<string, TokenType>(KEYWORDS.map((word) => [word, kw[word]]));

/**
 * The keyword type of a word (keywords are case-insensitive and match whole words only: `days` is
 * never `day` + `s`, `oral` never `or` + `al`), undefined for a name.
 */
export function keywordOf(word: string): TokenType | undefined {
  return KEYWORD_TYPES.get(word) ?? (/[A-Z]/.test(word) ? KEYWORD_TYPES.get(word.toLowerCase()) : undefined);
}

/** Words that may follow a number as a time unit (`6 months`) although they are keywords. */
export const TIME_WORD_KEYWORDS: readonly KeywordName[] = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'];

export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true, label: 'the end of the line' });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });

/** `"""` … `"""` across lines; the content is de-indented by the AST builder. */
export const TripleText = createToken({
  name: 'TripleText',
  pattern: /"""[\s\S]*?"""/,
  line_breaks: true,
  label: 'a text in """ quotes',
});
export const Text = createToken({ name: 'Text', pattern: /"(?:[^"\\\r\n]|\\.)*"/, label: 'a quoted text' });
/** A quote with no closing quote on its line: lexed as one token so the error is one located message. */
export const UnterminatedText = createToken({ name: 'UnterminatedText', pattern: /"(?:[^"\\\r\n]|\\.)*/, label: 'a quoted text' });

export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}(?:-\d{2})?(?![\d-])/, label: 'a date' });

/** Characters a unit may contain (UCUM plus the clinical spellings people type: µ, ², ^). */
const UNIT_START = /[A-Za-z%\[{(µμ]/;
const UNIT_BODY = /[A-Za-z0-9%\[\]{}()µμ²³_.*/^']/;

/**
 * A unit: only right after a number or after `unit`, and never a keyword (`1 and`, `12 actual`),
 * except that time words are lexed as keywords and accepted as units by the parser.
 */
export function matchUnit(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  const previous = tokens[tokens.length - 1];
  if (!previous) return null;
  const afterNumber = previous.tokenType === NumberLiteral;
  // lexer.ts gives keywords their type as it reads them; Chevrotain's Lexer over these patterns
  // (the reference lexer.ts is tested against) after lexing, so there `unit` is still an Identifier.
  const afterUnitKeyword = previous.tokenType === kw.unit || (previous.tokenType === Identifier && keywordOf(previous.image) === kw.unit);
  if (!afterNumber && !afterUnitKeyword) return null;
  const first = text[offset];
  if (first === undefined) return null;
  // Units may start with a power of ten (`10*9/L`, `10^9/L`), a reciprocal (`/mm3`, `/min`) or a
  // number over a unit (`1/mm3`). A slash or digits followed by anything but a unit symbol are not
  // units (`phase 2/3`, a day list `1, 8`).
  // (The power and reciprocal forms are tested only when the first character does not start a unit.)
  if (!UNIT_START.test(first)) {
    const head = text.slice(offset, offset + 12);
    if (!/^10[*^]/.test(head) && !/^(?:\d+)?\/[A-Za-z%\[{(µμ]/.test(head)) return null;
  }
  let end = offset;
  let depth = 0;
  while (end < text.length && UNIT_BODY.test(text[end])) {
    const c = text[end];
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    }
    end++;
  }
  // A trailing full stop ends a sentence, not a unit.
  while (end > offset && text[end - 1] === '.') end--;
  let image = text.slice(offset, end);
  // Keywords (`1 and`, `12 actual`) and dosing words (`1000 iv`: a missing unit) are never units.
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(image) && (KEYWORD_SET.has(image.toLowerCase()) || isDosingWord(image))) return null;
  // `mL/min/1.73 m2`: the body-surface normaliser is often written with a space; keep it one unit.
  const spaced = /\/1\.73$/.test(image) ? /^[ \t]+(m2|m²|m\^2)(?![A-Za-z0-9])/.exec(text.slice(end)) : null;
  if (spaced) {
    end += spaced[0].length;
    image = text.slice(offset, end);
  }
  if (image.length === 0) return null;
  const result = [image] as unknown as RegExpExecArray;
  result.index = offset;
  result.input = text;
  return result;
}

const KEYWORD_SET = new Set<string>(KEYWORDS);

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?\d+(?:\.\d+)?(?![*^]\d)/,
  label: 'a number',
});

/**
 * `x ULN` / `× ULN` (or `LLN`) right after a number: a threshold written as a multiple of the upper (lower)
 * limit of normal, as eligibility criteria state liver and kidney tests (`ALT ≤ 2.5 × ULN`). Lexed before
 * `Unit`, so the `x` is never read as a unit.
 */
export function matchNormalLimit(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  const previous = tokens[tokens.length - 1];
  if (!previous || previous.tokenType !== NumberLiteral) return null;
  const m = /^[x×][ \t]*(?:ULN|LLN)(?![A-Za-z0-9_])/i.exec(text.slice(offset, offset + 12));
  if (!m) return null;
  const result = [m[0]] as unknown as RegExpExecArray;
  result.index = offset;
  result.input = text;
  return result;
}

export const NormalLimit = createToken({
  name: 'NormalLimit',
  pattern: { exec: matchNormalLimit },
  line_breaks: false,
  start_chars_hint: ['x', 'X', '×'],
  label: "'x ULN'",
});

export const Unit = createToken({
  name: 'Unit',
  pattern: { exec: matchUnit },
  line_breaks: false,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%[{(µμ/0123456789'],
  label: 'a unit',
});

export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=|≥/, label: "'>='" });
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=|≤/, label: "'<='" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: "'}'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });


/** Lexer order matters: comments before `/`, triple quotes before quotes, units and dates before numbers. */
export const allTokens: TokenType[] = [
  Newline,
  Whitespace,
  LineComment,
  TripleText,
  Text,
  UnterminatedText,
  NormalLimit,
  Unit,
  DateLiteral,
  NumberLiteral,
  GreaterEqual,
  LessEqual,
  Greater,
  Less,
  Equals,
  LCurly,
  RCurly,
  Comma,
  Slash,
  Word,
  Identifier,
  ...KEYWORDS.map((word) => kw[word]),
];

export const comparatorTokens = [GreaterEqual, LessEqual, Greater, Less, Equals];
