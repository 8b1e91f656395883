/** A misbehaving client (issue 8): bad initialize parameters, requests for unopened documents, corrupt bytes, CR documents. */
import * as assert from 'assert';
import { spawn } from 'child_process';
import { NODE_FLAGS, SERVER, TestServer, ensureBundle } from './harness';

describe('lsp: robustness against a misbehaving client', function () {
  this.timeout(30000);

  it('initialize with malformed parameters still answers with the capabilities (utf-16 positions)', async () => {
    for (const initialize of [
      { processId: null, capabilities: 'nonsense', workspaceFolders: { not: 'a list' }, rootUri: 42 },
      { processId: null, capabilities: {}, workspaceFolders: [null, 7, { uri: 5 }, { uri: 'file://%zz' }], rootUri: null },
      // vscode-languageserver reads these before our handler: mended on the way in (well-formed-initialize.ts).
      { processId: 'me', capabilities: null, workspaceFolders: 'not a list', initializationOptions: null },
      { capabilities: [], trace: 7 },
      null,
      [],
    ]) {
      const server = await TestServer.start({ initialize });
      try {
        assert.strictEqual(server.capabilities.positionEncoding, 'utf-16');
        assert.ok(server.capabilities.hoverProvider);
        assert.ok(!server.logs.some((l) => /is not a function|TypeError|Cannot read/.test(l)), server.logs.join('\n'));
        // And it serves: a document opened afterwards is checked.
        const { uri } = await server.open('trial {\n  phase banana\n}\n');
        assert.ok((await server.diagnosticsFor(uri)).some((d) => String(d.message).includes('banana')));
      } finally {
        await server.stop();
      }
    }
  });

  it('requests for an unopened document answer empty results with one log line each, no stack trace', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///never/opened.trial';
      const pos = { line: 0, character: 0 };
      assert.strictEqual(await server.request('textDocument/hover', { textDocument: { uri }, position: pos }), null);
      assert.deepStrictEqual(await server.request('textDocument/definition', { textDocument: { uri }, position: pos }), []);
      assert.deepStrictEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepStrictEqual(await server.request('textDocument/hover', {}), null);
      const timeline = await server.request<{ rows: unknown[] }>('trial/timeline', { uri });
      assert.deepStrictEqual(timeline.rows, []);
      const imported = await server.request<{ ok: boolean }>('trial/importRecord', { recordPath: 5 });
      assert.strictEqual(imported.ok, false);
      await server.until(() => server.logs.some((l) => l.includes('is not open')), 'the log line');
      assert.ok(!server.logs.some((l) => /\n\s+at /.test(l)), server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });

  it('a CR-only document: diagnostics on the editor\'s lines', async () => {
    const server = await TestServer.start();
    try {
      const { uri } = await server.open('trial {\r  brief title "A"\r  phase banana\r}\r');
      const diags = await server.diagnosticsFor(uri);
      const banana = diags.find((d) => String(d.message).includes('banana'));
      assert.ok(banana, JSON.stringify(diags));
      assert.strictEqual(banana.range.start.line, 2);
      assert.strictEqual(banana.range.start.character, 8);
    } finally {
      await server.stop();
    }
  });

  it('completion at line 10⁹ answers at once, and diagnostics keep flowing', async () => {
    const server = await TestServer.start();
    try {
      const { uri } = await server.open('intervention x {\n' + '  dose 1 mg oral once\n'.repeat(20000));
      await server.diagnosticsFor(uri);
      const list = await server.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 1_000_000_000, character: 1_000_000_000 } });
      assert.ok(Array.isArray(list.items));
    } finally {
      await server.stop();
    }
  });

  it('corrupt bytes on stdin: the server says why on stderr and exits (does not linger)', async () => {
    ensureBundle();
    const child = spawn(process.execPath, [...NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // stdin stays open: the server must leave on its own.
    child.stdin.write(Buffer.from('garbage\r\n\r\n\u0000\u00ff nonsense', 'latin1'));
    const code = await exited;
    assert.strictEqual(code, 1);
    assert.match(stderr, /unreadable input on stdin/);
  });
});
