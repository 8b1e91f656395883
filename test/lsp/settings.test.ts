import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../server/lsp/protocol';
import { TestServer } from './harness';

const DOC = 'intervention x {\n  dose 10 mgg iv on day 1\n}\n';

describe('lsp: settings, read live', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  it('switching a rule group off (workspace/didChangeConfiguration) re-checks open documents without it', async () => {
    const doc = await server.open(DOC);
    const before = await server.diagnosticsFor(doc.uri);
    assert.ok(before.some((d) => d.code === 'unit-unknown'), JSON.stringify(before.map((d) => d.code)));
    const published = (server.diagnostics.get(doc.uri) ?? []).length;
    await server.setSettings({ ...structuredClone(DEFAULT_SETTINGS), rules: { units: false, schedule: true, registry: true } });
    const list = await server.until(() => {
      const all = server.diagnostics.get(doc.uri) ?? [];
      return all.length > published ? all[all.length - 1] : undefined;
    }, 're-published diagnostics');
    assert.ok(!list.diagnostics.some((d) => d.code === 'unit-unknown'), JSON.stringify(list.diagnostics.map((d) => d.code)));
    assert.ok(list.diagnostics.some((d) => d.code === 'registry-missing-element'), 'other groups still run');
  });

  it('severity overrides per code, and `off`', async () => {
    await server.setSettings({ ...structuredClone(DEFAULT_SETTINGS), severity: { 'unit-unknown': 'hint', 'registry-missing-element': 'off' } });
    const doc = await server.open(DOC);
    const diags = await server.diagnosticsFor(doc.uri);
    assert.strictEqual(diags.find((d) => d.code === 'unit-unknown')?.severity, 4);
    assert.ok(!diags.some((d) => d.code === 'registry-missing-element'));
    await server.setSettings(structuredClone(DEFAULT_SETTINGS));
  });
});
