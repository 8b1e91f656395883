/**
 * The grammar's public entry point: text in, typed AST + syntax diagnostics + comments out.
 * Never throws on any input: lexing and parsing problems become located diagnostics.
 *
 * The document is parsed segment by segment (see segments.ts). Given the previous result for the
 * same document, `parse` re-lexes and re-parses only the segments whose text changed and moves the
 * others to their new place, so an edit costs about one segment, not the whole file.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as A from './ast';
import { AstBuilder } from './build-ast';
import type { Diagnostic } from './diagnostic';
import { lexer } from './lexer';
import { LineIndex } from './line-index';
import { setMessageText } from './parse-messages';
import { parser } from './parser';
import { splitSegments, type Segment } from './segments';

export interface ParseResult {
  ast: A.Document;
  /** Syntax diagnostics only (codes `syntax-*`, `dose-*`); semantic checks live in server/. */
  diagnostics: Diagnostic[];
  comments: A.Comment[];
  /** The significant tokens with document offsets, for the formatter and highlighting (computed on first use). */
  readonly tokens: IToken[];
  readonly lines: LineIndex;
  /** How the document was split, for reuse by the next parse of the same document. */
  readonly segments: readonly SegmentParse[];
}

/** One segment's parse. Its ranges are absolute for the document it was last placed in. */
export interface SegmentParse {
  text: string;
  start: number;
  line: number;
  items: A.TopItem[];
  diagnostics: Diagnostic[];
  comments: A.Comment[];
  /** Tokens with offsets relative to the segment. */
  relativeTokens: IToken[];
  /** Every position object in items, diagnostics and comments, so a move touches each once. */
  positions: A.Position[];
}

/**
 * Parse a document. Pass the previous result for the same document to reuse its unchanged
 * segments; the previous result must not be used afterwards (its segments move to the new one).
 */
export function parse(text: string, previous?: ParseResult): ParseResult {
  let lines: LineIndex | undefined;
  const reusable = new Map<string, SegmentParse[]>();
  for (const old of previous?.segments ?? []) {
    const list = reusable.get(old.text);
    if (list) list.push(old);
    else reusable.set(old.text, [old]);
  }

  const segments = splitSegments(text).map((segment) => {
    const candidates = reusable.get(segment.text);
    const old = candidates?.shift();
    if (old) {
      moveSegment(old, segment.start - old.start, segment.line - old.line);
      old.start = segment.start;
      old.line = segment.line;
      return old;
    }
    return parseSegment(segment);
  });

  const items = segments.flatMap((s) => s.items);
  const diagnostics = segments.flatMap((s) => s.diagnostics);
  const comments = segments.flatMap((s) => s.comments);
  let tokens: IToken[] | undefined;
  return {
    ast: { kind: 'Document', items, range: documentRange(text) },
    diagnostics,
    comments,
    get tokens() {
      tokens ??= segments.flatMap((s) => s.relativeTokens.map((t) => absoluteToken(t, s)));
      return tokens;
    },
    get lines() {
      lines ??= new LineIndex(text);
      return lines;
    },
    segments,
  };
}

/** The whole text's range without indexing every line (the index is built only when asked for). */
function documentRange(text: string): A.Range {
  let line = 0;
  let lastLineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lastLineStart = i + 1;
  }
  return { start: { line: 0, character: 0, offset: 0 }, end: { line, character: text.length - lastLineStart, offset: text.length } };
}

function parseSegment(segment: Segment): SegmentParse {
  const positions: A.Position[] = [];
  const segmentLines = new LineIndex(segment.text, positions);
  const lexed = lexer.tokenize(segment.text);
  const diagnostics: Diagnostic[] = [];

  for (const error of lexed.errors) {
    const found = segment.text.substr(error.offset, error.length);
    diagnostics.push({
      code: 'syntax-unknown-character',
      severity: 'error',
      message: `unexpected character${found.length > 1 ? 's' : ''} '${found.length > 20 ? found.slice(0, 20) + '…' : found}'`,
      range: segmentLines.range(error.offset, error.offset + error.length),
    });
  }

  const builder = new AstBuilder(segmentLines);
  let items: A.TopItem[] = [];
  setMessageText(segment.text);
  parser.input = lexed.tokens;
  try {
    const cst = parser.document();
    for (const error of parser.errors) diagnostics.push(syntaxDiagnostic(error, segmentLines, segment.text.length));
    items = builder.topItems(cst);
    diagnostics.push(...builder.diagnostics);
  } catch (error) {
    // Chevrotain recovers from errors by recursion; a pathological segment could exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.push({
      code: 'syntax-error',
      severity: 'error',
      message: 'this part of the file has too many errors to read; fix the first one and the rest will follow',
      range: segmentLines.range(0, Math.min(segment.text.length, segment.text.indexOf('\n') >>> 0)),
    });
  }

  const comments: A.Comment[] = (lexed.groups.comments ?? []).map((t) => ({
    text: t.image,
    range: segmentLines.range(t.startOffset, t.startOffset + t.image.length),
  }));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const parsed: SegmentParse = { text: segment.text, start: 0, line: 0, items, diagnostics, comments, relativeTokens: lexed.tokens, positions };
  moveSegment(parsed, segment.start, segment.line);
  parsed.start = segment.start;
  parsed.line = segment.line;
  return parsed;
}

/** Shift every position of a segment's results by an offset and line delta (in place). */
function moveSegment(segment: SegmentParse, offsetDelta: number, lineDelta: number): void {
  if (offsetDelta === 0 && lineDelta === 0) return;
  for (const position of segment.positions) {
    position.offset += offsetDelta;
    position.line += lineDelta;
  }
}

function absoluteToken(token: IToken, segment: SegmentParse): IToken {
  return {
    ...token,
    startOffset: token.startOffset + segment.start,
    endOffset: token.endOffset === undefined ? undefined : token.endOffset + segment.start,
    startLine: token.startLine === undefined ? undefined : token.startLine + segment.line,
    endLine: token.endLine === undefined ? undefined : token.endLine + segment.line,
  } as IToken;
}

function syntaxDiagnostic(error: IRecognitionException, lines: LineIndex, textLength: number): Diagnostic {
  const token = error.token;
  // At the end of the segment (or on a token inserted by recovery) point at the previous real token's end.
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
  return { code: 'syntax-error', severity: 'error', message: error.message, range: lines.range(start, end) };
}
