/**
 * Document text inside the Markdown the server sends (hovers): a protocol's labels, names and
 * units are the writer's — or an imported record's — words, never Markdown. Written as is, a label
 * `![x](http://…)` would load a remote image in the hover, `[x](command:…)` would render a link,
 * `<img onerror>` would reach a client that renders HTML, and a backtick would break out of a code
 * span. Every document-derived piece goes through one of these two functions; the static wording
 * around them is the server's own Markdown.
 */

/** Line breaks become spaces: a document text is one inline run, so it can never start a block (`#`, `>`, a list, a code block). */
function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/**
 * The ASCII punctuation Markdown reads as syntax in an inline run: emphasis `* _ ~`, code `` ` ``,
 * links and images `! [ ] ( )`, HTML and autolinks `< >`, entities `&`, autolinks without brackets
 * (`http:` needs `:`, `www.` and `a@b.c` need `.`, `@`), tables `|`, braces and carets of extensions,
 * VS Code's `$(icon)`, and the backslash itself. (`, ; / ' " ? = %` are never syntax on their own, so
 * `mg/kg/d` stays readable in clients that show the Markdown source.)
 */
const SYNTAX = /[!#$&()*+\-.:<>@[\\\]^_`{|}~]/g;

/** Inline text that renders exactly as written: each syntax character backslash-escaped (CommonMark allows the escape on every ASCII punctuation mark). */
export function mdText(s: string | number): string {
  return oneLine(String(s)).replace(SYNTAX, '\\$&');
}

/**
 * A code span holding the text as written: inside a code span nothing is Markdown (not even a
 * backslash), so the only way out is a backtick run as long as the fence — the fence is one longer
 * than the longest run in the text, padded with a space where the text starts or ends with a backtick.
 */
export function mdCode(s: string | number): string {
  const text = oneLine(String(s));
  if (text === '') return ''; // no empty code span exists: two backticks would be text
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
