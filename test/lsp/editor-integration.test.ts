/**
 * What other editors and a demanding VS Code user need from the server: snippets only for clients
 * that take them, code actions found by the diagnostic's own `data` (not its echoed range), completion
 * that opens on a typed space only where a value is expected and ranks what the document uses, and
 * diagnostic codes linked to their documentation.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { fileURLToPath } from 'url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol/node';
import { dedent, marked, TestServer } from './harness';

const complete = (server: TestServer, uri: string, position: { line: number; character: number }, trigger?: string) =>
  server.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position,
    context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
  });
const labels = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('lsp: editor integration', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  describe('snippetSupport', () => {
    it('a client with snippet support gets the block snippets; one without gets none, and no snippet syntax at all', async () => {
      const plain = await TestServer.start({ snippetSupport: false });
      try {
        const src = marked('<|>\n');
        const withSnippets = await server.open(src.text);
        const without = await plain.open(src.text);
        const a = await complete(server, withSnippets.uri, src.positions[0]);
        const b = await complete(plain, without.uri, src.positions[0]);
        assert.ok(a.items.some((i) => i.insertTextFormat === 2), 'VS Code-like client: snippets expected');
        assert.ok(b.items.length > 0, 'keywords are still offered');
        assert.ok(!b.items.some((i) => i.insertTextFormat === 2), 'a snippet went to a client without snippet support');
        for (const i of b.items) {
          const text = (i.textEdit as { newText?: string } | undefined)?.newText ?? i.insertText ?? i.label;
          assert.ok(!/\$\{?\d/.test(text) && !text.includes('\0'), `snippet syntax in ${i.label}: ${JSON.stringify(text)}`);
        }
      } finally {
        await plain.stop();
      }
    });
  });

  describe('code actions matched by data', () => {
    it('a quick fix is found when the client echoes the diagnostic range in byte columns (non-ASCII text before it)', async () => {
      const doc = await server.open('site "Hôpital Européen Georges-Pompidou" in "Paris", "Île-de-France", "France" status recruting\n');
      const diags = await server.diagnosticsFor(doc.uri);
      const word = diags.find((d) => d.code === 'word-unknown');
      assert.ok(word, JSON.stringify(diags.map((d) => d.code)));
      // What a byte-column client sends back: the same diagnostic, its columns counted in UTF-8 bytes (ô, é, Î: +3).
      const line = doc.text.split('\n')[word.range.start.line];
      const bytes = (ch: number) => Buffer.byteLength(line.slice(0, ch), 'utf8');
      const echoed: Diagnostic = JSON.parse(JSON.stringify(word));
      echoed.range = { start: { line: word.range.start.line, character: bytes(word.range.start.character) }, end: { line: word.range.end.line, character: bytes(word.range.end.character) } };
      assert.notDeepStrictEqual(echoed.range, word.range);
      // The cursor is on the misspelt word (the client's own cursor position is right).
      const cursor = { start: { ...word.range.start, character: word.range.start.character + 1 }, end: { ...word.range.start, character: word.range.start.character + 1 } };
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: cursor, context: { diagnostics: [echoed], only: ['quickfix'] } });
      const fix = actions.find((a) => /recruiting/.test(a.title));
      assert.ok(fix, `no quick fix; got: ${actions.map((a) => a.title).join(' | ')}`);
      // The edit is computed from the server's own range, not the echoed one.
      const edit = fix.edit!.changes![doc.uri][0];
      assert.deepStrictEqual(edit.range, word.range);
    });

    it('a stale diagnostic from another version is still filtered by the requested range', async () => {
      const doc = await server.open('site "A" in "Paris", "France" status recruting\n');
      const [word] = (await server.diagnosticsFor(doc.uri)).filter((d) => d.code === 'word-unknown');
      const stale: Diagnostic = { ...JSON.parse(JSON.stringify(word)), data: { code: 'word-unknown', version: -1 } };
      const elsewhere = { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } };
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: elsewhere, context: { diagnostics: [stale], only: ['quickfix'] } });
      assert.deepStrictEqual(actions, []);
    });
  });

  describe('completion while typing', () => {
    const DOC = dedent(`
      intervention a {
        type drug
        dose 5 mg/kg iv on day 1
        dose 2 mg/kg iv on day 8
      }
      arm one {
        label "One"
        type<|0|> <|1|>
        description <|2|>
        receives a
      }
      intervention b {
        type drug
        dose 10 <|3|>
        dose 10 mg <|4|>
      }
    `);

    it('a typed space after `type` lists the arm types', async () => {
      const src = marked(DOC.replace(/<\|\d\|>/g, (m) => (m === '<|1|>' ? '<|>' : '')));
      const doc = await server.open(src.text);
      const list = await complete(server, doc.uri, src.positions[0], ' ');
      assert.ok(labels(list.items).includes('experimental'), labels(list.items).join(', '));
      assert.ok(!list.items.some((i) => i.kind === 14 /* Keyword */), 'keywords after a space where a value is expected');
    });

    it('a typed space where no value is expected opens nothing (Ctrl+Space still offers the rest)', async () => {
      const src = marked(DOC.replace(/<\|\d\|>/g, (m) => (m === '<|2|>' ? '<|>' : '')));
      const doc = await server.open(src.text);
      assert.deepStrictEqual((await complete(server, doc.uri, src.positions[0], ' ')).items, []);
      const head = marked('arm x {\n  label "X"\n  <|>\n}\n');
      const d2 = await server.open(head.text);
      assert.deepStrictEqual((await complete(server, d2.uri, head.positions[0], ' ')).items, []);
      assert.ok((await complete(server, d2.uri, head.positions[0])).items.length > 0, 'invoked completion offers the statement heads');
    });

    it('after a dose amount: units, the ones the document already uses first', async () => {
      const src = marked(DOC.replace(/<\|\d\|>/g, (m) => (m === '<|3|>' ? '<|>' : '')));
      const doc = await server.open(src.text);
      const list = await complete(server, doc.uri, src.positions[0], ' ');
      const ranked = labels(list.items);
      assert.strictEqual(ranked[0], 'mg/kg', `the unit used twice should come first: ${ranked.slice(0, 8).join(', ')}`);
      assert.ok(ranked.includes('mg'), ranked.slice(0, 20).join(', '));
    });

    it('after a dose unit: routes, the route the document uses first', async () => {
      const src = marked(DOC.replace(/<\|\d\|>/g, (m) => (m === '<|4|>' ? '<|>' : '')));
      const doc = await server.open(src.text);
      const list = await complete(server, doc.uri, src.positions[0], ' ');
      const ranked = labels(list.items);
      assert.strictEqual(ranked[0], 'iv', ranked.slice(0, 8).join(', '));
      assert.ok(ranked.includes('oral'));
    });

    it('the server declares a space among its trigger characters', () => {
      assert.ok(server.capabilities.completionProvider?.triggerCharacters?.includes(' '));
    });
  });

  describe('codeDescription', () => {
    it('every diagnostic code links to its section of the shipped docs/diagnostics.md', async () => {
      const doc = await server.open('site "A" in "Paris", "France" status recruting\n');
      const diags = await server.diagnosticsFor(doc.uri);
      assert.ok(diags.length >= 2);
      for (const d of diags) {
        const href = d.codeDescription?.href;
        assert.ok(href, `${d.code} has no codeDescription`);
        const [file, fragment] = href.split('#');
        const lines = fs.readFileSync(fileURLToPath(file), 'utf8').split('\n');
        const line = Number(/^L(\d+)$/.exec(fragment)?.[1]);
        assert.match(lines[line - 1], new RegExp('^#+ `' + d.code + '`'), `${href} is not the heading of ${d.code}`);
      }
    });
  });
});

