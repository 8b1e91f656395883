/**
 * Placeholders left in the protocol (grammar/placeholder.ts): a `TODO` where a registry word, a
 * yes/no, a date, the enrollment or the ages belong, and a text that starts with the word TODO.
 * Quick fixes and the New Protocol template write them where only the writer knows the value; the
 * export refuses while one is left (server/checks/export-blocking.ts), so each is an error at its
 * exact place.
 *
 * Per item. Texts are found by walking the item's nodes: a located value whose source starts with
 * a quote is a text (read from the item's own range of the document). Words, dates, the enrollment
 * and the ages are the positions the grammar gives a placeholder.
 */
import type * as A from '../../../../grammar/ast';
import { isPlaceholderText, isPlaceholderWord } from '../../../../grammar/placeholder';
import { itemRule, type TextReader } from '../../types';
import { forEachWordUse } from '../names/word-unknown';

type Loc = A.Located<string>;

function isLocatedString(x: unknown): x is Loc {
  return typeof x === 'object' && x !== null && typeof (x as Loc).value === 'string' && typeof (x as Loc).range === 'object';
}

/** Every located string of a node tree (ranges are not walked), in source order of the tree. */
function locatedStrings(root: unknown): Loc[] {
  const out: Loc[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (isLocatedString(node)) out.push(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'range' && typeof value === 'object') stack.push(value);
  }
  return out;
}

function pushWords(words: Loc, _kind: unknown, out: Loc[]): void {
  out.push(words);
}

/** The placeholder positions that are not texts: registry words, dates, the enrollment, the ages. */
function wordPlaces(item: A.TopItem): Loc[] {
  const out: Loc[] = [];
  forEachWordUse(item, pushWords, out, undefined);
  if (item.kind === 'TrialBlock') {
    for (const s of item.statements) {
      if (s.kind === 'Date' || s.kind === 'Verified') out.push(s.date);
      else if (s.kind === 'Enrollment' && s.placeholder) out.push(s.placeholder);
    }
  }
  if (item.kind === 'EligibilityBlock') for (const s of item.statements) if (s.kind === 'Age' && s.placeholder) out.push(s.placeholder);
  return out;
}

/**
 * Every placeholder has the letters `todo` in the item's source: a word or date position holds
 * `TODO` itself, and a text's value differs from its source only by the escapes `\"`, `\\` and
 * `\n`, which cannot make them. So an item whose source lacks them — nearly every item — has no
 * placeholder, and one scan of its text replaces the walk over its nodes.
 */
const TODO = /todo/i;

function mayHavePlaceholder(item: A.TopItem, text: TextReader): boolean {
  return TODO.test(text.slice(item.range.start.offset, item.range.end.offset));
}

export const placeholderValue = itemRule({
  code: 'placeholder-value',
  group: 'names',
  defaultSeverity: 'error',
  doc: { summary: 'A placeholder (`TODO`, a text starting with TODO) is left where the writer has to give the value.' },
  kinds: ['TrialBlock', 'DesignBlock', 'SponsorsBlock', 'MeasureDecl', 'InterventionBlock', 'ArmBlock', 'EligibilityBlock', 'OutcomeBlock', 'ScheduleBlock', 'SiteDecl', 'ReferenceDecl', 'LinkDecl', 'OversightBlock', 'IpdSharingBlock'],
  checkItem(item, _model, report, ctx) {
    // The item's part of the text only (the editor's document is kept in pieces: `source`).
    if (!mayHavePlaceholder(item, ctx.source)) return;
    const reported = new Set<Loc>();
    for (const w of wordPlaces(item)) {
      if (!isPlaceholderWord(w.value)) continue;
      ctx.at(w.range);
      reported.add(w);
      report(w.range, `'${ctx.text.slice(w.range.start.offset, w.range.end.offset)}' is a placeholder: write the value (the export refuses while a placeholder is left)`, { placeholder: w.value });
    }
    for (const t of locatedStrings(item)) {
      if (reported.has(t) || ctx.text.charCodeAt(t.range.start.offset) !== 34 /* " */ || !isPlaceholderText(t.value)) continue;
      ctx.at(t.range);
      const shown = t.value.trim().length > 40 ? `${t.value.trim().slice(0, 40)}…` : t.value.trim();
      report(t.range, `"${shown}" is a placeholder: write the text (the export refuses while a placeholder is left)`, { placeholder: t.value });
    }
  },
});
