/**
 * Formatting through grammar/format.ts `formatText`. Whole document: the changed lines as edits.
 * Range: the same edits, only those that touch the lines of the range. A document with syntax
 * errors is not formatted (the formatter refuses rather than guess); the reason goes to the log.
 */
import type { Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatParsed, formatText, type FormatResult } from '../../grammar/format';
import type { ParseResult } from '../../grammar/parse';
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
  const result: FormatResult = parsed ? formatParsed(parsed) : formatText(text);
  if (!result.ok) {
    const first = result.diagnostics[0];
    return { edits: [], refused: `not formatted: ${result.diagnostics.length} syntax error(s)${first ? `, first at line ${first.range.start.line + 1}: ${first.message}` : ''}` };
  }
  if (result.text === text) return { edits: [] };
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const oldLines = splitLines(text);
  const newLines = splitLines(result.text);
  const hunks = diffLines(oldLines, newLines);
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    if (range && (h.aEnd - 1 < range.start.line || h.aStart > range.end.line) && !(h.aStart === h.aEnd && h.aStart >= range.start.line && h.aStart <= range.end.line + 1)) continue;
    const replacement = newLines.slice(h.bStart, h.bEnd);
    if (h.aStart === h.aEnd) {
      // Pure insertion before line aStart.
      if (h.aStart < oldLines.length) {
        edits.push({ range: { start: { line: h.aStart, character: 0 }, end: { line: h.aStart, character: 0 } }, newText: replacement.map((l) => l + eol).join('') });
      } else {
        const last = oldLines.length - 1;
        edits.push({ range: { start: { line: last, character: oldLines[last].length }, end: { line: last, character: oldLines[last].length } }, newText: replacement.map((l) => eol + l).join('') });
      }
    } else if (h.bStart === h.bEnd) {
      // Pure deletion of lines [aStart, aEnd).
      const endsAtEof = h.aEnd >= oldLines.length;
      edits.push({
        range: endsAtEof && h.aStart > 0
          ? { start: { line: h.aStart - 1, character: oldLines[h.aStart - 1].length }, end: { line: h.aEnd - 1, character: oldLines[h.aEnd - 1].length } }
          : { start: { line: h.aStart, character: 0 }, end: { line: h.aEnd, character: 0 } },
        newText: '',
      });
    } else {
      edits.push({
        range: { start: { line: h.aStart, character: 0 }, end: { line: h.aEnd - 1, character: oldLines[h.aEnd - 1].length } },
        newText: replacement.join(eol),
      });
    }
  }
  return { edits };
}

/** Apply LSP text edits to a text (for tests and for checking that edits reproduce the formatter's output). */
export function applyEdits(doc: TextDocument, edits: TextEdit[]): string {
  const text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}
