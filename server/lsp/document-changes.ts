/**
 * The open documents' texts (edited-document.ts: in pieces, so that an edit costs what it changes)
 * together with where they changed since their last analysis: every change event the editor
 * sends says which range it replaced, so the incremental parse is told where the edit lies
 * (grammar/text-change.ts) instead of comparing the whole new text with the old one per keystroke.
 *
 * Used as the `TextDocuments` configuration (workspace.ts). A change is recorded from the version
 * an analysis last read (`take`); a full-text change event, or any doubt, records nothing, and the
 * parse then finds the edit by comparing the texts (slower, same result).
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { combine, type TextChange } from '../../grammar/text-change';
import { EditedDocument } from './edited-document';

interface Pending {
  /** The version the change starts from. */
  from: number;
  /** Undefined before the first change event. */
  change?: TextChange;
  /** False once a change event replaced the whole text (where it changed is then not known). */
  known: boolean;
}

export class DocumentChanges implements TextDocumentsConfiguration<EditedDocument> {
  private readonly pending = new Map<string, Pending>();

  create = (uri: string, languageId: string, version: number, content: string): EditedDocument => {
    this.pending.delete(uri);
    return new EditedDocument(uri, languageId, version, content);
  };

  update = (doc: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument => {
    const from = doc.version;
    let pending = this.pending.get(doc.uri);
    // Changes of a version nobody read yet are added to the ones before; otherwise they start here.
    if (!pending) this.pending.set(doc.uri, (pending = { from, known: true }));
    for (const c of changes) {
      if ('range' in c && c.range) {
        if (pending.known) {
          // As the document reads the range (EditedDocument.update: start and end in order, clamped to the text).
          const [a, b] = before(c.range.end, c.range.start) ? [c.range.end, c.range.start] : [c.range.start, c.range.end];
          const start = doc.offsetAt(a);
          const one = { start, oldEnd: doc.offsetAt(b), newEnd: start + c.text.length };
          pending.change = pending.change ? combine(pending.change, one) : one;
        }
      } else pending.known = false;
      doc.update([c], version);
    }
    if (changes.length === 0) doc.update(changes, version);
    return doc;
  };

  /**
   * Where the document's text changed since version `from` (the version its last analysis read),
   * and start recording again from its current version. Undefined when that is not known.
   */
  take(doc: { uri: string }, from: number | undefined): TextChange | undefined {
    const pending = this.pending.get(doc.uri);
    this.pending.delete(doc.uri);
    if (!pending || from === undefined) return undefined;
    if (pending.from !== from || !pending.known) return undefined;
    return pending.change;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}

function before(p: { line: number; character: number }, q: { line: number; character: number }): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
