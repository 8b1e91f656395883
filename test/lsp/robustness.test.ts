import * as assert from 'assert';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { TestServer } from './harness';

describe('lsp: a provider that throws never kills the server', function () {
  let server: TestServer;
  before(async () => {
    // TRIAL_LSP_FAULT makes the named provider throw (a test hook of server/lsp/server.ts).
    server = await TestServer.start({ env: { TRIAL_LSP_FAULT: 'hover' } });
  });
  after(async () => server.stop());

  it('the throwing provider answers empty, the error is logged, and the server keeps serving', async () => {
    const doc = await server.open('arm a {\n  receives x\n}\n');
    await server.diagnosticsFor(doc.uri);
    const h = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 1, character: 12 } });
    assert.strictEqual(h, null);
    await server.until(() => server.logs.some((l) => /hover failed: Error: fault injected/.test(l)), 'the log line');
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: 2, character: 1 } });
    assert.ok(Array.isArray(list.items));
    assert.strictEqual(server.process.exitCode, null);
  });

  it('a request on a document that is not open is answered empty, not with a crash', async () => {
    const uri = server.uri('never-opened.trial');
    assert.deepStrictEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepStrictEqual(await server.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
    assert.strictEqual(server.process.exitCode, null);
  });

  it('hostile text: every feature answers on a file of garbage', async () => {
    const doc = await server.open('}}} {{ "unterminated\n arm { receives\n dose 1 to mg/ / /\n"""\nnever closed');
    await server.diagnosticsFor(doc.uri);
    const id = { textDocument: { uri: doc.uri } };
    for (const [method, extra] of [
      ['textDocument/documentSymbol', {}], ['textDocument/foldingRange', {}], ['textDocument/semanticTokens/full', {}],
      ['textDocument/documentLink', {}], ['textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/completion', { position: { line: 2, character: 14 } }], ['textDocument/completion', { position: { line: 4, character: 3 } }],
    ] as [string, object][]) {
      await server.request(method, { ...id, ...extra });
    }
    assert.strictEqual(server.process.exitCode, null);
  });
});
