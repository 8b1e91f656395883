/**
 * edited-document.ts: the open document kept in chunks reads exactly as the library's TextDocument
 * after the same change events (text, lines, positions ↔ offsets, line ranges, line ends, parts),
 * for texts of many chunks with LF, CRLF and lone CR line ends, and the workspace's analysis of it
 * after the bench's seeded edits (line starts, block boundaries, backspaces, pastes, undo) equals
 * a fresh analysis of the text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededEdits } from '../../bench/edits';
import { generateProtocol } from '../../bench/generate';
import { EditedDocument } from '../../server/lsp/edited-document';
import { DEFAULT_SETTINGS } from '../../server/lsp/protocol';
import { computeAnalysis, Workspace } from '../../server/lsp/workspace';

/** Every way the two documents can be read, compared (offsets and lines around the edges included). */
function sameReading(doc: EditedDocument, lib: TextDocument, rand: () => number): void {
  const text = lib.getText();
  assert.equal(doc.getText(), text);
  assert.equal(doc.source.length, text.length);
  assert.equal(doc.lineCount, lib.lineCount);
  const offsets = [0, text.length, -1, text.length + 1];
  for (let k = 0; k < 40; k++) offsets.push(Math.floor(rand() * (text.length + 1)));
  for (const o of offsets) {
    assert.deepEqual(doc.positionAt(o), lib.positionAt(o), `positionAt(${o})`);
    // Parts as the parse asks for them: non-negative offsets, the end past the text's end at times.
    const a = Math.max(o, 0);
    const b = a + Math.floor(rand() * 9000);
    assert.equal(doc.source.slice(a, b), text.slice(a, b), `slice(${a}, ${b})`);
  }
  const lines = [0, lib.lineCount - 1, lib.lineCount, lib.lineCount + 3, -1];
  for (let k = 0; k < 30; k++) lines.push(Math.floor(rand() * lib.lineCount));
  for (const line of lines) {
    for (const character of [0, 1, 3, 200, -2]) assert.equal(doc.offsetAt({ line, character }), lib.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
    assert.deepEqual(doc.getLineRange(line), lib.getLineRange(line), `getLineRange(${line})`);
    assert.equal(doc.getEOLCharacters(line), lib.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const piece = fc.constantFrom('', 'a', 'xyz', '\n', '\r\n', '\r', '}\n', '  receives x\n', 'word '.repeat(50), 'line\n'.repeat(400), 'l\r\n'.repeat(700), '"""\n');

describe('lsp: edited document', () => {
  it('reads as the library TextDocument after the same change events, over texts of many chunks and every line end', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(piece, { maxLength: 4 })), { minLength: 1, maxLength: 12 }), fc.integer(), (start, events, seed) => {
        const rand = seeded(seed);
        const initial = start.join('');
        const doc = new EditedDocument('file:///d.trial', 'trial', 0, initial);
        const lib = TextDocument.create('file:///d.trial', 'trial', 0, initial);
        sameReading(doc, lib, rand);
        let version = 0;
        for (const [a, b, inserted] of events) {
          const length = lib.getText().length;
          // Ranges as positions in the text before the edit (the end may come first, or lie past a line's end).
          const range = { start: lib.positionAt(Math.floor(a * length)), end: lib.positionAt(Math.floor(b * Math.min(length, 30_000))) };
          if (rand() < 0.2) range.end = { line: range.end.line, character: range.end.character + 50 };
          const change = { range, text: inserted.join('') };
          doc.update([change], ++version);
          TextDocument.update(lib, [change], version);
          assert.equal(doc.version, lib.version);
          sameReading(doc, lib, rand);
        }
        // A whole-text change replaces everything.
        doc.update([{ text: 'whole\r\nnew' }], ++version);
        TextDocument.update(lib, [{ text: 'whole\r\nnew' }], version);
        sameReading(doc, lib, rand);
      }),
      { numRuns: 300 },
    );
  });

  it("the workspace's analysis of a document of many chunks after seeded edits equals a fresh analysis, read in parts", function () {
    this.timeout(120_000);
    for (const seed of [1, 2, 3]) {
      const text = generateProtocol(1000, seed);
      const ws = new Workspace();
      const doc = ws.changes.create('file:///w.trial', 'trial', 0, text);
      assert.ok(doc.source.chunks.length > 5, 'the document is kept in many chunks');
      let analysis = ws.analysis(doc, DEFAULT_SETTINGS);
      for (const [k, e] of seededEdits(text, 150, seed).entries()) {
        ws.changes.update(doc, [{ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.remove) }, text: e.insert }], doc.version + 1);
        analysis = ws.analysis(doc, DEFAULT_SETTINGS);
        assert.equal(analysis.source, doc.source, 'the analysis read the document in parts');
        if (k % 10 !== 9) continue;
        const fresh = computeAnalysis('file:///fresh.trial', 0, doc.getText(), DEFAULT_SETTINGS);
        assert.equal(JSON.stringify(analysis.coreDiagnostics), JSON.stringify(fresh.coreDiagnostics), `seed ${seed}, after edit ${k} (${e.kind})`);
        assert.equal(analysis.text, fresh.text);
      }
    }
  });
});
