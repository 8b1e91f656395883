/**
 * Seeded edits at random places, as a writer makes them: characters typed anywhere on a line
 * (inside texts, numbers, names, keywords), characters typed at a line start (which can make or
 * unmake a top-level item), newlines and `}` at block boundaries, backspaces, and multi-line
 * pastes of a copied block at a line start. Most edits are undone by the next one (so the
 * document stays about its size and goes back and forth between valid and broken states), the
 * others are kept.
 */
import { seededRandom } from './generate';

export interface Edit {
  /** Offset where the replaced text starts, its length and the text put in its place. */
  offset: number;
  remove: number;
  insert: string;
  kind: EditKind;
}

export type EditKind = 'type-in-line' | 'type-at-line-start' | 'block-boundary' | 'backspace' | 'paste-lines' | 'undo';

export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.offset) + e.insert + text.slice(e.offset + e.remove);
}

/** The edit that takes `applyEdit(text, e)` back to `text`. */
function undoOf(text: string, e: Edit): Edit {
  return { offset: e.offset, remove: e.insert.length, insert: text.slice(e.offset, e.offset + e.remove), kind: 'undo' };
}

const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789 "';

/** `count` edits applied one after the other, starting from `text` (each is relative to the text the previous ones made). */
export function seededEdits(text: string, count: number, seed = 42): Edit[] {
  const rand = seededRandom(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const out: Edit[] = [];
  let current = text;
  let lineStarts = starts(current);
  let pendingUndo: Edit | undefined;
  while (out.length < count) {
    let e: Edit;
    if (pendingUndo) {
      e = pendingUndo;
      pendingUndo = undefined;
    } else {
      const line = int(lineStarts.length - 1);
      const start = lineStarts[line]!;
      const end = (lineStarts[line + 1] ?? current.length + 1) - 1;
      const r = rand();
      if (r < 0.45) e = { offset: start + int(end - start + 1), remove: 0, insert: TYPED[int(TYPED.length)]!, kind: 'type-in-line' };
      else if (r < 0.6) e = { offset: start, remove: 0, insert: TYPED[int(TYPED.length - 1)]!, kind: 'type-at-line-start' };
      else if (r < 0.75) {
        // A block boundary: a line holding `}` or opening a top-level item; add a newline or a brace around it.
        let at = line;
        for (let k = 0; k < 200 && at < lineStarts.length - 1; k++, at++) {
          const c = current.charCodeAt(lineStarts[at]!);
          if (c === 125 /* } */ || (c >= 97 && c <= 122)) break;
        }
        const s = lineStarts[at]!;
        e = { offset: s, remove: 0, insert: rand() < 0.6 ? '\n' : '}\n', kind: 'block-boundary' };
      } else if (r < 0.9) {
        const at = start + int(end - start + 1);
        const n = Math.min(at, 1 + int(3));
        e = { offset: at - n, remove: n, insert: '', kind: 'backspace' };
      } else {
        // Copy 2–12 whole lines from elsewhere and paste them at a line start.
        const from = int(lineStarts.length - 13);
        const to = from + 2 + int(11);
        const copied = current.slice(lineStarts[from]!, lineStarts[to]!);
        e = { offset: start, remove: 0, insert: copied, kind: 'paste-lines' };
      }
      if (rand() < 0.7) pendingUndo = undoOf(current, e);
    }
    out.push(e);
    current = applyEdit(current, e);
    lineStarts = e.insert.includes('\n') || current.length !== text.length ? starts(current) : lineStarts;
  }
  return out;
}

function starts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
