/**
 * What an edit changed, as offsets: the part [start, oldEnd) of the previous text became the part
 * [start, newEnd) of the new one, and everything before and after it is unchanged. The editor
 * says where it changed the text (LSP change events), so the incremental parse (parse.ts) can start
 * from there instead of comparing the two texts from both ends (a pass over the whole document
 * per keystroke).
 */
export interface TextChange {
  start: number;
  /** End of the replaced part in the previous text. */
  oldEnd: number;
  /** End of the part that replaced it in the new text. */
  newEnd: number;
}

/** `removed` characters at `start` replaced by `inserted` characters. */
export function replacement(start: number, removed: number, inserted: number): TextChange {
  return { start, oldEnd: start + removed, newEnd: start + inserted };
}

/**
 * One change covering `first` followed by `second` (whose offsets are in the text `first` made):
 * the smallest part of the first text that holds both, what lies between them included.
 */
export function combine(first: TextChange, second: TextChange): TextChange {
  // The end of both in the middle text, taken back to the first text and on to the last one.
  const end = Math.max(first.newEnd, second.oldEnd);
  return {
    start: Math.min(first.start, second.start),
    oldEnd: end - first.newEnd + first.oldEnd,
    newEnd: end - second.oldEnd + second.newEnd,
  };
}

/** Whether `change` can describe an edit from a text of `beforeLength` to one of `afterLength` characters. */
export function fits(change: TextChange, beforeLength: number, afterLength: number): boolean {
  return (
    Number.isInteger(change.start) &&
    change.start >= 0 &&
    change.start <= change.oldEnd &&
    change.start <= change.newEnd &&
    change.oldEnd <= beforeLength &&
    beforeLength - change.oldEnd === afterLength - change.newEnd
  );
}
