/**
 * The grammar's public entry point: text in, typed AST + syntax diagnostics + comments out.
 * Never throws on any input: lexing and parsing problems become located diagnostics.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, Document } from './ast';
import { AstBuilder } from './build-ast';
import type { Diagnostic } from './diagnostic';
import { lexer } from './lexer';
import { LineIndex } from './line-index';
import { setMessageText } from './parse-messages';
import { parser } from './parser';

export interface ParseResult {
  ast: Document;
  /** Syntax diagnostics only (codes `syntax-*`, `dose-*`); semantic checks live in server/. */
  diagnostics: Diagnostic[];
  comments: Comment[];
  /** The significant tokens, for the formatter and semantic highlighting. */
  tokens: IToken[];
  lines: LineIndex;
}

export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const lexed = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];

  for (const error of lexed.errors) {
    const found = text.substr(error.offset, error.length);
    diagnostics.push({
      code: 'syntax-unknown-character',
      severity: 'error',
      message: `unexpected character${found.length > 1 ? 's' : ''} '${found.length > 20 ? found.slice(0, 20) + '…' : found}'`,
      range: lines.range(error.offset, error.offset + error.length),
    });
  }

  setMessageText(text);
  parser.input = lexed.tokens;
  const cst = parser.document();
  for (const error of parser.errors) diagnostics.push(syntaxDiagnostic(error, lines, text.length));

  const builder = new AstBuilder(lines);
  const ast = builder.document(cst, text.length);
  diagnostics.push(...builder.diagnostics);

  const comments: Comment[] = (lexed.groups.comments ?? []).map((t) => ({
    text: t.image,
    range: lines.range(t.startOffset, t.startOffset + t.image.length),
  }));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { ast, diagnostics, comments, tokens: lexed.tokens, lines };
}

function syntaxDiagnostic(error: IRecognitionException, lines: LineIndex, textLength: number): Diagnostic {
  let token = error.token;
  // At the end of the file (or on a token inserted by recovery) point at the previous real token's end.
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  let start: number;
  let end: number;
  if (token && Number.isFinite(token.startOffset) && token.tokenType.name !== 'EOF') {
    start = token.startOffset;
    end = token.startOffset + Math.max(token.image.length, 1);
    if (token.tokenType.name === 'Newline') end = start;
  } else if (previous && Number.isFinite(previous.startOffset)) {
    start = end = previous.startOffset + previous.image.length;
  } else {
    start = end = textLength;
  }
  return {
    code: 'syntax-error',
    severity: 'error',
    message: error.message,
    range: lines.range(start, end),
  };
}
