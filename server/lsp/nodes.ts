/** Finding things in the AST and the token list by offset (binary searches; no rescans of the text). */
import type { IToken } from 'chevrotain';
import type * as A from '../../grammar/ast';

export function inside(r: A.Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

/** The significant token at an offset (a position at a token's end counts as on it). */
export function tokenAt(tokens: readonly IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const t = tokens[mid];
    if (t.startOffset > offset) high = mid - 1;
    else if (t.startOffset + t.image.length < offset) low = mid + 1;
    else {
      // Prefer the token that starts at the offset over the one that ends there.
      const next = tokens[mid + 1];
      if (t.startOffset + t.image.length === offset && next && next.startOffset === offset) return next;
      if (t.tokenType.name === 'Newline' && mid > 0 && tokens[mid - 1].startOffset + tokens[mid - 1].image.length === offset) return tokens[mid - 1];
      return t;
    }
  }
  return undefined;
}

/** The top-level item containing an offset (binary search: items are in source order). */
export function itemAt(doc: A.Document, offset: number): A.TopItem | undefined {
  const items = doc.items;
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const r = items[mid].range;
    if (r.start.offset > offset) high = mid - 1;
    else if (r.end.offset < offset) low = mid + 1;
    else return items[mid];
  }
  return undefined;
}

export type AnyStatement = A.Statement | A.DoseStmt;

/** The innermost statement containing an offset, with its top-level item. */
export function statementAt(doc: A.Document, offset: number): { item?: A.TopItem; statement?: AnyStatement } {
  const item = itemAt(doc, offset);
  if (item?.kind === 'SiteDecl') {
    const contact = item.contacts.find((c) => inside(c.range, offset));
    return contact ? { item, statement: contact } : { item };
  }
  if (!item || !('statements' in item)) return { item };
  for (const s of item.statements as AnyStatement[]) {
    if (!inside(s.range, offset)) continue;
    if (s.kind === 'Receives') {
      const dose = s.doses.find((d) => inside(d.range, offset));
      if (dose) return { item, statement: dose };
    }
    if (s.kind === 'Population') {
      const inner = s.statements.find((x) => inside(x.range, offset));
      if (inner) return { item, statement: inner };
    }
    return { item, statement: s };
  }
  return { item };
}
