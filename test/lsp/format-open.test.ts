/**
 * Formatting an open document from its analysis, segment by segment with what earlier formats of
 * the same document kept (server/lsp/format-segments.ts): after any sequence of edits, the edits
 * it returns turn the text into exactly what formatText makes of it, and it refuses exactly when
 * formatText does. The documents need formatting in many places (indentation, spacing, blank
 * lines, statements sharing a line, comments, triple texts), some with CRLF or lone-CR line ends.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from '../../grammar/format';
import { applyEdits, formatOpenDocument } from '../../server/lsp/formatting';
import { DEFAULT_SETTINGS } from '../../server/lsp/protocol';
import { computeAnalysis, type Analysis } from '../../server/lsp/workspace';
import { generateProtocol, seededRandom } from '../../bench/generate';
import { MESSY } from '../helpers/messy';
import { readExample } from '../helpers/paths';

/** A formatted text made to need formatting here and there (seeded): what a writer leaves before a format. */
function messUp(text: string, seed: number): string {
  const rand = seededRandom(seed);
  return text
    .split('\n')
    .map((line) => {
      const r = rand();
      if (r < 0.08) return '      ' + line.trimStart();
      if (r < 0.14) return line.replace(' ', '   ');
      if (r < 0.18) return line + '\n\n';
      if (r < 0.21) return line.replace(/(\d) mg/, '$1mg');
      if (r < 0.23 && line.trim() !== '' && !line.includes('"""')) return line + '   // note';
      return line;
    })
    .join('\n');
}

const zephyr = readExample('ZEPHYR-1.trial');
const seedExample = readExample('NCT04743739.trial');
const STARTS = [
  MESSY,
  MESSY.replace(/\n/g, '\r\n'),
  messUp(zephyr, 1),
  messUp(seedExample, 2).replace(/\n/g, '\r\n'),
  messUp(generateProtocol(300, 5), 3),
  zephyr.replace(/\n/g, '\r'),
];

/** The text's lines, whatever ends them (edits on a CRLF document keep CRLF; formatText writes LF). */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

