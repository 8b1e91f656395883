/**
 * The formatter: one canonical layout, printed from the token stream so nothing the writer typed
 * can be lost.
 *
 * - Two-space indentation by block depth; one statement a line (a second statement on a line is
 *   moved to its own line); `{` ends its line and `}` stands alone.
 * - Single spaces between words, none before `,` or around the `/` of `phase 2/3`; `1000mg` becomes
 *   `1000 mg`; `≥`/`≤` become `>=`/`<=` (the AST already treats them as the same).
 * - Blank lines: the writer's are kept (at most one in a row); top-level blocks are separated by
 *   one; none just inside `{` or before `}`.
 * - Triple-quoted texts are re-indented one level deeper than their statement; their value (the
 *   de-indented content) is unchanged.
 * - Every comment is kept, on its own line or at the end of its line, as written.
 *
 * It refuses a document with syntax errors rather than guess at what a broken line meant.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast';
import { dedent } from './build-ast';
import type { Diagnostic } from './diagnostic';
import { parseKeepingTokens, type ParseResult, type SegmentParse } from './parse';

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const INDENT = '  ';

export function formatText(text: string): FormatResult {
  return formatParsed(parseKeepingTokens(text));
}

/**
 * Format from a parse already at hand (the editor's analysis of the open document): no second
 * parse. `parsed` must be the parse of the text to format.
 */
export function formatParsed(parsed: ParseResult): FormatResult {
  const errors = syntaxErrors(parsed);
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  // The document is printed segment after segment, each from where the previous one left the
  // layout: the same path the editor's per-segment formatting (server/lsp/format-segments.ts) takes.
  const lines: string[] = [];
  let state = DOCUMENT_START;
  for (const segment of parsed.segments) {
    const printed = formatSegment(segment, state);
    for (const line of printed.lines) lines.push(line);
    state = printed.exit;
  }
  const last = closingLine(state);
  if (last !== undefined) lines.push(last);
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { ok: true, text: lines.length ? lines.join('\n') + '\n' : '' };
}

/** The diagnostics that make the formatter refuse a document. */
export function syntaxErrors(parsed: ParseResult): Diagnostic[] {
  return parsed.diagnostics.filter((d) => d.code.startsWith('syntax-'));
}

/**
 * What printing the next segment depends on besides its own text: where the layout stands after
 * the segments before it. Two segments with the same text and the same layout state print the
 * same lines (server/lsp/format-segments.ts reuses them on that promise).
 */
export interface LayoutState {
  readonly depth: number;
  /** The last line printed: only whether there is one, it is blank or it ends with `{` matters. */
  readonly lastLine: undefined | '' | '{' | 'x';
  /** The line being printed (a segment that ends without a line break leaves it open), or null. */
  readonly current: string | null;
  readonly currentHasContent: boolean;
  readonly previousTokenName: string;
  readonly afterTopLevelClose: boolean;
  readonly lastLineWasComment: boolean;
  /** Line breaks since the last piece printed, counted up to 2 (two make a blank line). */
  readonly newlines: number;
  /** The state as a string: equal keys, equal states. */
  readonly key: string;
}

/** A layout state; its key is made only when asked for (formatText never compares states). */
class State implements LayoutState {
  #key: string | undefined;
  constructor(
    readonly depth: number,
    readonly lastLine: LayoutState['lastLine'],
    readonly current: string | null,
    readonly currentHasContent: boolean,
    readonly previousTokenName: string,
    readonly afterTopLevelClose: boolean,
    readonly lastLineWasComment: boolean,
    readonly newlines: number,
  ) {}
  get key(): string {
    if (this.#key === undefined) {
      const flags = (this.afterTopLevelClose ? 1 : 0) + (this.lastLineWasComment ? 2 : 0);
      const open = this.current === null ? '' : `|${this.currentHasContent ? 1 : 0}|${this.previousTokenName}|${this.current}`;
      this.#key = `${this.depth}|${this.lastLine ?? 'u'}|${flags}|${this.newlines}${open}`;
    }
    return this.#key;
  }
}