describe('lsp: trial/checkFiles (the trial task)', function () {
  it('checks open documents as edited and other files as saved, with severities in words', async () => {
    const fs2 = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const { pathToFileURL } = await import('url');
    const dir = fs2.mkdtempSync(path.join(os.tmpdir(), 'trial-check-files-'));
    const server = await TestServer.start({ workspaceFolder: dir });
    try {
      const saved = path.join(dir, 'saved.trial');
      fs2.writeFileSync(saved, 'site "A" in "Paris", "France" status recruting\n');
      const open = await server.open('site "B" in "Paris", "France" status recruiting\n');
      const result = await server.request<{ files: { uri: string; diagnostics: { line: number; severity: string; code: string }[]; error?: string }[] }>(
        'trial/checkFiles', { uris: [pathToFileURL(saved).href, open.uri, pathToFileURL(path.join(dir, 'missing.trial')).href] });
      assert.strictEqual(result.files.length, 3);
      assert.ok(result.files[0].diagnostics.some((d) => d.code === 'word-unknown' && d.severity === 'error'), JSON.stringify(result.files[0]));
      assert.ok(!result.files[1].diagnostics.some((d) => d.code === 'word-unknown'), 'the open document was not checked as edited');
      assert.ok(result.files[2].error, 'a missing file is reported, not thrown');
    } finally {
      await server.stop();
      fs2.rmSync(dir, { recursive: true, force: true });
    }
  });
});
