/**
 * document-changes.ts: the change recorded from the editor's change events describes the text the
 * last analysis read → the current text, and the workspace's analysis told that change equals a
 * fresh analysis of the text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fits, type TextChange } from '../../grammar/text-change';
import { DocumentChanges } from '../../server/lsp/document-changes';
import { DEFAULT_SETTINGS } from '../../server/lsp/protocol';
import { computeAnalysis, Workspace } from '../../server/lsp/workspace';
import { readExample } from '../helpers/paths';

function describes(change: TextChange, before: string, after: string): boolean {
  return fits(change, before.length, after.length) && before.slice(0, change.start) === after.slice(0, change.start) && before.slice(change.oldEnd) === after.slice(change.newEnd);
}

/** A range between two places of the text (given as fractions of its length; the end may come first), and its new text. */
const place = fc.double({ min: 0, max: 1, noNaN: true });
const event = fc.record({ start: place, end: place, text: fc.constantFrom('', 'a', '\n', '\r\n', '\r', 'x y\nz', '}\n', 'arm b {\n', '"""') });
const texts = fc.constantFrom('', 'one\ntwo\nthree\n', 'a\r\nb\r\n\r\nc', 'trial {\n  title "T"\n}\narm a {\n  receives x\n}\n');

describe('lsp: document changes', () => {
  it('the change since the last analysis describes its text → the current text, over several change events and updates', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.array(event, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), (start, updates) => {
        const changes = new DocumentChanges();
        const doc = changes.create('file:///d.trial', 'trial', 1, start);
        for (const events of updates) {
          // The events of one update, each in the text the ones before it made (found on a copy, as the editor does).
          const editor = TextDocument.create(doc.uri, 'trial', 0, doc.getText());
          const lsp = events.map((e): TextDocumentContentChangeEvent => {
            const at = (f: number) => editor.positionAt(Math.floor(f * editor.getText().length));
            const one = { range: { start: at(e.start), end: at(e.end) }, text: e.text };
            TextDocument.update(editor, [one], 0);
            return one;
          });
          changes.update(doc, lsp, doc.version + 1);
          assert.equal(doc.getText(), editor.getText());
        }
        const change = changes.take(doc, 1);
        if (updates.some((u) => u.length > 0)) assert.ok(change && describes(change, start, doc.getText()), JSON.stringify({ start, after: doc.getText(), change }));
        // Taken: the next change starts from the current version.
        assert.equal(changes.take(doc, doc.version), undefined);
      }),
      { numRuns: 400 },
    );
  });

  it('is not known after a whole-text change, nor from another version than the one recorded from', () => {
    const changes = new DocumentChanges();
    const doc = changes.create('file:///d.trial', 'trial', 1, 'abc\n');
    changes.update(doc, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'X' }], 2);
    assert.equal(changes.take(doc, 0), undefined);
    changes.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Y' }], 3);
    assert.deepEqual(changes.take(doc, 2), { start: 0, oldEnd: 0, newEnd: 1 });
    changes.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Z' }, { text: 'whole' }], 4);
    assert.equal(changes.take(doc, 3), undefined);
  });

  it("the workspace's analysis after change events equals a fresh analysis of the text", () => {
    const seed = readExample('NCT04743739.trial');
    // Edits that replace items by items of other names and kinds, break and mend blocks, add lines.
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat(10),
      text: fc.constantFrom('', 'a', ' ', '\n', '}', '{', '"', 'arm ', 'x', '\nmeasure m2 unit "mg"\n', '\nintervention z {\n  type drug\n}\n', '  receives z\n', '1'),
    });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (updates) => {
        const ws = new Workspace();
        const doc = ws.changes.create('file:///w.trial', 'trial', 1, seed);
        let analysis = ws.analysis(doc, DEFAULT_SETTINGS);
        for (const events of updates) {
          const lsp = events.map((e): TextDocumentContentChangeEvent => {
            const text = doc.getText();
            const at = Math.floor(e.at * text.length);
            return { range: { start: doc.positionAt(at), end: doc.positionAt(Math.min(text.length, at + e.remove)) }, text: e.text };
          });
          // Events of one update apply one after the other: positions of later ones are in the text the earlier made.
          for (const [i, e] of lsp.entries()) ws.changes.update(doc, [e], doc.version + (i === lsp.length - 1 ? 1 : 0));
          analysis = ws.analysis(doc, DEFAULT_SETTINGS);
          const fresh = computeAnalysis('file:///fresh.trial', 0, doc.getText(), DEFAULT_SETTINGS);
          assert.equal(JSON.stringify(analysis.coreDiagnostics), JSON.stringify(fresh.coreDiagnostics));
        }
      }),
      { numRuns: 25 },
    );
  });
});
