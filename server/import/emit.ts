/** Writing `.trial` syntax: quoted texts, identifiers, registry words. */
import { dedent } from '../../grammar/build-ast';
import { KEYWORDS } from '../../grammar/tokens';

/** A one-line quoted text: `\` → `\\`, `"` → `\"`, line breaks → `\n`. */
export function quote(s: string): string {
  return `"${s.replace(/\r\n?/g, '\n').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * A text value at `indent`: triple-quoted when it has several lines and reads back exactly
 * (the grammar de-indents and trims line ends), otherwise one quoted line with `\n` escapes.
 */
export function textValue(s: string, indent: string): string {
  if (s.includes('\n') && !s.includes('"""') && !s.includes('\r')) {
    const inner = `${indent}  `;
    const body = s.split('\n').map((l) => (l.length > 0 ? inner + l : '')).join('\n');
    const written = `"""\n${body}\n${indent}"""`;
    if (dedent(written.slice(3, -3)) === s) return written;
  }
  return quote(s);
}

const KEYWORD_SET = new Set<string>(KEYWORDS);

/** Identifiers from names: ASCII lower case, `_` between words, never a keyword, unique in `taken`. */
export function identifierFor(name: string, fallback: string, taken: Set<string>): string {
  let id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id.length > 40) {
    const cut = id.slice(0, 40);
    id = cut.includes('_') ? cut.slice(0, cut.lastIndexOf('_')) : cut;
  }
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `${fallback}_${id}`;
  if (KEYWORD_SET.has(id)) id = `${id}_${fallback}`;
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}_${n}`;
  taken.add(unique);
  return unique;
}
