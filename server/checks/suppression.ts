/**
 * `// trial-ignore CODE [CODE…]`: silences those codes on the next statement — the statement that
 * starts on the next line that is neither blank nor a comment. When that line opens a block, the
 * whole block is covered. Unknown codes are reported (`ignore-unknown-code`); a known code that
 * silences nothing is a hint (`ignore-unused`).
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic } from '../../grammar/diagnostic';
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

/** The widest statement range starting on each line (what a suppression before that line covers). */
function widestByLine(doc: A.Document): Map<number, A.Range> {
  const byLine = new Map<number, A.Range>();
  for (const r of statementRanges(doc)) {
    const best = byLine.get(r.start.line);
    if (!best || r.end.offset - r.start.offset > best.end.offset - best.start.offset) byLine.set(r.start.line, r);
  }
  return byLine;
}

/**
 * Linear in the document: the statement ranges are indexed by line once, and a run of comment or
 * blank lines is scanned once for all the `trial-ignore` comments in it (comments come in order).
 */
export function findSuppressions(parse: ParseResult, text: Pick<string, 'length' | 'slice'>): Suppression[] {
  const result: Suppression[] = [];
  let byLine: Map<number, A.Range> | undefined;
  // The last scan: from a comment's line it found `target` on `targetLine` (-1: none yet).
  let targetLine = -1;
  let lastTarget: A.Range | undefined;
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
    // The next line that is neither blank nor only a comment (shared with earlier comments of the run).
    if (comment.range.start.line >= targetLine) {
      lastTarget = undefined;
      targetLine = parse.lines.lineCount;
      for (let line = comment.range.start.line + 1; line < parse.lines.lineCount; line++) {
        const start = parse.lines.lineStart(line);
        const end = line + 1 < parse.lines.lineCount ? parse.lines.lineStart(line + 1) : text.length;
        const content = text.slice(start, end).trim();
        if (content === '' || content.startsWith('//')) continue;
        byLine ??= widestByLine(parse.ast);
        lastTarget = byLine.get(line) ?? parse.lines.range(start, end);
        targetLine = line;
        break;
      }
    }
    result.push({ codes, target: lastTarget, comment: comment.range });
  }
  return result;
}

export function covers(target: A.Range | undefined, range: A.Range): boolean {
  return !!target && range.start.offset >= target.start.offset && range.start.offset <= target.end.offset;
}

/**
 * Drops the diagnostics a suppression covers and returns which codes were used. A sweep per code
 * over diagnostics and targets sorted by offset; the open targets form a stack (statement ranges
 * nest or are disjoint), so the work is linear in diagnostics + suppressions, not their product.
 */
export function applySuppressions(found: readonly Diagnostic[], suppressions: readonly Suppression[]): {
  kept: Diagnostic[];
  /** Each code that silenced something, with what it silenced (in document order). */
  used: Map<A.Located<string>, Diagnostic[]>;
} {
  type Entry = { target: A.Range; code: A.Located<string> };
  const byCode = new Map<string, Entry[]>();
  for (const s of suppressions) {
    if (!s.target) continue;
    for (const c of s.codes) {
      let list = byCode.get(c.value);
      if (!list) byCode.set(c.value, (list = []));
      list.push({ target: s.target, code: c });
    }
  }
  const used = new Map<A.Located<string>, Diagnostic[]>();
  const silenced = new Set<Diagnostic>();
  const diagnosticsByCode = new Map<string, Diagnostic[]>();
  for (const d of found) {
    if (!byCode.has(d.code)) continue;
    let list = diagnosticsByCode.get(d.code);
    if (!list) diagnosticsByCode.set(d.code, (list = []));
    list.push(d);
  }
  for (const [code, diagnostics] of diagnosticsByCode) {
    const entries = byCode.get(code)!.sort((a, b) => a.target.start.offset - b.target.start.offset);
    diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
    const open: Entry[] = [];
    let next = 0;
    for (const d of diagnostics) {
      const x = d.range.start.offset;
      while (next < entries.length && entries[next]!.target.start.offset <= x) {
        const entry = entries[next++]!;
        // Targets that end before this one starts cover nothing from here on.
        while (open.length > 0 && open[open.length - 1]!.target.end.offset < entry.target.start.offset) open.pop();
        open.push(entry);
      }
      while (open.length > 0 && open[open.length - 1]!.target.end.offset < x) open.pop();
      for (const e of open) {
        if (covers(e.target, d.range)) {
          const list = used.get(e.code);
          if (list) list.push(d);
          else used.set(e.code, [d]);
          silenced.add(d);
        }
      }
    }
  }
  return { kept: found.filter((d) => !silenced.has(d)), used };
}
