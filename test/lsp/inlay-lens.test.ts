/** Inlay hints (study days, per-body doses, registry values), code lenses, and the whole intervention in its hover. */
import * as assert from 'assert';
import type { CodeLens, Hover, InlayHint } from 'vscode-languageserver-protocol/node';
import { dedent, marked, TestServer } from './harness';

const DOC = dedent(`
  trial {
    phase 2<|phase|>
    status not yet recruiting<|status|>
  }
  design {
    allocation randomized<|alloc|>
  }
  intervention csa {
    type drug
    dose 3 mg/kg/d<|perkg|> oral in 2 divided doses every 12 h
    dose 375 mg/m2<|perm2|> iv on days 1<|d1|>, 8<|d8|> and 181<|d181|>
    adjust by level target 100 to 150 ng/mL
    taper after 6 months over 3 months
    max dose 500 mg
  }
  intervention unused {
    type drug
    dose 1 mg oral on day 1
  }
  arm one {
    label "One"
    type active comparator<|armtype|>
    receives csa
  }
  arm two {
    label "Two"
    type experimental
    receives csa
  }
  measure level "CsA level" unit ng/mL
`);

describe('lsp: inlay hints, code lens, intervention hover', function () {
  let server: TestServer;
  let src: ReturnType<typeof marked>;
  let uri: string;
  const names = [...DOC.matchAll(/<\|(\w+)\|>/g)].map((m) => m[1]);
  before(async () => {
    server = await TestServer.start({ initializationOptions: { clientCommands: true } });
    src = marked(DOC.replace(/<\|\w+\|>/g, '<|>'));
    uri = (await server.open(src.text)).uri;
  });
  after(async () => server.stop());
  const at = (name: string) => src.positions[names.indexOf(name)];
  const whole = () => ({ start: { line: 0, character: 0 }, end: { line: src.text.split('\n').length, character: 0 } });
  const hintAt = (hints: InlayHint[], name: string) => hints.filter((h) => h.position.line === at(name).line && h.position.character === at(name).character).map((h) => String(h.label));

  it('study days: week and month after each day from day 8 (not day 1)', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole() });
    assert.deepStrictEqual(hintAt(hints, 'd1'), []);
    assert.deepStrictEqual(hintAt(hints, 'd8'), ['wk 2 · mo 1']);
    assert.deepStrictEqual(hintAt(hints, 'd181'), ['wk 26 · mo 6']);
  });

  it('per-kg and per-m² doses at the reference body, in the dose unit without the basis', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole() });
    assert.deepStrictEqual(hintAt(hints, 'perkg'), ['≈ 210 mg/d at 70 kg']);
    assert.deepStrictEqual(hintAt(hints, 'perm2'), ['≈ 649 mg at 1.73 m²']);
  });

  it('the registry value where the words are spelt differently, not where it is the same word', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole() });
    assert.deepStrictEqual(hintAt(hints, 'armtype'), ['ACTIVE_COMPARATOR']);
    assert.deepStrictEqual(hintAt(hints, 'status'), ['NOT_YET_RECRUITING']);
    assert.deepStrictEqual(hintAt(hints, 'phase'), ['PHASE2']);
    assert.deepStrictEqual(hintAt(hints, 'alloc'), [], 'randomized → RANDOMIZED adds nothing');
  });

  it('only the requested range gets hints', async () => {
    const line = at('d181').line;
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 80 } } });
    assert.ok(hints.length > 0 && hints.every((h) => h.position.line === line), JSON.stringify(hints.map((h) => [h.position.line, h.label])));
  });

  it('code lens: the arms receiving each intervention, and export · timeline above trial', async () => {
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => `${l.range.start.line}:${l.command?.title}`);
    assert.ok(titles.includes('0:Export registry record') && titles.includes('0:Trial view'), titles.join(' | '));
    const lines = src.text.split('\n');
    const csa = lenses.find((l) => lines[l.range.start.line].startsWith('intervention csa'));
    assert.strictEqual(csa?.command?.title, 'received by 2 arms: one, two');
    assert.strictEqual(csa.command.command, 'trial.showLocations');
    const locations = csa.command.arguments![2] as { range: { start: { line: number } } }[];
    assert.deepStrictEqual(locations.map((l) => lines[l.range.start.line].trim()), ['receives csa', 'receives csa']);
    const unused = lenses.find((l) => lines[l.range.start.line].startsWith('intervention unused'));
    assert.strictEqual(unused?.command?.title, 'received by no arm');
  });

  it('code lens for a client without our commands: the same titles, no command to fail', async () => {
    const plain = await TestServer.start();
    try {
      const d = await plain.open(src.text);
      const lenses = await plain.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: d.uri } });
      assert.ok(lenses.length >= 4);
      assert.ok(lenses.every((l) => l.command?.command === ''), JSON.stringify(lenses.map((l) => l.command)));
    } finally {
      await plain.stop();
    }
  });

  it('the intervention hover tells the whole dosing: doses, adjustment, taper, cap, arms', async () => {
    const line = src.text.split('\n').findIndex((l) => l.trim() === 'receives csa');
    const character = src.text.split('\n')[line].indexOf('csa') + 1;
    const h = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const text = (h.contents as { value: string }).value;
    for (const part of [/Adjusted by \*\*level\*\*, target 100 to 150 ng\/mL/, /Tapered after 6 months over 3 months/, /At most 500 mg per administration/, /Received by: one, two/, /3 mg\/kg\/d/]) {
      assert.match(text, part);
    }
  });
});