export const DOCUMENT_START: LayoutState = new State(0, undefined, null, false, '', false, false, 0);

/** The line left open at the end of the document, as it is printed (undefined: none). */
export function closingLine(state: LayoutState): string | undefined {
  return state.current === null ? undefined : state.current.trimEnd();
}

/**
 * Print one segment from a layout state: the lines it completes (the first may be the blank line
 * that separates it from what comes before) and the state it leaves. Reads the segment's own
 * tokens, comments and items only, at their positions relative to the segment.
 */
export function formatSegment(segment: SegmentParse, entry: LayoutState): { lines: string[]; exit: LayoutState } {
  const base = segment.start;
  const { starts, blocks } = statementStarts(segment.items, base);
  const tokens = segment.relativeTokens;
  const comments = segment.comments;
  const printer = new Printer(entry);
  // Tokens and comments are each in text order: merged, not sorted.
  let c = 0;
  let nextComment = comments.length > 0 ? comments[0]!.range.start.offset - base : Infinity;
  // The next statement start at or after the current token (the starts ascend as the tokens do).
  let s = 0;
  for (let t = 0; t <= tokens.length; t++) {
    const token: IToken | undefined = tokens[t];
    const at = token ? token.startOffset : Infinity;
    while (nextComment < at) {
      printer.comment(comments[c]!.text.trimEnd());
      c++;
      nextComment = c < comments.length ? comments[c]!.range.start.offset - base : Infinity;
    }
    if (!token) break;
    while (s < starts.length && starts[s]! < at) s++;
    const statementStart = s < starts.length && starts[s] === at;
    printer.token(token, statementStart, statementStart && blocks.includes(at));
  }
  return { lines: printer.lines, exit: printer.state() };
}

function printedImage(token: IToken): string {
  if (token.image === '≥') return '>=';
  if (token.image === '≤') return '<=';
  return token.image;
}

/** Top-level items of one line: not set apart by blank lines as blocks are. */
const ONE_LINE_ITEMS: ReadonlySet<string> = new Set(['MeasureDecl', 'SiteDecl', 'ReferenceDecl', 'LinkDecl']);

/**
 * Where each statement starts (relative to `base`), ascending, and which of those start a
 * top-level block (set apart by a blank line): a token found at a statement start mid-line is
 * moved to a line of its own.
 */
function statementStarts(items: readonly A.TopItem[], base: number): { starts: number[]; blocks: number[] } {
  const starts: number[] = [];
  const blocks: number[] = [];
  for (const item of items) {
    const start = item.range.start.offset - base;
    starts.push(start);
    if (!ONE_LINE_ITEMS.has(item.kind)) blocks.push(start);
    if ('statements' in item) {
      for (const stmt of item.statements as { range: A.Range; kind: string; doses?: A.DoseStmt[] }[]) {
        starts.push(stmt.range.start.offset - base);
        if (stmt.doses) for (const dose of stmt.doses) starts.push(dose.range.start.offset - base);
      }
    }
  }
  // In document order as the AST is; sorted should a construct ever list a part out of order.
  for (let k = 1; k < starts.length; k++) {
    if (starts[k]! < starts[k - 1]!) return { starts: starts.sort((a, b) => a - b), blocks };
  }
  return { starts, blocks };
}

/** Builds lines; knows about indentation and blank lines, nothing about the language. */
class Printer {
  depth: number;
  readonly lines: string[] = [];
  private lastLine: string | undefined;
  private current: string | null;
  private currentHasContent: boolean;
  private previousTokenName: string;
  /** The last line printed closed a top-level block: the next top-level line gets a blank before it. */
  private afterTopLevelClose: boolean;
  private lastLineWasComment: boolean;
  private newlines: number;

