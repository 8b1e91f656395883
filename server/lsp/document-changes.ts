/**
 * The open documents' texts (vscode-languageserver-textdocument, as the library's own manager keeps
 * them) together with where they changed since their last analysis: every change event the editor
 * sends says which range it replaced, so the incremental parse is told where the edit lies
 * (grammar/text-change.ts) instead of comparing the whole new text with the old one per keystroke.
 *
 * Used as the `TextDocuments` configuration (workspace.ts). A change is recorded from the version
 * an analysis last read (`take`); a full-text change event, or any doubt, records nothing, and the
 * parse then finds the edit by comparing the texts (slower, same result).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { combine, type TextChange } from '../../grammar/text-change';

interface Pending {
  /** The version the change starts from. */
  from: number;
  /** Undefined before the first change event. */
  change?: TextChange;
  /** False once a change event replaced the whole text (where it changed is then not known). */
  known: boolean;
}

export class DocumentChanges implements TextDocumentsConfiguration<TextDocument> {
  private readonly pending = new Map<string, Pending>();

  create = (uri: string, languageId: string, version: number, content: string): TextDocument => {
    this.pending.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  };

  update = (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const from = doc.version;
    let pending = this.pending.get(doc.uri);
    // Changes of a version nobody read yet are added to the ones before; otherwise they start here.
    if (!pending) this.pending.set(doc.uri, (pending = { from, known: true }));
    for (const c of changes) {
      if ('range' in c && c.range) {
        if (pending.known) {
          // As the document reads the range (TextDocument.update: start and end in order, clamped to the text).
          const [a, b] = before(c.range.end, c.range.start) ? [c.range.end, c.range.start] : [c.range.start, c.range.end];
          const start = doc.offsetAt(a);
          const one = { start, oldEnd: doc.offsetAt(b), newEnd: start + c.text.length };
          pending.change = pending.change ? combine(pending.change, one) : one;
        }
      } else pending.known = false;
      TextDocument.update(doc, [c], version);
    }
    if (changes.length === 0) TextDocument.update(doc, changes, version);
    return doc;
  };

  /**
   * Where the document's text changed since version `from` (the version its last analysis read),
   * and start recording again from its current version. Undefined when that is not known.
   */
  take(doc: TextDocument, from: number | undefined): TextChange | undefined {
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
