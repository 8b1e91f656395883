/**
 * Where each diagnostic code is documented: `docs/diagnostics.md`, shipped beside the server (in the
 * repository and in the .vsix: `<root>/dist/server.js` → `<root>/docs/diagnostics.md`). Each
 * `## \`code\`` heading becomes the diagnostic's `codeDescription.href`, a file URI with a `#L<line>`
 * fragment (VS Code opens the file at that line; other editors open the file). Read once, lazily;
 * without the file (a bundle copied elsewhere) diagnostics simply carry no link.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let links: Map<string, string> | undefined;

/** The docs file: beside the bundle (dist/ → ../docs) or beside the compiled sources (out/server/lsp → ../../../docs). */
export function diagnosticsDocPath(): string | undefined {
  for (const up of ['..', '../../..']) {
    const candidate = path.resolve(__dirname, up, 'docs', 'diagnostics.md');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** code → link, from the headings of the docs file (a code documented twice links to its first section). */
export function parseCodeHeadings(markdown: string, fileUrl: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^#{2,4}\s+`([a-z0-9-]+)`/.exec(lines[i]);
    if (m && !out.has(m[1])) out.set(m[1], `${fileUrl}#L${i + 1}`);
  }
  return out;
}

export function codeDocLink(code: string): string | undefined {
  if (!links) {
    const file = diagnosticsDocPath();
    links = file ? parseCodeHeadings(readFileSync(file, 'utf8'), pathToFileURL(file).href) : new Map();
  }
  return links.get(code);
}
