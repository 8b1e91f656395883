import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { dedent, marked, TestServer } from './harness';

const DOC = dedent(`
  trial {
    status <|>recruiting
  }
  measure <|>anc "Absolute neutrophil count" unit 10*9/L
  intervention rituximab {
    <|>type drug
    dose 1000 m<|>g iv on days 1 and 1<|>81 if <|>anc > 1.5 10*9/L
  }
  arm combo {
    type active <|>comparator
    receives ritu<|>ximab
  }
  primary outcome "Remission" {
    at month <|>6
  }
`);

/**
 * A server with one document open for the enclosing suite; `hoverAt(i)` is the hover's Markdown at the
 * document's i-th `<|>` mark ('' when there is none).
 */
function hoverSuite(text: string): {
  hoverAt: (i: number) => Promise<string>;
  hover: (position: { line: number; character: number }) => Promise<Hover | null>;
} {
  let server: TestServer;
  let uri: string;
  let positions: { line: number; character: number }[];
  before(async () => {
    server = await TestServer.start();
    const doc = await server.open(text);
    uri = doc.uri;
    positions = doc.positions;
  });
  after(async () => server.stop());
  const hover = (position: { line: number; character: number }) =>
    server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return {
    hover,
    async hoverAt(i: number): Promise<string> {
      const h = await hover(positions[i]!);
      return h ? (h.contents as MarkupContent).value : '';
    },
  };
}

describe('lsp: hover', function () {
  const { hoverAt, hover } = hoverSuite(DOC);

  it('a registry word: its registry value and meaning', async () => {
    const text = await hoverAt(0);
    assert.match(text, /RECRUITING/);
    assert.match(text, /currently recruiting/);
    const arm = await hoverAt(6);
    assert.match(arm, /ACTIVE_COMPARATOR/);
  });

  it('an identifier: its declaration (a measure\'s label and unit)', async () => {
    const decl = await hoverAt(1);
    assert.match(decl, /Absolute neutrophil count/);
    assert.match(decl, /10\*9\/L/);
    const ref = await hoverAt(5);
    assert.match(ref, /Absolute neutrophil count/);
  });

  it('an intervention reference: its name and doses as registry text', async () => {
    const text = await hoverAt(7);
    assert.match(text, /intervention rituximab/);
    assert.match(text, /1000 mg/);
    assert.match(text, /combo/);
  });

  it('a keyword: one line of documentation', async () => {
    const text = await hoverAt(2);
    assert.match(text, /intervention type/i);
  });

  it('a unit: UCUM name and dimension', async () => {
    const text = await hoverAt(3);
    assert.match(text, /milligram/);
    assert.match(text, /mass|dose/i);
  });

  it('a study day: also as week and month', async () => {
    assert.match(await hoverAt(4), /Day 181 = week 26, month 6/);
    assert.match(await hoverAt(8), /Month 6/);
  });

  it('a dose line: the registry text it renders to', async () => {
    const h = await hover({ line: 6, character: 3 });
    assert.ok(h);
    assert.match((h.contents as MarkupContent).value, /Registry text: \*1000 mg/);
  });

  it('nothing to say: null', async () => {
    const h = await hover({ line: 14, character: 0 });
    assert.strictEqual(h, null);
  });
});

/**
 * Hostile document text (issue 8): labels written as Markdown images, command links, HTML and
 * backticks. A hover shows them as written: with every backslash escape taken away, nothing that
 * Markdown reads as syntax is left of them (no `![`, `](`, `<`, stray backtick), and their words are still there.
 */
describe('lsp: hover escapes document text', function () {
  const IMAGE = '![x](http://evil.example/t.png)';
  const HTML = '<img src=x onerror=alert(1)>';
  const COMMAND = '[run](command:workbench.action.terminal.new)';
  const TICKS = '`tick` ``x``';
  const HOSTILE = `${IMAGE} ${HTML} ${COMMAND} ${TICKS} **bold** www.evil.example`;
  const doc = marked(dedent(`
    measure <|>anc "${HOSTILE}" unit 10*9/L
    intervention <|>rituximab {
      name "${HOSTILE}"
      type drug
      basis weight "${HOSTILE}"
      <|>dose 1000 mg iv on day 1 if anc > 1.5 10*9/L
    }
    arm <|>combo {
      label "${HOSTILE}"
      type experimental
      receives rituximab
    }
  `));

  let server: TestServer;
  let uri: string;
  before(async () => {
    server = await TestServer.start();
    uri = (await server.open(doc.text)).uri;
  });
  after(async () => server.stop());

  /** The Markdown with every escaped character replaced by a neutral mark: what is left is live syntax. */
  const live = (md: string): string => md.replace(/\\[!-/:-@[-`{-~]/g, '\u00b7');
  /** The text a reader sees, as far as escapes go. */
  const shown = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

  for (const [i, what] of [[0, 'a measure declaration'], [1, 'an intervention'], [2, 'a dose condition (the registry text)'], [3, 'an arm']] as const) {
    it(`${what}: the label is shown as written, never as Markdown`, async () => {
      const h = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positions[i] });
      assert.ok(h, 'a hover');
      const md = (h.contents as MarkupContent).value;
      assert.ok(shown(md).includes('![x](http://evil.example/t.png)'), md);
      assert.ok(shown(md).includes(HTML), md);
      assert.ok(shown(md).includes(COMMAND), md);
      const syntax = live(md);
      assert.doesNotMatch(syntax, /!\[|\]\(|<|command:|http:|www\./, md);
      assert.doesNotMatch(syntax, /`tick|tick`|``x/, `no live backtick of the label: ${md}`);
    });
  }
});

const KEPT = dedent(`
  measure alt "Alanine aminotransferase (ALT)" unit U/L
  measure hba1c "HbA1c" unit %
  intervention cis {
    name "Cisplatin"
    description "Cisplatin 75 mg/m² IV on Day 1 of each 21-day cycle, with hydration."
    dose 75 mg/m2 iv every 21 days on day 1 <|>as "75 mg/m² IV on Day 1 of each 21-day cycle"
    dose 60 mg/m2 iv every 21 days on day 1 as "75 mg/m² IV on <|>Day 1 of each 21-day cycle"
  }
  eligibility {
    include alt <= 2.<|>5 x ULN as "ALT ≤ 2.5 × ULN"
    include alt <= 3 x ULN as "ALT ≤ <|>2.5 × ULN"
    include hba1c 7.0 <|>to 10.5 %
  }
`);

describe('lsp: hover on kept wordings, normal limits and ranges', function () {
  const { hoverAt } = hoverSuite(KEPT);

  it('`as` of a sentence that still says its dose: exported as it is', async () => {
    const text = await hoverAt(0);
    assert.match(text, /Kept wording/);
    assert.match(text, /writes it as it is/);
  });

  it('a sentence that no longer says its dose or criterion: what the export writes instead', async () => {
    const dose = await hoverAt(1);
    assert.match(dose, /no longer says/);
    assert.match(dose, /60 mg\/m²/);
    const criterion = await hoverAt(3);
    assert.match(criterion, /no longer says/);
    assert.match(criterion, /≤ 3 × ULN/);
  });

  it('x ULN: the upper limit of normal explained', async () => {
    const text = await hoverAt(2);
    assert.match(text, /2\.5 times the upper limit of normal \(ULN\) of Alanine aminotransferase/);
    assert.match(text, /reference range/);
  });

  it('a range threshold: both ends included', async () => {
    const text = await hoverAt(4);
    assert.match(text, /HbA1c from 7\.0 to 10\.5 %, both ends included/);
  });
});
