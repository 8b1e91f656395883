/**
 * Generated criteria texts laid out as registry records lay them out — lead text, headings with
 * qualifiers, one marker style per list ("*", "-", "•", "1.", "1)", "(1)", "a."), numbering that goes on
 * from the list before or breaks, paragraphs and sub-headings inside a list, nested and lettered
 * sub-items, population titles inside the lists, populations named by their headings — must come
 * back as written (whitespace aside) with no difference announced, and every criterion must land
 * in the list and population the generator put it in. The generator is the oracle: it knows where
 * each criterion stands without reading the text back.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../grammar/parse';
import { buildRecord } from '../../server/export';
import { importStudy } from '../../server/import';
import { buildModel } from '../../server/model';
import { placedCriteria, type Placed } from './placed-criteria';

type Polarity = Placed['polarity'];

const STYLES = ['*', '-', '•', '1.', '1)', '(1)', 'a.'] as const;
type Style = (typeof STYLES)[number];

/** The marker of item `n` (from 1) of a list in `style`. */
function markerOf(style: Style, n: number): string {
  if (style === '1.' || style === '1)') return `${n}${style[1]}`;
  if (style === '(1)') return `(${n})`;
  if (style === 'a.') return `${String.fromCharCode(96 + Math.min(n, 26))}.`;
  return style;
}

/** One list item: its kind, and extras that do not change where it stands. */
const itemShape = fc.record({
  kind: fc.constantFrom('item', 'item', 'item', 'item', 'paragraph', 'skip'),
  nested: fc.constantFrom('', '', 'indented', 'lettered'),
  blankBefore: fc.boolean(),
});
const listShape = fc.record({ style: fc.constantFrom(...STYLES), items: fc.array(itemShape, { minLength: 1, maxLength: 5 }), goOn: fc.boolean() });
const textShape = fc.record({
  lead: fc.boolean(),
  layout: fc.constantFrom('sections', 'sections', 'cohorts', 'by heading'),
  include: listShape,
  exclude: listShape,
  second: listShape,
  key: fc.boolean(),
  colon: fc.boolean(),
  leadIn: fc.boolean(),
});

type Shape = typeof textShape extends fc.Arbitrary<infer T> ? T : never;

/** The text of a shape, and where each of its criteria stands. */
function build(shape: Shape): { text: string; placed: Placed[] } {
  let counter = 0;
  const placed: Placed[] = [];
  const blocks: string[] = [];
  const list = (l: Shape['include'], polarity: Polarity, population: string | undefined, from: number): { text: string; next: number } => {
    const lines: string[] = [];
    let n = from;
    for (const [i, it] of l.items.entries()) {
      const id = ++counter;
      // A population title is followed by a list item (a paragraph after it makes it a sub-heading).
      if (it.kind === 'paragraph' && !(i === 0 && population === 'Cohort B')) {
        const text = `Patients in group ${id} are eligible only after review by the board.`;
        lines.push('', text, '');
        placed.push({ text, polarity, population });
        continue;
      }
      if (it.kind === 'skip') n++;
      const text = `Criterion number ${id} holds`;
      if (it.blankBefore) lines.push('');
      lines.push(`${markerOf(l.style, n++)} ${text}`);
      // Lettered sub-items under a numbered or bulleted item; indented ones under any.
      if (it.nested === 'indented') lines.push(`  - first part of ${id}`, `  - second part of ${id}`);
      if (it.nested === 'lettered' && l.style !== 'a.') lines.push(`a) first part of ${id}`, `b) second part of ${id}`);
      placed.push({ text, polarity, population });
    }
    return { text: lines.join('\n'), next: n };
  };
  if (shape.lead) blocks.push('Participants are enrolled at two sites in this study.');
  const heading = (polarity: Polarity, qualifier = shape.key ? 'Key ' : '') =>
    `${qualifier}${polarity === 'include' ? 'Inclusion' : 'Exclusion'} ${shape.colon ? 'Criteria:' : 'criteria'}`;
  if (shape.layout === 'by heading') {
    // Populations named by their headings, each with both lists, one after the other.
    for (const [who, l] of [['Patient', shape.include], ['Donor', shape.second]] as const) {
      blocks.push(heading('include', `${who} `), list(l, 'include', who, 1).text);
      blocks.push(heading('exclude', `${who} `), list(shape.exclude, 'exclude', who, 1).text);
    }
  } else {
    const inc = list(shape.include, 'include', undefined, 1);
    // A line that leads into the list, before a blank line and its first item.
    const leadIn = shape.leadIn && !inc.text.startsWith('\n') ? ['Subjects must meet all of the following criteria:'] : [];
    blocks.push(heading('include'), ...leadIn, inc.text);
    if (shape.layout === 'cohorts') blocks.push('Cohort B', list(shape.second, 'include', 'Cohort B', 1).text);
    blocks.push(heading('exclude'), list(shape.exclude, 'exclude', undefined, shape.exclude.goOn ? inc.next : 1).text);
  }
  return { text: blocks.join('\n\n'), placed };
}

const recordWith = (eligibilityCriteria: string) => ({
  protocolSection: { identificationModule: { nctId: 'NCT00000001', briefTitle: 'T' }, eligibilityModule: { eligibilityCriteria, sex: 'ALL' } },
});
const collapse = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

describe('criteria layout: generated registry-like texts come back as written, every criterion in its place', () => {
  it('holds for 300 generated texts', () => {
    fc.assert(
      fc.property(textShape, (shape) => {
        const { text, placed } = build(shape);
        const imported = importStudy(recordWith(text));
        const parsed = parse(imported.text);
        assert.deepEqual(parsed.diagnostics, []);
        const exported = (buildRecord(buildModel(parsed)).record as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection?.eligibilityModule?.eligibilityCriteria;
        assert.equal(collapse(exported), collapse(text), `${text}\n---\n${imported.text}`);
        assert.deepEqual(imported.notes.filter((n) => /will not be exported word for word/.test(n)), []);
        const found = placedCriteria(parsed);
        for (const p of placed) {
          const at = found.filter((f) => f.text === p.text || f.text.startsWith(`${p.text}\n`));
          assert.equal(at.length, 1, `"${p.text}" is one criterion in\n${imported.text}`);
          assert.deepEqual([at[0]!.polarity, at[0]!.population], [p.polarity, p.population], `${p.text} in\n${text}\n---\n${imported.text}`);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
