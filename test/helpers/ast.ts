/** AST comparison helpers: equality "ranges aside", as the formatter's meaning-preservation promise says. */
import type { Document } from '../../grammar/ast';

const RANGE_KEYS = new Set(['range', 'keyword', 'overrideBlock', 'nameRange']);

/** The AST as plain data with every range replaced by a marker (presence still counts). */
export function withoutRanges(doc: Document): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value) => (RANGE_KEYS.has(key) ? '<range>' : value)));
}
