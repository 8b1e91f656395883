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
import { parse, type ParseResult } from './parse';

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const INDENT = '  ';

export function formatText(text: string): FormatResult {
  return formatParsed(parse(text));
}

/**
 * Format from a parse already at hand (the editor's analysis of the open document): no second
 * parse. `parsed` must be the parse of the text to format.
 */
export function formatParsed(parsed: ParseResult): FormatResult {
  const errors = parsed.diagnostics.filter((d) => d.code.startsWith('syntax-'));
  if (errors.length > 0) return { ok: false, diagnostics: errors };

  const statementStarts = collectStatementStarts(parsed.ast);
  const topLevelBlockStarts = new Set(
    parsed.ast.items.filter((item) => !['MeasureDecl', 'SiteDecl', 'ReferenceDecl', 'LinkDecl'].includes(item.kind)).map((item) => item.range.start.offset),
  );

  type Piece = { kind: 'token'; token: IToken } | { kind: 'comment'; text: string; offset: number };
  const pieces: Piece[] = [
    ...parsed.tokens.map((token): Piece => ({ kind: 'token', token })),
    ...parsed.comments.map((c): Piece => ({ kind: 'comment', text: c.text.trimEnd(), offset: c.range.start.offset })),
  ].sort((a, b) => offsetOf(a) - offsetOf(b));

  const printer = new Printer();
  let newlinesSeen = 0;
  for (const piece of pieces) {
    if (piece.kind === 'comment') {
      if (printer.lineOpen) printer.append(' ' + piece.text, true);
      else printer.startLine(piece.text, { blankBefore: newlinesSeen >= 2, isComment: true });
      printer.endLine();
      newlinesSeen = 0;
      continue;
    }
    const token = piece.token;
    const name = token.tokenType.name;
    if (name === 'Newline') {
      printer.endLine();
      newlinesSeen++;
      continue;
    }
    if (name === 'RCurly') {
      printer.endLine();
      printer.depth--;
      printer.startLine('}', { blankBefore: false });
      newlinesSeen = 0;
      continue;
    }
    if (printer.lineOpen && statementStarts.has(token.startOffset)) printer.endLine();
    if (!printer.lineOpen) {
      const topBlock = printer.depth === 0 && topLevelBlockStarts.has(token.startOffset);
      printer.startLine('', { blankBefore: newlinesSeen >= 2, topLevelBlock: topBlock });
    }
    newlinesSeen = 0;
    if (name === 'TripleText') {
      printer.appendTripleText(token.image);
      continue;
    }
    printer.appendToken(printedImage(token), name);
    if (name === 'LCurly') {
      printer.endLine();
      printer.depth++;
    }
  }
  printer.endLine();
  return { ok: true, text: printer.result() };
}

function offsetOf(piece: { kind: 'token'; token: IToken } | { kind: 'comment'; offset: number }): number {
  return piece.kind === 'token' ? piece.token.startOffset : piece.offset;
}

function printedImage(token: IToken): string {
  if (token.image === '≥') return '>=';
  if (token.image === '≤') return '<=';
  return token.image;
}

/** Where each statement starts: a token found there mid-line is moved to a line of its own. */
function collectStatementStarts(doc: A.Document): Set<number> {
  const starts = new Set<number>();
  for (const item of doc.items) {
    starts.add(item.range.start.offset);
    if ('statements' in item) {
      for (const stmt of item.statements as { range: A.Range; kind: string; doses?: A.DoseStmt[] }[]) {
        starts.add(stmt.range.start.offset);
        for (const dose of stmt.doses ?? []) starts.add(dose.range.start.offset);
      }
    }
  }
  return starts;
}

/** Builds lines; knows about indentation and blank lines, nothing about the language. */
class Printer {
  depth = 0;
  private lines: string[] = [];
  private current: string | null = null;
  private currentHasContent = false;
  private previousTokenName = '';
  /** The last line printed closed a top-level block: the next top-level line gets a blank before it. */
  private afterTopLevelClose = false;
  private lastLineWasComment = false;

  get lineOpen(): boolean {
    return this.current !== null;
  }

  startLine(content: string, options: { blankBefore: boolean; isComment?: boolean; topLevelBlock?: boolean }): void {
    const previous = this.lines[this.lines.length - 1];
    const afterOpen = previous !== undefined && previous.endsWith('{');
    const closing = content === '}';
    let blank = options.blankBefore;
    if (this.depth === 0 && this.afterTopLevelClose) blank = true;
    if (options.topLevelBlock && previous !== undefined && previous !== '' && !this.lastLineWasComment) blank = true;
    if (blank && !afterOpen && !closing && previous !== undefined && previous !== '') this.lines.push('');
    this.current = INDENT.repeat(Math.max(this.depth, 0)) + content;
    this.currentHasContent = content !== '';
    this.previousTokenName = closing ? 'RCurly' : '';
    this.afterTopLevelClose = closing && this.depth === 0;
    this.lastLineWasComment = !!options.isComment;
  }

  append(text: string, isTrailingComment = false): void {
    if (this.current === null) return;
    this.current += text;
    this.currentHasContent = true;
    if (isTrailingComment) this.lastLineWasComment = false;
  }

  appendToken(image: string, tokenName: string): void {
    const noSpace =
      !this.currentHasContent || tokenName === 'Comma' || tokenName === 'Slash' || this.previousTokenName === 'Slash';
    this.append((noSpace ? '' : ' ') + image);
    this.previousTokenName = tokenName;
    this.lastLineWasComment = false;
  }

  /** `"""` text: content one level deeper than the statement, closing quotes at its level. */
  appendTripleText(image: string): void {
    const content = dedent(image.slice(3, -3));
    this.appendToken('"""', 'TripleText');
    this.endLine();
    const inner = INDENT.repeat(this.depth + 1);
    for (const line of content.split('\n')) this.lines.push(line === '' ? '' : inner + line);
    this.current = INDENT.repeat(this.depth) + '"""';
    this.currentHasContent = true;
    this.previousTokenName = 'TripleText';
  }

  endLine(): void {
    if (this.current === null) return;
    this.lines.push(this.current.trimEnd());
    this.current = null;
  }

  result(): string {
    while (this.lines.length && this.lines[0] === '') this.lines.shift();
    while (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.length ? this.lines.join('\n') + '\n' : '';
  }
}
