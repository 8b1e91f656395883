/**
 * Placeholders: what a quick fix (or the New Protocol template) writes where only the writer knows
 * the value. `TODO` stands for a registry word, a yes/no, a date, an enrollment or the ages
 * (`start TODO`, `enrollment TODO`, `age TODO`, `masking TODO`); a text is a placeholder when it
 * starts with the word TODO (`"TODO"`, `"TODO: the full scientific title"`). The check
 * `placeholder-value` reports every one, and the export refuses while one is left.
 */

/** The placeholder word, as a quick fix writes it. */
export const PLACEHOLDER = 'TODO';

/** `TODO` in any case, as a word or a date/number position. */
export function isPlaceholderWord(word: string): boolean {
  return /^todo$/i.test(word.trim());
}

/** A text that starts with the word TODO: `"TODO"`, `"TODO: a short title"`, `"TODO-001"`. */
export function isPlaceholderText(text: string): boolean {
  return /^\s*todo\b/i.test(text);
}
