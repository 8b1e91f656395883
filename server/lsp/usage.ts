/**
 * What the document already uses: how often each word sequence (1 to 3 words, lower case) appears in
 * its code, outside texts and comments. Completion ranks the values a writer already chose first
 * (the unit, route or registry word used elsewhere in the protocol). One pass over the text; cached
 * per document version by the caller.
 */
import { stripTextsAndComment } from './context';

export const MAX_WORDS = 3;

export function documentUsage(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let inTriple = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    // Triple-quoted texts span lines: skip their inside, keep the code before an opening `"""`.
    const triples = line.split('"""').length - 1;
    if (inTriple) {
      if (triples % 2 === 1) inTriple = false;
      continue;
    }
    if (triples % 2 === 1) {
      inTriple = true;
      line = line.slice(0, line.indexOf('"""'));
    }
    const words = stripTextsAndComment(line).toLowerCase().split(/[\s,{}"]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      let key = '';
      for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
        key = n === 0 ? words[i] : `${key} ${words[i + n]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
