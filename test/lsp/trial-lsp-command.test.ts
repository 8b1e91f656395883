/** `trial lsp`: the same server over stdio from the CLI, for editors other than VS Code. */
import * as assert from 'assert';
import * as path from 'path';
import { ROOT, TestServer } from './harness';

describe('lsp: the `trial lsp` command', function () {
  it('serves over stdio: initialize, diagnostics with codes and doc links, shutdown and exit 0', async () => {
    const server = await TestServer.start({ serverArgs: [path.join(ROOT, 'dist', 'cli.js'), 'lsp'] });
    assert.ok(server.capabilities.completionProvider && server.capabilities.inlayHintProvider && server.capabilities.codeLensProvider);
    const doc = await server.open('site "A" in "Paris", "France" status recruting\n');
    const diags = await server.diagnosticsFor(doc.uri);
    const word = diags.find((d) => d.code === 'word-unknown');
    assert.ok(word?.codeDescription?.href?.includes('/docs/diagnostics.md#L'), JSON.stringify(word));
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    await server.request('shutdown', null);
    await server.connection.sendNotification('exit');
    assert.strictEqual(await exited, 0);
  });
});