  constructor(entry: LayoutState) {
    this.depth = entry.depth;
    this.lastLine = entry.lastLine;
    this.current = entry.current;
    this.currentHasContent = entry.currentHasContent;
    this.previousTokenName = entry.previousTokenName;
    this.afterTopLevelClose = entry.afterTopLevelClose;
    this.lastLineWasComment = entry.lastLineWasComment;
    this.newlines = entry.newlines;
  }

  state(): LayoutState {
    const last = this.lastLine;
    const lastLine = last === undefined ? undefined : last === '' ? '' : last.endsWith('{') ? '{' : 'x';
    return new State(this.depth, lastLine, this.current, this.currentHasContent, this.previousTokenName, this.afterTopLevelClose, this.lastLineWasComment, Math.min(this.newlines, 2));
  }

  comment(text: string): void {
    if (this.current !== null) this.append(' ' + text, true);
    else this.startLine(text, { blankBefore: this.newlines >= 2, isComment: true });
    this.endLine();
    this.newlines = 0;
  }

  /** A token; `statementStart`: a statement starts with it, `topLevelBlock`: a top-level block does. */
  token(token: IToken, statementStart: boolean, topLevelBlock: boolean): void {
    const name = token.tokenType.name;
    if (name === 'Newline') {
      this.endLine();
      this.newlines++;
      return;
    }
    if (name === 'RCurly') {
      this.endLine();
      this.depth--;
      this.startLine('}', { blankBefore: false });
      this.newlines = 0;
      return;
    }
    if (this.current !== null && statementStart) this.endLine();
    if (this.current === null) {
      const topBlock = this.depth === 0 && topLevelBlock;
      this.startLine('', { blankBefore: this.newlines >= 2, topLevelBlock: topBlock });
    }
    this.newlines = 0;
    if (name === 'TripleText') {
      this.appendTripleText(token.image);
      return;
    }
    this.appendToken(printedImage(token), name);
    if (name === 'LCurly') {
      this.endLine();
      this.depth++;
    }
  }

  private push(line: string): void {
    this.lines.push(line);
    this.lastLine = line;
  }

  private startLine(content: string, options: { blankBefore: boolean; isComment?: boolean; topLevelBlock?: boolean }): void {
    const previous = this.lastLine;
    const afterOpen = previous !== undefined && previous.endsWith('{');
    const closing = content === '}';
    let blank = options.blankBefore;
    if (this.depth === 0 && this.afterTopLevelClose) blank = true;
    if (options.topLevelBlock && previous !== undefined && previous !== '' && !this.lastLineWasComment) blank = true;
    if (blank && !afterOpen && !closing && previous !== undefined && previous !== '') this.push('');
    this.current = INDENT.repeat(Math.max(this.depth, 0)) + content;
    this.currentHasContent = content !== '';
    this.previousTokenName = closing ? 'RCurly' : '';
    this.afterTopLevelClose = closing && this.depth === 0;
    this.lastLineWasComment = !!options.isComment;
  }

  private append(text: string, isTrailingComment = false): void {
    if (this.current === null) return;
    this.current += text;
    this.currentHasContent = true;
    if (isTrailingComment) this.lastLineWasComment = false;
  }

  private appendToken(image: string, tokenName: string): void {
    const noSpace =
      !this.currentHasContent || tokenName === 'Comma' || tokenName === 'Slash' || this.previousTokenName === 'Slash';
    this.append((noSpace ? '' : ' ') + image);
    this.previousTokenName = tokenName;
    this.lastLineWasComment = false;
  }

  /** `"""` text: content one level deeper than the statement, closing quotes at its level. */
  private appendTripleText(image: string): void {
    const content = dedent(image.slice(3, -3));
    this.appendToken('"""', 'TripleText');
    this.endLine();
    const inner = INDENT.repeat(this.depth + 1);
    for (const line of content.split('\n')) this.push(line === '' ? '' : inner + line);
    this.current = INDENT.repeat(this.depth) + '"""';
    this.currentHasContent = true;
    this.previousTokenName = 'TripleText';
  }

  private endLine(): void {
    if (this.current === null) return;
    this.push(this.current.trimEnd());
    this.current = null;
  }
}
