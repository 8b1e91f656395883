/**
 * Formatting through grammar/format.ts. Whole document: the changed lines as edits. Range: the
 * same edits, only those that touch the lines of the range. A document with syntax errors is not
 * formatted (the formatter refuses rather than guess); the reason goes to the log.
 *
 * An open document is formatted from its analysis segment by segment (format-segments.ts), so a
 * format after an edit costs about what the edit changed; a text without an analysis, or one the
 * segment-by-segment partition does not fit, is formatted whole and line-diffed.
 */
import type { Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText, syntaxErrors, type FormatResult } from '../../grammar/format';
import type { Diagnostic } from '../../grammar/diagnostic';
import type { ParseResult } from '../../grammar/parse';
import { formatSegmented, type LineHunk } from './format-segments';
import { diffLines } from './line-diff';

export interface FormatOutcome {
  edits: TextEdit[];
  refused?: string;
}

/** The editor's lines: CR, LF and CRLF each end one. */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Format an open document from its analysis (its parse is reused: no second parse of the text). */
export function formatOpenDocument(doc: TextDocument, analysis: { text: string; parse: ParseResult }, range?: Range): FormatOutcome {
  return formatEdits(doc, range, analysis.text === doc.getText() ? analysis.parse : undefined);
}

export function formatEdits(doc: TextDocument, range?: Range, parsed?: ParseResult): FormatOutcome {
  const text = doc.getText();
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  if (parsed) {
    const errors = syntaxErrors(parsed);
    if (errors.length > 0) return refusal(errors);
    const segmented = formatSegmented(parsed, doc.uri);
    if (segmented.kind === 'hunks') return { edits: editsOf(segmented.hunks, segmented.lineAt, segmented.lineCount, eol, range) };
  }
  const result: FormatResult = formatText(text);
  if (!result.ok) return refusal(result.diagnostics);
  if (result.text === text) return { edits: [] };
  const oldLines = splitLines(text);
  const newLines = splitLines(result.text);
  const hunks = diffLines(oldLines, newLines).map((h): LineHunk => ({ aStart: h.aStart, aEnd: h.aEnd, lines: newLines.slice(h.bStart, h.bEnd) }));
  return { edits: editsOf(hunks, (n) => oldLines[n]!, oldLines.length, eol, range) };
}

function refusal(errors: readonly Diagnostic[]): FormatOutcome {
  const first = errors[0];
  return { edits: [], refused: `not formatted: ${errors.length} syntax error(s)${first ? `, first at line ${first.range.start.line + 1}: ${first.message}` : ''}` };
}

/** Line hunks as LSP edits (those touching `range`'s lines only, when given); `lineAt` reads the old text's lines. */
function editsOf(hunks: readonly LineHunk[], lineAt: (line: number) => string, lineCount: number, eol: string, range?: Range): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    if (range && (h.aEnd - 1 < range.start.line || h.aStart > range.end.line) && !(h.aStart === h.aEnd && h.aStart >= range.start.line && h.aStart <= range.end.line + 1)) continue;
    const replacement = h.lines;
    if (h.aStart === h.aEnd) {
      // Pure insertion before line aStart.
      if (h.aStart < lineCount) {
        edits.push({ range: { start: { line: h.aStart, character: 0 }, end: { line: h.aStart, character: 0 } }, newText: replacement.map((l) => l + eol).join('') });
      } else {
        const last = lineCount - 1;
        const end = lineAt(last).length;
        edits.push({ range: { start: { line: last, character: end }, end: { line: last, character: end } }, newText: replacement.map((l) => eol + l).join('') });
      }
    } else if (replacement.length === 0) {
      // Pure deletion of lines [aStart, aEnd).
      const endsAtEof = h.aEnd >= lineCount;
      edits.push({
        range: endsAtEof && h.aStart > 0
          ? { start: { line: h.aStart - 1, character: lineAt(h.aStart - 1).length }, end: { line: h.aEnd - 1, character: lineAt(h.aEnd - 1).length } }
          : { start: { line: h.aStart, character: 0 }, end: { line: h.aEnd, character: 0 } },
        newText: '',
      });
    } else {
      edits.push({
        range: { start: { line: h.aStart, character: 0 }, end: { line: h.aEnd - 1, character: lineAt(h.aEnd - 1).length } },
        newText: replacement.join(eol),
      });
    }
  }
  return edits;
}

/** Apply LSP text edits to a text (for tests and for checking that edits reproduce the formatter's output). */
export function applyEdits(doc: TextDocument, edits: TextEdit[]): string {
  const text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}
