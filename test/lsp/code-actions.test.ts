import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, dedent, TestServer } from './harness';

const DOC = dedent(`
  measure m "M" unit mg/dL
  eligibility {
    age any
    sex all
    include zz > 3 mg/dL
  }
`);

describe('lsp: code actions', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  async function actionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  }

  it('the quick fix the checks offer, chosen through diagnostic.data, removes the diagnostic', async () => {
    const doc = await server.open(DOC);
    const diags = await server.diagnosticsFor(doc.uri);
    const undefinedName = diags.find((d) => d.code === 'name-undefined');
    assert.ok(undefinedName, JSON.stringify(diags.map((d) => d.code)));
    // The client sends `data` back untouched (JSON round trip).
    const actions = await actionsFor(doc.uri, JSON.parse(JSON.stringify(undefinedName)));
    const fix = actions.find((a) => a.title === "Change to 'm'");
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual((fix.diagnostics ?? [])[0]?.code, 'name-undefined');
    const fixed = applyEdits(doc.text, fix.edit!.changes![doc.uri]);
    assert.match(fixed, /include m > 3 mg\/dL/);
    const version = await server.change(doc.uri, [{ text: fixed }]);
    const after = await server.diagnosticsFor(doc.uri, version);
    assert.ok(!after.some((d) => d.code === 'name-undefined'), JSON.stringify(after));
  });

  it('every diagnostic of the checks can be silenced with `// trial-ignore CODE`', async () => {
    const doc = await server.open(DOC);
    const diags = await server.diagnosticsFor(doc.uri);
    const d = diags.find((x) => x.code === 'name-undefined')!;
    const actions = await actionsFor(doc.uri, d);
    const ignore = actions.find((a) => /trial-ignore/.test(a.title));
    assert.ok(ignore);
    const text = applyEdits(doc.text, ignore.edit!.changes![doc.uri]);
    assert.match(text, /\n {2}\/\/ trial-ignore name-undefined\n {2}include zz/);
    const version = await server.change(doc.uri, [{ text }]);
    const after = await server.diagnosticsFor(doc.uri, version);
    assert.ok(!after.some((x) => x.code === 'name-undefined'), JSON.stringify(after));
  });

  it('"add missing required element" skeletons from the checks', async () => {
    const doc = await server.open('measure m "M" unit mg/dL\n');
    const diags = await server.diagnosticsFor(doc.uri);
    const missing = diags.filter((d) => d.code === 'registry-missing-element');
    assert.ok(missing.length > 0);
    const titles = (await Promise.all(missing.map((d) => actionsFor(doc.uri, d)))).flat().map((a) => a.title);
    assert.ok(titles.some((t) => /^Add a trial block/.test(t)), titles.join(' | '));
  });

  it('a diagnostic from an older version still finds its fix in the current text', async () => {
    const doc = await server.open(DOC);
    const diags = await server.diagnosticsFor(doc.uri);
    const d = diags.find((x) => x.code === 'name-undefined')!;
    // An edit above the diagnostic's line that does not move it.
    await server.change(doc.uri, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, text: 'N' }]);
    const actions = await actionsFor(doc.uri, d);
    assert.ok(actions.some((a) => a.title === "Change to 'm'"), actions.map((a) => a.title).join(' | '));
  });
});
