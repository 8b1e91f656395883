/**
 * `// trial-ignore CODE [CODE…]`: silences those codes on the next statement — the statement that
 * starts on the next line that is neither blank nor a comment. When that line opens a block, the
 * whole block is covered. Unknown codes are reported (`ignore-unknown-code`); a known code that
 * silences nothing is a hint (`ignore-unused`).
 */
import type * as A from '../../grammar/ast';
import type { ParseResult } from '../../grammar/parse';

export interface Suppression {
  codes: A.Located<string>[];
  /** What the comment covers. */
  target: A.Range | undefined;
  comment: A.Range;
}

const DIRECTIVE = /^\/\/\s*trial-ignore\b/;

/** Every node that can be a "statement" for suppression, outermost first per line. */
function statementRanges(doc: A.Document): A.Range[] {
  const out: A.Range[] = [];
  for (const item of doc.items) {
    out.push(item.range);
    const statements = (item as { statements?: { range: A.Range; doses?: { range: A.Range }[] }[] }).statements;
    for (const s of statements ?? []) {
      out.push(s.range);
      for (const d of s.doses ?? []) out.push(d.range);
    }
  }
  return out;
}

export function findSuppressions(parse: ParseResult, text: string): Suppression[] {
  const result: Suppression[] = [];
  let ranges: A.Range[] | undefined;
  for (const comment of parse.comments) {
    if (!DIRECTIVE.test(comment.text)) continue;
    const codes: A.Located<string>[] = [];
    const re = /[A-Za-z0-9_-]+/g;
    const bodyStart = comment.text.indexOf('trial-ignore') + 'trial-ignore'.length;
    re.lastIndex = bodyStart;
    for (let m = re.exec(comment.text); m; m = re.exec(comment.text)) {
      const start = comment.range.start.offset + m.index;
      codes.push({ value: m[0], range: parse.lines.range(start, start + m[0].length) });
    }
    // The next line that is neither blank nor only a comment.
    let target: A.Range | undefined;
    for (let line = comment.range.start.line + 1; line < parse.lines.lineCount; line++) {
      const start = parse.lines.lineStart(line);
      const end = line + 1 < parse.lines.lineCount ? parse.lines.lineStart(line + 1) : text.length;
      const content = text.slice(start, end).trim();
      if (content === '' || content.startsWith('//')) continue;
      ranges ??= statementRanges(parse.ast);
      const onLine = ranges.filter((r) => r.start.line === line);
      target = onLine.reduce<A.Range | undefined>(
        (best, r) => (!best || r.end.offset - r.start.offset > best.end.offset - best.start.offset ? r : best),
        undefined,
      ) ?? parse.lines.range(start, end);
      break;
    }
    result.push({ codes, target, comment: comment.range });
  }
  return result;
}

export function covers(target: A.Range | undefined, range: A.Range): boolean {
  return !!target && range.start.offset >= target.start.offset && range.start.offset <= target.end.offset;
}
