import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, dedent, EXAMPLES, TestServer } from './harness';

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

  it('an action is offered once: two diagnostics with the same fix on one line give one action naming both', async () => {
    // Two repeated days on one line: two dose-day-repeated diagnostics, one identical `trial-ignore` for both.
    const doc = await server.open('intervention x {\n  type drug\n  dose 1 mg oral on days 1, 1, 8 and 8\n}\n');
    const diags = (await server.diagnosticsFor(doc.uri)).filter((d) => d.code === 'dose-day-repeated');
    assert.ok(diags.length >= 2, JSON.stringify(diags));
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: diags[0]!.range, context: { diagnostics: diags, only: ['quickfix'] },
    });
    const keys = actions.map((a) => JSON.stringify([a.title, a.edit]));
    assert.deepEqual(keys, [...new Set(keys)], 'no action twice');
    const ignore = actions.filter((a) => a.title === 'Ignore dose-day-repeated on this line (// trial-ignore)');
    assert.strictEqual(ignore.length, 1, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(ignore[0]!.diagnostics?.length, diags.length);
  });

  it('the seed: no action twice, and no trial-ignore offered for what blocks the export', async () => {
    const doc = await server.open(fs.readFileSync(path.join(EXAMPLES, 'NCT04743739.trial'), 'utf8'));
    const diags = await server.diagnosticsFor(doc.uri);
    const all = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } }, context: { diagnostics: diags, only: ['quickfix'] },
    });
    const keys = all.map((a) => JSON.stringify([a.title, a.edit]));
    assert.deepEqual(keys, [...new Set(keys)], 'no action twice');
    const ignoreTitles = all.filter((a) => /trial-ignore/.test(a.title)).map((a) => a.title);
    // The warning-level missing elements (oversight) may be silenced; the errors (official title, …) and why-stopped-missing may not.
    for (const a of all.filter((x) => /trial-ignore/.test(x.title))) {
      for (const d of a.diagnostics ?? []) assert.ok(!(d.severity === 1 && ['registry-missing-element', 'why-stopped-missing'].includes(String(d.code))), ignoreTitles.join(' | '));
    }
    // The primary completion date is added as a placeholder, not as the completion date marked actual.
    const primary = all.find((a) => a.title === "Add 'primary completion TODO'");
    assert.ok(primary, all.map((a) => a.title).join(' | '));
    assert.ok(!all.some((a) => /primary completion 20/.test(a.title)));
  });

  it('a trial-ignore that silences an export blocker: its error offers removing the code, not another trial-ignore', async () => {
    const doc = await server.open('// trial-ignore why-stopped-missing\ntrial {\n  status terminated\n}\n');
    const d = (await server.diagnosticsFor(doc.uri)).find((x) => x.code === 'ignore-blocks-export');
    assert.ok(d);
    const titles = (await actionsFor(doc.uri, d)).map((a) => a.title);
    assert.deepEqual(titles, ['Remove this trial-ignore comment']);
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
