/** Folding: blocks, triple-quoted texts, runs of comment lines, and `// #region` … `// #endregion`. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import type { Analysis } from './workspace';

export const MAX_FOLDING_RANGES = 5000;

export function foldingRanges(analysis: Analysis, max = MAX_FOLDING_RANGES): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: string): void => {
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  // Blocks fold up to the line before `}` so the closing brace stays visible.
  const block = (r: A.Range): void => add(r.start.line, r.end.line - 1);
  for (const item of analysis.parse.ast.items) {
    if (item.range.end.line > item.range.start.line) block(item.range);
    if (item.kind === 'ArmBlock') for (const s of item.statements) if (s.kind === 'Receives' && s.overrideBlock) block(s.overrideBlock);
    if (item.kind === 'EligibilityBlock') for (const s of item.statements) if (s.kind === 'Population') block(s.range);
  }
  for (const t of analysis.parse.tokens) {
    if (t.tokenType.name !== 'TripleText') continue;
    const start = analysis.parse.lines.position(t.startOffset).line;
    const end = analysis.parse.lines.position(t.startOffset + t.image.length).line;
    add(start, end - 1 > start ? end - 1 : end);
  }
  // Comment runs (two or more whole-line comments) and regions.
  const regions: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  const text = analysis.text;
  const flushRun = (): void => {
    if (runStart >= 0 && runEnd > runStart) add(runStart, runEnd, FoldingRangeKind.Comment);
    runStart = runEnd = -1;
  };
  for (const c of analysis.parse.comments) {
    const line = c.range.start.line;
    const own = text.slice(analysis.parse.lines.lineStart(line), c.range.start.offset).trim() === '';
    if (/^\/\/\s*#region\b/.test(c.text)) {
      flushRun();
      regions.push(line);
      continue;
    }
    if (/^\/\/\s*#endregion\b/.test(c.text)) {
      flushRun();
      const start = regions.pop();
      if (start !== undefined) add(start, line, FoldingRangeKind.Region);
      continue;
    }
    if (!own) continue;
    if (runStart >= 0 && line === runEnd + 1) runEnd = line;
    else {
      flushRun();
      runStart = runEnd = line;
    }
  }
  flushRun();
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out.slice(0, max);
}
