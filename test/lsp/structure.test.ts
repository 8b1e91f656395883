import * as assert from 'assert';
import type { DocumentLink, DocumentSymbol, FoldingRange, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol/node';
import { dedent, TestServer, textAt } from './harness';

describe('lsp: outline, folding, semantic tokens, links', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  it('document symbols: the outline of the example', async () => {
    const { uri } = await server.openExample('ZEPHYR-1.trial');
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((s) => s.name);
    for (const n of ['trial', 'design', 'sponsors', 'upcr', 'zephyrimab', 'zephyr', 'control', 'eligibility', 'primary outcome', 'schedule', 'Example University Hospital']) {
      assert.ok(names.includes(n), `${n}: ${names.join(', ')}`);
    }
    const zeph = symbols.find((s) => s.name === 'zephyrimab')!;
    assert.strictEqual(zeph.children?.filter((c) => c.name === 'dose').length, 2);
    const control = symbols.find((s) => s.name === 'control')!;
    assert.deepStrictEqual(control.children?.map((c) => c.name), ['receives placebo', 'receives tacrolimus']);
    const eligibility = symbols.find((s) => s.name === 'eligibility')!;
    assert.ok(eligibility.children!.some((c) => c.name.startsWith('include upcr >= 1 g/g')));
    const schedule = symbols.find((s) => s.name === 'schedule')!;
    assert.deepStrictEqual(schedule.children?.map((c) => c.name), ['screening', 'week12', 'month6', 'month12']);
  });

  it('folding: blocks, triple texts, comment runs and regions', async () => {
    const doc = await server.open(dedent(`
      // one
      // two
      // #region dosing
      trial {
        summary """
          a
          b
        """
      }
      arm a {
        receives x {
          dose 1 mg iv on day 1
        }
      }
      // #endregion
    `));
    const ranges = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: doc.uri } });
    const has = (s: number, e: number, kind?: string) => ranges.some((r) => r.startLine === s && r.endLine === e && r.kind === kind);
    assert.ok(has(0, 1, 'comment'), JSON.stringify(ranges));
    assert.ok(has(2, 14, 'region'), JSON.stringify(ranges));
    assert.ok(has(3, 7), 'trial block');
    assert.ok(has(4, 6), 'triple text');
    assert.ok(has(9, 12), 'arm block');
    assert.ok(has(10, 11), 'receives override block');
  });

  it('semantic tokens: identifiers by kind (declarations and references), units, registry words', async () => {
    const doc = await server.open(dedent(`
      measure <|anc|> "ANC" unit <|10*9/L|>
      intervention <|x|> {
        dose 1 <|mg|> iv on day 1 if <|anc|> > 1 <|10*9/L|>
      }
      arm <|a|> {
        type <|active comparator|>
        receives <|x|>
      }
    `));
    const legend = server.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: doc.uri } });
    const decoded: { text: string; type: string; mods: string[] }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
      line += dl;
      char = dl ? dc : char + dc;
      decoded.push({
        text: textAt(doc.text, { start: { line, character: char }, end: { line, character: char + len } }),
        type: legend.tokenTypes[type],
        mods: legend.tokenModifiers.filter((_, b) => mods & (1 << b)),
      });
    }
    assert.deepStrictEqual(decoded.map((d) => `${d.text}:${d.type}${d.mods.length ? '.' + d.mods.join('.') : ''}`), [
      'anc:variable.declaration', '10*9/L:type', 'x:function.declaration', 'mg:type', 'anc:variable', '10*9/L:type',
      'a:class.declaration', 'active comparator:enumMember.readonly', 'x:function',
    ]);
    void doc.ranges;
  });

  it('document links: PMIDs to PubMed, NCT ids to ClinicalTrials.gov', async () => {
    const doc = await server.open(dedent(`
      trial {
        nct id <|NCT04743739|>
      }
      reference background pmid <|20110379|> "A paper"
    `));
    const links = await server.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: doc.uri } });
    assert.deepStrictEqual(links.map((l) => [l.range, l.target]), [
      [doc.ranges[0], 'https://clinicaltrials.gov/study/NCT04743739'],
      [doc.ranges[1], 'https://pubmed.ncbi.nlm.nih.gov/20110379/'],
    ]);
  });
});
