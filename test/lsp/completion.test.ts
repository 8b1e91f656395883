import * as assert from 'assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { dedent, TestServer } from './harness';

const DECLS = `
measure egfr "eGFR" unit mL/min/{1.73_m2}
measure anc "Absolute neutrophil count" unit 10*9/L
intervention rituximab {
  dose 1000 mg iv on day 1
}
intervention cyclosporine {
  dose 3 mg/kg/d oral
}
`;

describe('lsp: completion', function () {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => server.stop());

  /** Completion labels at the document's `<|>` marker (snippets listed separately). */
  async function completeAt(source: string): Promise<{ labels: string[]; snippets: string[]; items: CompletionItem[] }> {
    const doc = await server.open(dedent(source));
    await server.diagnosticsFor(doc.uri); // the symbol table of this version is in place
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: doc.positions[0] });
    const items = list.items;
    return { labels: items.filter((i) => i.kind !== 15).map((i) => i.label), snippets: items.filter((i) => i.kind === 15).map((i) => i.label), items };
  }

  it('top level: the block kinds, and block snippets', async () => {
    const { labels, snippets } = await completeAt(`
      trial {
      }
      <|>
    `);
    for (const k of ['trial', 'design', 'sponsors', 'measure', 'intervention', 'arm', 'eligibility', 'primary outcome', 'schedule', 'site', 'reference']) assert.ok(labels.includes(k), `${k}: ${labels}`);
    for (const s of ['arm block', 'intervention block with a dose', 'eligibility block']) assert.ok(snippets.includes(s), `${s}: ${snippets}`);
    assert.ok(!labels.includes('dose'));
  });

  it('inside a block: only that block\'s statement heads', async () => {
    const { labels } = await completeAt(`
      design {
        allocation randomized
        <|>
      }
    `);
    assert.deepStrictEqual(labels.sort(), [
      'allocation', 'biospecimen retention', 'expanded access', 'masking', 'model', 'observational model', 'patient registry',
      'purpose', 'target duration', 'time perspective',
    ]);
  });

  it('a multi-word head is completed from its first word', async () => {
    const { items } = await completeAt(`
      trial {
        org <|>
      }
    `);
    const item = items.find((i) => i.label === 'org study id');
    assert.ok(item, items.map((i) => i.label).join(','));
    assert.deepStrictEqual((item.textEdit as { range: unknown }).range, { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
  });

  it('registry values after `type` in an arm, with their meaning', async () => {
    const { labels, items } = await completeAt(`
      arm a {
        type <|>
      }
    `);
    for (const v of ['experimental', 'active comparator', 'placebo comparator', 'no intervention']) assert.ok(labels.includes(v), labels.join(','));
    const doc = items.find((i) => i.label === 'active comparator')!.documentation as { value: string };
    assert.match(doc.value, /ACTIVE_COMPARATOR/);
  });

  it('registry values: a multi-word value being typed is replaced as a whole', async () => {
    const { items } = await completeAt(`
      arm a {
        type active c<|>
      }
    `);
    const item = items.find((i) => i.label === 'active comparator');
    assert.ok(item);
    assert.deepStrictEqual((item.textEdit as { range: unknown }).range, { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
  });

  for (const [where, source, expected] of [
    ['intervention type', 'intervention x {\n  type <|>\n}', ['drug', 'biological', 'dietary supplement']],
    ['trial status', 'trial {\n  status <|>\n}', ['recruiting', 'not yet recruiting', 'terminated']],
    ['study type', 'trial {\n  study type <|>\n}', ['interventional', 'observational']],
    ['phase', 'trial {\n  phase <|>\n}', ['1', '2/3', 'early 1', 'na']],
    ['allocation', 'design {\n  allocation <|>\n}', ['randomized', 'non randomized']],
    ['model', 'design {\n  model <|>\n}', ['parallel', 'crossover']],
    ['purpose', 'design {\n  purpose <|>\n}', ['treatment', 'prevention']],
    ['masking level', 'design {\n  masking <|>\n}', ['none', 'double', 'quadruple']],
    ['masked roles', 'design {\n  masking double participant, <|>\n}', ['investigator', 'outcomes assessor']],
    ['sponsor class', 'sponsors {\n  lead "X" class <|>\n}', ['industry', 'nih', 'other']],
    ['official role', 'sponsors {\n  official "X" role <|>\n}', ['principal investigator', 'study chair']],
    ['sex', 'eligibility {\n  sex <|>\n}', ['all', 'female', 'male']],
    ['site status', 'site "H" in "Lyon", "France" status <|>', ['recruiting', 'completed']],
    ['reference type', 'reference <|>', ['background', 'result', 'derived']],
    ['date type', 'trial {\n  start 2024-01-02 <|>\n}', ['actual', 'estimated']],
    ['a criterion\'s own marker', 'eligibility {\n  include "Adults" <|>\n}', ['numbered', 'bullet']],
    ['a list\'s markers', 'eligibility {\n  population "P" {\n    exclusion criteria "Exclusion:" <|>\n  }\n}', ['numbered', 'bullet']],
  ] as [string, string, string[]][]) {
    it(`registry values: ${where}`, async () => {
      const { labels } = await completeAt(source);
      for (const v of expected) assert.ok(labels.includes(v), `${v} missing: ${labels.join(', ')}`);
    });
  }

  it('interventions after `receives`', async () => {
    const { labels } = await completeAt(DECLS + 'arm a {\n  receives <|>\n}\n');
    assert.deepStrictEqual(labels.sort(), ['cyclosporine', 'rituximab']);
  });

  it('measures after `if`, `depending on`, `adjust by`, `include`', async () => {
    for (const line of ['  dose 5 mg iv on day 15 if <|>', '  dose 5 mg iv on day 15 depending on <|>', '  adjust by <|>']) {
      const { labels } = await completeAt(DECLS + `intervention y {\n${line}\n}\n`);
      assert.deepStrictEqual(labels.sort(), ['anc', 'egfr'], line);
    }
    const { labels } = await completeAt(DECLS + 'eligibility {\n  include <|>\n}\n');
    assert.ok(labels.includes('egfr') && labels.includes('anc'), labels.join(','));
  });

  it('dose units after a dose amount; completing a half-typed unit replaces all of it', async () => {
    const { labels } = await completeAt('intervention x {\n  dose 10 <|>\n}');
    for (const u of ['mg', 'mg/kg', 'mg/m2', 'mg/d']) assert.ok(labels.includes(u), labels.join(','));
    assert.ok(!labels.includes('mmol/L'));
    const half = await completeAt('intervention x {\n  dose 10 mg/k<|>\n}');
    const item = half.items.find((i) => i.label === 'mg/kg');
    assert.ok(item, half.labels.join(','));
    assert.deepStrictEqual((item.textEdit as { range: unknown }).range, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
  });

  it('routes and frequencies after the dose unit; the schedule words after those', async () => {
    const { labels } = await completeAt('intervention x {\n  dose 10 mg <|>\n}');
    for (const w of ['iv', 'oral', 'sc', 'bid', 'daily', 'q12h', 'every', 'on days', 'from day', 'if']) assert.ok(labels.includes(w), `${w}: ${labels.join(',')}`);
    const afterRoute = await completeAt('intervention x {\n  dose 10 mg iv <|>\n}');
    assert.ok(!afterRoute.labels.includes('oral') && afterRoute.labels.includes('bid'), afterRoute.labels.join(','));
  });

  it('time units after `every`, `for`, `after`, `over`, and age units', async () => {
    for (const line of ['  dose 10 mg iv every 4 <|>', '  dose 10 mg iv every 4 weeks for 6 <|>', '  taper after 6 <|>', '  stop after 12 <|>']) {
      const { labels } = await completeAt(`intervention x {\n${line}\n}`);
      assert.ok(labels.includes('months') || labels.includes('h'), `${line}: ${labels.join(',')}`);
      assert.ok(!labels.includes('mg'), line);
    }
    const age = await completeAt('eligibility {\n  age 18 <|>\n}');
    assert.ok(age.labels.includes('years') && age.labels.includes('a'), age.labels.join(','));
  });

  it('units commensurable with the measure in a criterion, the declared unit first', async () => {
    const { items } = await completeAt(DECLS + 'eligibility {\n  include anc >= 1.5 <|>\n}\n');
    const labels = items.map((i) => i.label);
    assert.strictEqual(items.find((i) => i.preselect)?.label, '10*9/L');
    assert.ok(labels.includes('10*3/uL'), labels.join(','));
    assert.ok(!labels.includes('mg/dL'), labels.join(','));
  });

  it('snippets inside blocks: a dose in an intervention, criteria in eligibility', async () => {
    const dose = await completeAt('intervention x {\n  <|>\n}');
    assert.ok(dose.snippets.includes('dose line'), dose.snippets.join(','));
    const crit = await completeAt('eligibility {\n  <|>\n}');
    assert.ok(crit.snippets.includes('inclusion criterion'), crit.snippets.join(','));
    const snippet = crit.items.find((i) => i.label === 'inclusion criterion')!;
    assert.strictEqual(snippet.insertTextFormat, 2);
  });

  it('nothing inside a text or a comment', async () => {
    assert.deepStrictEqual((await completeAt('trial {\n  brief title "a <|>"\n}')).labels, []);
    assert.deepStrictEqual((await completeAt('trial {\n  // a <|>\n}')).labels, []);
    assert.deepStrictEqual((await completeAt('trial {\n  summary """\n  a <|>\n  """\n}')).labels, []);
  });

  it('the block is found past triple-quoted texts and nested braces', async () => {
    const { labels } = await completeAt(`
      arm a {
        description """
          text with { braces }
        """
        receives x {
          dose 1 mg iv on day 1
        }
        <|>
      }
    `);
    assert.ok(labels.includes('receives') && labels.includes('label'), labels.join(','));
  });
});
