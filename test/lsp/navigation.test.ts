import * as assert from 'assert';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, dedent, TestServer } from './harness';

const DOC = dedent(`
  measure <|anc|> "ANC" unit 10*9/L
  measure egfr "eGFR" unit mL/min
  intervention <|zeph|> {
    dose 5 mg/kg iv on day 15 if <|a<|>nc|> > 1.5 10*9/L
  }
  arm a {
    receives <|ze<|>ph|>
  }
  eligibility {
    include <|anc|> > 1 10*9/L
  }
`);

describe('lsp: definition, references, rename', function () {
  let server: TestServer;
  let doc: Awaited<ReturnType<TestServer['open']>>;
  before(async () => {
    server = await TestServer.start();
    doc = await server.open(DOC);
  });
  after(async () => server.stop());

  const at = (i: number) => ({ textDocument: { uri: doc.uri }, position: doc.positions[i] });

  it('definition: from a reference to the declaration', async () => {
    const [loc] = await server.request<Location[]>('textDocument/definition', at(0));
    assert.deepStrictEqual(loc.range, doc.ranges[0]);
    const [iv] = await server.request<Location[]>('textDocument/definition', at(1));
    assert.deepStrictEqual(iv.range, doc.ranges[1]);
  });

  it('references: every use, with or without the declaration', async () => {
    const withDecl = await server.request<Location[]>('textDocument/references', { ...at(0), context: { includeDeclaration: true } });
    assert.deepStrictEqual(withDecl.map((l) => l.range), [doc.ranges[0], doc.ranges[2], doc.ranges[4]]);
    const without = await server.request<Location[]>('textDocument/references', { ...at(0), context: { includeDeclaration: false } });
    assert.strictEqual(without.length, 2);
  });

  it('rename: prepareRename gives the name\'s range; rename changes every occurrence', async () => {
    const prep = await server.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(1));
    assert.deepStrictEqual(prep, { range: doc.ranges[3], placeholder: 'zeph' });
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(1), newName: 'zephyrimab' });
    const after = applyEdits(doc.text, edit.changes![doc.uri]);
    assert.match(after, /intervention zephyrimab \{/);
    assert.match(after, /receives zephyrimab/);
    assert.ok(!/\bzeph\b/.test(after));
  });

  it('rename refuses a name that collides, a keyword, and a non-identifier', async () => {
    await assert.rejects(server.request('textDocument/rename', { ...at(0), newName: 'egfr' }), /already a measure named "egfr"/);
    await assert.rejects(server.request('textDocument/rename', { ...at(0), newName: 'dose' }), /keyword/);
    await assert.rejects(server.request('textDocument/rename', { ...at(0), newName: '9lives' }), /not a name/);
  });

  it('prepareRename refuses what is not a name', async () => {
    await assert.rejects(
      server.request('textDocument/prepareRename', { textDocument: { uri: doc.uri }, position: { line: 3, character: 3 } }),
      /Only the names/,
    );
  });
});
