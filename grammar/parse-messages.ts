/**
 * Parser error messages in a protocol writer's words: "expected a unit after 1000", never
 * "MismatchedTokenException". Token labels (set in tokens.ts) name what was expected.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { BLOCK_PLACES, STATEMENT_HEADS, type BlockRule } from './statement-heads';

/**
 * The text being parsed, so a message can tell a token that starts a line (an unknown statement)
 * from one that trails a statement. Set by parse() before each parse; the parser is synchronous.
 */
let currentText = '';
export function setMessageText(text: string): void {
  currentText = text;
}

function startsItsLine(token: IToken): boolean {
  if (!Number.isFinite(token.startOffset)) return false;
  const lineStart = currentText.lastIndexOf('\n', token.startOffset - 1) + 1;
  return currentText.slice(lineStart, token.startOffset).trim() === '' || currentText.slice(lineStart, token.startOffset).trim().endsWith('{');
}

function quoted(words: readonly string[]): string {
  return joinAlternatives(words.map((w) => `'${w}'`));
}

/** What each rule is called in a message ("… in an intervention"). */
const PLACE_NAMES: Record<string, string> = {
  document: 'at the top level of the file',
  trialStatement: 'in the trial block',
  designStatement: 'in the design block',
  sponsorsStatement: 'in the sponsors block',
  interventionStatement: 'in an intervention',
  armStatement: 'in an arm',
  eligibilityStatement: 'in the eligibility block',
  outcomeStatement: 'in an outcome',
  visitStmt: 'in the schedule',
  schedulePart: 'in a dose schedule',
  condition: 'in a dose condition',
  unitOrTimeWord: 'after a number',
  comparator: 'in a comparison',
  timePoint: 'in a time point',
  dateStmt: 'in a date',
};

/** Rules where a `TODO` placeholder may stand for the value. */
const PLACEHOLDER_RULES = new Set(['dateStmt', 'enrollmentStmt', 'ageStmt']);

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  if (token.tokenType.name === 'Newline') return 'the end of the line';
  const image = token.image.length > 40 ? token.image.slice(0, 37) + '…' : token.image;
  return `'${image}'`;
}

function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function joinAlternatives(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  if (unique.length > 12) return unique.slice(0, 12).join(', ') + ', …';
  return unique.slice(0, -1).join(', ') + ' or ' + unique[unique.length - 1];
}

/** The words that open each alternative, e.g. `'org' 'study' 'id'`, for "expected one of" lists. */
function pathLabel(path: TokenType[]): string {
  const words = path.map(label);
  return words.join(' ').replace(/' '/g, ' ');
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.image === undefined || previous.tokenType?.name === 'Newline' || previous.image === '') return '';
  return ` after ${describeToken(previous)}`;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    // A block ends at `}`: anything else here is an extra word on a statement's line.
    if (expected.name === 'RCurly' && actual.tokenType !== EOF) {
      const block = ruleName in STATEMENT_HEADS ? (ruleName as BlockRule) : undefined;
      const place = block ? ' ' + BLOCK_PLACES[block] : '';
      if (block && startsItsLine(actual)) {
        return `unexpected ${describeToken(actual)}${place}; expected ${quoted([...STATEMENT_HEADS[block], '}'])}`;
      }
      return `unexpected ${describeToken(actual)}${place}: a statement ends at the end of its line`;
    }
    if (expected.name === 'RCurly') return `this block has no closing '}'`;
    // `measure weight "Body weight" …`: the name is a keyword. Say so, rather than "expected a name".
    if (expected.name === 'Identifier' && /^Kw/.test(actual.tokenType.name)) {
      return `'${actual.image}' is a reserved word of the language, so it cannot be a name; choose another, such as '${actual.image.toLowerCase()}_1' (the reserved words are listed in docs/language.md)`;
    }
    return `expected ${label(expected)}${after(previous)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: the file should have ended here`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const found = actual[0];
    // The `TODO` placeholder is a gated name (grammar/placeholder.ts), not "a name" a writer may put there.
    const placeholderAt = PLACEHOLDER_RULES.has(ruleName);
    const options = expectedPathsPerAlt.flatMap((alt) => alt.map(pathLabel)).filter((s) => s !== 'the end of the line' && !(placeholderAt && s === 'a name'));
    if (placeholderAt && new Set(options).size === 1) return `expected ${options[0]}${after(previous)}, found ${describeToken(found)}`;
    const place = PLACE_NAMES[ruleName] ? ` ${PLACE_NAMES[ruleName]}` : '';
    if (ruleName === 'document') return `unexpected ${describeToken(found)}${place}; expected ${quoted(STATEMENT_HEADS.document)}`;
    if (ruleName === 'unitOrTimeWord') {
      return `expected a unit${after(previous)}, found ${describeToken(found)}`;
    }
    return `unexpected ${describeToken(found)}${place}; expected ${joinAlternatives(options)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const options = expectedIterationPaths.map(pathLabel);
    return `expected ${joinAlternatives(options)}${after(previous)}, found ${describeToken(actual[0])}`;
  },
};
