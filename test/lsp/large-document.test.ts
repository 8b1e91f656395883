/**
 * The document-size policy and work in parts over a real LSP connection (issue 8), by order and
 * count of messages, never by time: while a large document is analysed, a hover about another
 * document is answered before the large one's diagnostics, a cancelled request about the large one
 * is answered (cancelled) before them too, an edit meanwhile is the only version published; beyond
 * the limit the service is reduced and says so.
 */
import * as assert from 'assert';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { LARGE_DOCUMENT_CHARS } from '../../server/lsp/size-policy';
import { readExample } from '../helpers/paths';
import { TestServer } from './harness';

/** The example's items repeated with fresh ids until the text is over `chars`. */
function largeProtocol(chars: number): string {
  const example = readExample('NCT04743739.trial');
  const body = example.replace(/^trial \{[\s\S]*?\n\}\n/m, '');
  const parts = [example];
  let length = example.length;
  for (let i = 1; length <= chars; i++) {
    const copy = '\n' + body.replace(/\b(intervention|arm|measure|receives) ([a-z_]+)/g, `$1 $2_${i}`);
    parts.push(copy);
    length += copy.length;
  }
  return parts.join('');
}

describe('lsp: large documents (size policy, analysis in parts)', function () {
  this.timeout(120_000);
  const LARGE = largeProtocol(LARGE_DOCUMENT_CHARS + 200_000);
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => server.stop());

  const started = (uri: string) => server.until(() => server.logs.some((l) => l.startsWith(`${uri}: `) && l.includes('analysed in parts')), 'the analysis in parts to start', 60_000);
  const published = (uri: string) => server.until(() => (server.diagnostics.get(uri) ?? []).length > 0, `diagnostics of ${uri}`, 60_000);

  it('requests about another document and cancellations are answered before the large document\'s diagnostics', async () => {
    const small = await server.open('measure anc "Absolute neutrophil count" unit 10*9/L\n');
    await server.diagnosticsFor(small.uri);
    const order: string[] = [];
    const large = await server.open(LARGE, 'large.trial');
    void published(large.uri).then(() => order.push('large diagnostics'));
    await started(large.uri);
    const cancel = new CancellationTokenSource();
    const cancelled = server.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: large.uri }, position: { line: 3, character: 3 } }, cancel.token)
      .then(() => order.push('large hover answered'), (e: { code?: number }) => order.push(`large hover error ${e.code}`));
    cancel.cancel();
    const other = server.request<Hover | null>('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 9 } })
      .then((h) => order.push(h ? 'other hover' : 'other hover empty'));
    const measureLine = LARGE.split('\n').findIndex((l) => l.startsWith('measure '));
    const waiting = server.request<Hover | null>('textDocument/hover', { textDocument: { uri: large.uri }, position: { line: measureLine, character: 9 } });
    await Promise.all([cancelled, other, published(large.uri)]);
    assert.deepStrictEqual(order, ['large hover error -32800', 'other hover', 'large diagnostics']);
    // A request about the large document itself waits for its analysis and then answers.
    assert.ok(await waiting, 'the hover on a measure of the large document');
  });

  it('an edit during the analysis: only the edited version is published', async () => {
    const large = await server.open(LARGE, 'large.trial');
    await started(large.uri);
    const version = await server.change(large.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
    await server.diagnosticsFor(large.uri, version);
    // Two more event-loop rounds of the server: nothing older comes after.
    await server.request('textDocument/documentSymbol', { textDocument: { uri: large.uri } });
    assert.deepStrictEqual((server.diagnostics.get(large.uri) ?? []).map((p) => p.version), [version]);
  });

  it('beyond the limit: syntax errors and document-too-large on the first line; reduced features, export refused with the reason', async () => {
    // A parse error (a word that is no route or frequency) and a rule finding (a unit UCUM does not know).
    const broken = LARGE.replace('intervention rituximab {', 'intervention rituximab {\n  dose 1000 mg oral banana\n  dose 10 mgg iv on day 1');
    const large = await server.open(broken, 'large.trial');
    const diagnostics = await server.diagnosticsFor(large.uri);
    const size = diagnostics.filter((d) => d.code === 'document-too-large');
    assert.strictEqual(size.length, 1);
    assert.strictEqual(size[0]!.range.start.line, 0);
    assert.match(String(size[0]!.message), /only syntax is checked/);
    assert.ok(diagnostics.some((d) => d.code === 'dose-unknown-word'), 'the parse errors are shown');
    assert.ok(!diagnostics.some((d) => d.code === 'unit-unknown'), 'the rule checks did not run');
    const uri = large.uri;
    assert.deepStrictEqual(await server.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
    assert.deepStrictEqual(await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } }), []);
    assert.deepStrictEqual(await server.request('textDocument/codeLens', { textDocument: { uri } }), []);
    const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 100, 'the outline still works');
    const exported = await server.request<{ ok: boolean; reason?: string }>('trial/exportRecord', { uri });
    assert.strictEqual(exported.ok, false);
    assert.match(exported.reason ?? '', /size limit.*trial export/);
  });

  it('under the limit, analysed in parts: the same diagnostics as the checks of the whole text at once', async () => {
    const medium = largeProtocol(400_000).replace('intervention rituximab {', 'intervention rituximab {\n  dose 10 mgg iv on day 1');
    const inParts = await server.open(medium, 'medium.trial');
    await started(inParts.uri);
    const a = await server.diagnosticsFor(inParts.uri);
    assert.ok(a.some((d) => d.code === 'unit-unknown'), 'the rule checks ran');
    assert.ok(!a.some((d) => d.code === 'document-too-large'));
    // The same text arriving as an edit of an analysed document is parsed in one go (incremental path).
    const whole = await server.open('trial {\n}\n', 'whole.trial');
    await server.diagnosticsFor(whole.uri);
    const v = await server.change(whole.uri, [{ text: medium }]);
    const b = await server.diagnosticsFor(whole.uri, v);
    assert.deepStrictEqual(a.map((d) => [d.code, d.range, d.message]), b.map((d) => [d.code, d.range, d.message]));
  });
});
