/**
 * The dependency rules of docs/ARCHITECTURE.md, read from the sources' import statements:
 * grammar ← server core ← LSP adapters / CLI ← client; the core never imports the editor or LSP
 * libraries; the checks never import export code. A rule broken in any source file fails here with
 * the file and the import that breaks it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(rel));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every module a file imports (static, `import(…)` and `require(…)`), relative ones as repo paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? path.join(path.dirname(file), s) : s));
}

function violations(files: string[], forbidden: (spec: string) => boolean): string[] {
  return files.flatMap((f) => importsOf(f).filter(forbidden).map((s) => `${f} imports ${s}`));
}

const under = (dir: string) => (spec: string) => spec === dir || spec.startsWith(dir + path.sep) || spec.startsWith(dir + '/');
const editorLibrary = (spec: string) => spec === 'vscode' || spec.startsWith('vscode-languageserver') || spec.startsWith('vscode-languageclient') || spec.startsWith('vscode-jsonrpc');

describe('architecture: dependencies flow one way', () => {
  const grammar = sources('grammar');
  const server = sources('server');
  const core = server.filter((f) => !under('server/lsp')(f) && !under('server/cli')(f));
  const checks = server.filter(under('server/checks'));

  it('the file lists are not empty (the test reads the real tree)', () => {
    assert.ok(grammar.length > 5 && core.length > 50 && checks.length > 30, `${grammar.length} / ${core.length} / ${checks.length}`);
  });

  it('grammar imports nothing of server/ or client/, nor an editor library', () => {
    assert.deepEqual(violations(grammar, (s) => under('server')(s) || under('client')(s) || editorLibrary(s)), []);
  });

  it('the server core never imports vscode or LSP types, nor the LSP adapters, the CLI or the client', () => {
    assert.deepEqual(violations(core, (s) => editorLibrary(s) || under('server/lsp')(s) || under('server/cli')(s) || under('client')(s)), []);
  });

  it('the checks never import export code', () => {
    assert.deepEqual(violations(checks, under('server/export')), []);
  });

  it('the server never imports the client', () => {
    assert.deepEqual(violations(server, under('client')), []);
  });
});
