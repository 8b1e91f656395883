import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/checks';
import { dedent, EXAMPLES, TestServer } from './harness';

describe('lsp: lifecycle and diagnostics', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  it('initialize announces every feature', () => {
    const c = server.capabilities;
    assert.deepStrictEqual(c.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    for (const key of [
      'completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider',
      'foldingRangeProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'semanticTokensProvider',
      'codeActionProvider', 'documentLinkProvider',
    ] as const) {
      assert.ok(c[key], `missing ${key}`);
    }
    assert.deepStrictEqual((c.renameProvider as { prepareProvider: boolean }).prepareProvider, true);
  });

  it('didOpen publishes diagnostics with codes, source and exact ranges, and trial/status', async () => {
    const doc = await server.open(dedent(`
      intervention x {
        dose 10 mg <|wobble|> on day 1
      }
    `));
    const diags = await server.diagnosticsFor(doc.uri);
    const unknown = diags.find((d) => d.code === 'dose-unknown-word');
    assert.ok(unknown, JSON.stringify(diags));
    assert.strictEqual(unknown.source, 'trial');
    assert.deepStrictEqual(unknown.range, doc.ranges[0]);
    assert.strictEqual((unknown.data as { code: string }).code, 'dose-unknown-word');
    const status = await server.until(() => server.statuses.find((s) => s.uri === doc.uri), 'trial/status');
    assert.strictEqual(status.errors, diags.filter((d) => d.severity === 1).length);
    assert.strictEqual(status.warnings, diags.filter((d) => d.severity === 2).length);
  });

  it('didChange (incremental) publishes the diagnostics of the new version', async () => {
    const doc = await server.open(dedent(`
      intervention x {
        dose 10 mg <|wobble|> on day 1
      }
    `));
    await server.diagnosticsFor(doc.uri);
    const version = await server.change(doc.uri, [{ range: doc.ranges[0], text: 'iv' }]);
    const after = await server.diagnosticsFor(doc.uri, version);
    assert.ok(!after.some((d) => d.code === 'dose-unknown-word'), JSON.stringify(after));
  });

  it('a burst of edits is checked once, for the last version (stale checks are dropped)', async () => {
    const doc = await server.open('intervention x {\n  dose 10 mg iv on day 1\n}\n');
    await server.diagnosticsFor(doc.uri);
    const before = (server.diagnostics.get(doc.uri) ?? []).length;
    let version = 0;
    // Twenty keystrokes sent back to back, as a fast typist's editor sends them.
    const sends: Promise<number>[] = [];
    for (let i = 0; i < 20; i++) sends.push(server.change(doc.uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]));
    version = Math.max(...(await Promise.all(sends)));
    await server.diagnosticsFor(doc.uri, version);
    const published = (server.diagnostics.get(doc.uri) ?? []).slice(before);
    assert.ok(published.length < 20, `published ${published.length} times for 20 edits`);
    assert.strictEqual(published[published.length - 1].version, version);
    // Versions only increase: an older check never overwrites a newer one.
    for (let i = 1; i < published.length; i++) assert.ok(published[i].version! > published[i - 1].version!);
  });

  it('after many incremental edits (re-using unchanged segments) the diagnostics equal a fresh check of the text', async () => {
    let text = fs.readFileSync(path.join(EXAMPLES, 'ZEPHYR-1.trial'), 'utf8');
    const doc = await server.open(text);
    await server.diagnosticsFor(doc.uri);
    const lines = () => text.split('\n');
    let seed = 3;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let version = 0;
    for (let i = 0; i < 60; i++) {
      const ls = lines();
      const line = rand(ls.length);
      const character = rand(ls[line].length + 1);
      // Insert or delete: letters, digits, braces, quotes, newlines — valid and broken states alike.
      const insert = ['x', '1', ' ', '{', '}', '"', '\n', 'mg', 'dose ', ''][rand(10)];
      const deleteLength = insert === '' ? Math.min(3, ls[line].length - character) : 0;
      const offset = ls.slice(0, line).reduce((a, l) => a + l.length + 1, 0) + character;
      text = text.slice(0, offset) + insert + text.slice(offset + deleteLength);
      version = await server.change(doc.uri, [{ range: { start: { line, character }, end: { line, character: character + deleteLength } }, text: insert }]);
      if (i % 10 === 9) await server.diagnosticsFor(doc.uri, version);
    }
    const published = await server.diagnosticsFor(doc.uri, version);
    const key = (d: { code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: unknown }) =>
      `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    const fresh = checkText(text).diagnostics;
    assert.deepStrictEqual(published.map(key), fresh.map(key));
  });

  it('didClose clears the diagnostics', async () => {
    const doc = await server.open('arm a {\n  receives nothing_here\n}\n');
    await server.diagnosticsFor(doc.uri);
    await server.close(doc.uri);
    await server.until(() => {
      const list = server.diagnostics.get(doc.uri) ?? [];
      return list.length > 0 && list[list.length - 1].diagnostics.length === 0 && list[list.length - 1].version === undefined;
    }, 'the diagnostics to be cleared');
  });

  it('the example gets checked: every diagnostic has a code', async () => {
    const { uri } = await server.openExample('NCT04743739.trial');
    const diags = await server.diagnosticsFor(uri);
    for (const d of diags) assert.ok(typeof d.code === 'string' && d.code.length > 0);
  });
});