describe('lsp: formatting an open document segment by segment', () => {
  it('gives exactly formatText after any sequence of edits, refusing where it refuses', function () {
    this.timeout(120_000);
    // Mostly what keeps a document valid but unformatted (spaces, line breaks, comments), some of what breaks it.
    const alphabet = fc.constantFrom(' ', '   ', '\t', '\n', '\n\n\n', '\r\n', '// c\n', ' // c', 'a', '1', '5mg', 'dose 5mg iv\n', 'site "S"\n', 'intervention y {\n}\n', '\nintervention y {\n', '{', '}', '"', '"""', '≥', 'arm ');
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.oneof(fc.constant(0), fc.nat(2), fc.nat(12)),
      insert: fc.array(alphabet, { maxLength: 3 }),
      // Also at a line's start or end: where segments begin and end, and blank lines and comments sit between them.
      where: fc.constantFrom('anywhere', 'line start', 'line end'),
      // Format on save: the format's edits are applied before the next edit.
      save: fc.boolean(),
    });
    let formatted = 0;
    let withEdits = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...STARTS), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let version = 0;
        let analysis: Analysis = computeAnalysis('file:///open.trial', version, text, DEFAULT_SETTINGS);
        const step = (): TextEdit[] => {
          const doc = TextDocument.create('file:///open.trial', 'trial', version, text);
          const outcome = formatOpenDocument(doc, analysis);
          const expected = formatText(text);
          if (!expected.ok) {
            assert.deepEqual(outcome.edits, [], 'a document with syntax errors is left alone');
            assert.ok(outcome.refused, 'and the reason is given');
            refused++;
            return [];
          }
          assert.equal(outcome.refused, undefined);
          assert.deepEqual(lines(applyEdits(doc, outcome.edits)), lines(expected.text), JSON.stringify(text));
          // Asked again on the same analysis (all of it kept): the same edits.
          assert.deepEqual(formatOpenDocument(doc, analysis).edits, outcome.edits);
          formatted++;
          if (outcome.edits.length > 0) withEdits++;
          return outcome.edits;
        };
        step();
        for (const e of edits) {
          let at = Math.floor(e.at * text.length);
          if (e.where === 'line start') at = text.lastIndexOf('\n', at - 1) + 1;
          if (e.where === 'line end') at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
          analysis = computeAnalysis('file:///open.trial', ++version, text, DEFAULT_SETTINGS, analysis);
          const made = step();
          if (e.save && made.length > 0) {
            text = applyEdits(TextDocument.create('file:///open.trial', 'trial', version, text), made);
            analysis = computeAnalysis('file:///open.trial', ++version, text, DEFAULT_SETTINGS, analysis);
            const doc = TextDocument.create('file:///open.trial', 'trial', version, text);
            assert.deepEqual(formatOpenDocument(doc, analysis).edits, [], 'a formatted document needs no edits');
          }
        }
      }),
      { numRuns: 120, seed: 12 },
    );
    // The property was exercised: formatted documents that needed edits, and refused ones.
    assert.ok(withEdits > 50 && formatted > 100 && refused > 20, JSON.stringify({ formatted, withEdits, refused }));
  });

  it('an unchanged segment is printed again when what ends the one before it changed, and lined up again when what follows it changed', () => {
    // Each: a document, and an edit at the end of one segment that changes how the next, whose text
    // is unchanged, must be laid out (a blank line kept or not, after a comment, after a block).
    const cases: [string, string, string][] = [
      ['site "A" in "X", "Y"\nsite "B" in "X", "Y"\n', '"Y"\n', '"Y"\n\n'],
      ['site "A" in "X", "Y"\n\nsite "B" in "X", "Y"\n', '"Y"\n\n', '"Y"\n'],
      ['measure a "A" unit mg\n// about x\nintervention x {\n  type drug\n}\n', '// about x\n', ''],
      ['measure a "A" unit mg\nintervention x {\n  type drug\n}\n', 'mg\n', 'mg\n// about x\n'],
      ['intervention x {\n  type drug\n}\nmeasure a "A" unit mg\n', '}\n', '}\nmeasure b "B" unit mg\n'],
      // The unchanged segment is the one before the edit: what follows it now starts with a blank line, or no longer does.
      ['site "A" in "X", "Y"\nsite "B" in "X", "Y"\n', 'site "B" in "X", "Y"\n', 'intervention y {\n  type drug\n}\n'],
      ['site "A" in "X", "Y"\nintervention y {\n  type drug\n}\n', 'intervention y {\n  type drug\n}\n', 'site "B" in "X", "Y"\n'],
    ];
    for (const [before, find, replace] of cases) {
      const first = computeAnalysis('file:///entry.trial', 0, before, DEFAULT_SETTINGS);
      formatOpenDocument(TextDocument.create('file:///entry.trial', 'trial', 0, before), first);
      const after = before.replace(find, replace);
      const analysis = computeAnalysis('file:///entry.trial', 1, after, DEFAULT_SETTINGS, first);
      const doc = TextDocument.create('file:///entry.trial', 'trial', 1, after);
      const expected = formatText(after);
      assert.ok(expected.ok);
      assert.equal(applyEdits(doc, formatOpenDocument(doc, analysis).edits), expected.text, JSON.stringify(after));
    }
  });

  it('range formatting: only edits a whole-document format makes, none outside the range', () => {
    const doc = TextDocument.create('file:///range.trial', 'trial', 0, messUp(zephyr, 9));
    const analysis = computeAnalysis(doc.uri, 0, doc.getText(), DEFAULT_SETTINGS);
    const whole = formatOpenDocument(doc, analysis).edits;
    assert.ok(whole.length > 10);
    let someInside = 0;
    for (let start = 0; start < doc.lineCount; start += 7) {
      const range = { start: { line: start, character: 0 }, end: { line: start + 5, character: 0 } };
      const edits = formatOpenDocument(doc, analysis, range).edits;
      for (const e of edits) {
        assert.ok(whole.some((w) => JSON.stringify(w) === JSON.stringify(e)), 'one of the whole format\'s edits');
        assert.ok(e.range.start.line <= range.end.line + 1 && e.range.end.line >= range.start.line - 1, `edit ${JSON.stringify(e.range)} near the range ${start}`);
      }
      const touching = whole.filter((w) => w.range.start.line >= range.start.line && w.range.end.line <= range.end.line);
      for (const w of touching) assert.ok(edits.some((e) => JSON.stringify(w) === JSON.stringify(e)), 'an edit inside the range is made');
      someInside += edits.length;
    }
    assert.ok(someInside > 10);
  });
});
