/**
 * Seeded keystrokes in-process, through the language server's own path: each edit is the change
 * event the editor would send (a range and its new text), applied to the server's document
 * (`Workspace.changes`, as `TextDocuments` does on didChange) and followed by the document's
 * analysis (`Workspace.analysis`, what the server computes before it publishes diagnostics); both
 * are timed. Reports compute time per edit (p50/p95/p99), by edit kind, bytes allocated per
 * keystroke, and formatting the open document right after edits (format-open.ts). Checks at the
 * end that the server's text is the edited text and that the incremental result equals a fresh
 * analysis of it.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../server/lsp/protocol';
import { computeAnalysis, Workspace } from '../server/lsp/workspace';
import { applyEdit, seededEdits, type Edit, type EditKind } from './edits';
import { formatAfterEdits } from './format-open';
import { AllocationMeter, quantiles, time, type Quantiles } from './stats';

export interface KeystrokeResult {
  lines: number;
  compute: Quantiles;
  byKind: Partial<Record<EditKind, Quantiles>>;
  allocatedBytes: number;
  /** Format of the open document right after an edit, p50 (format-open.ts), and its p95. */
  formatOpenMs: number;
  formatOpenP95Ms: number;
  /** The first format of the document as opened (every segment printed). */
  formatOpenFirstMs: number;
  formatOpenSameAsFormatText: boolean;
  sameAsFresh: boolean;
}

export function keystrokes(text: string, count: number, seed = 42): KeystrokeResult {
  const settings = DEFAULT_SETTINGS;
  const edits = seededEdits(text, count, seed);
  // Warm-up on a copy of the path (JIT, unit caches), not counted.
  const warm = new Workspace();
  const warmDoc = warm.changes.create('file:///warm.trial', 'trial', 0, text);
  warm.analysis(warmDoc, settings);
  for (const e of seededEdits(text, Math.min(100, count), seed + 1)) {
    warm.changes.update(warmDoc, [changeEvent(warmDoc, e)], warmDoc.version + 1);
    warm.analysis(warmDoc, settings);
  }
  warm.forget(warmDoc.uri);
  const ws = new Workspace();
  const doc = ws.changes.create('file:///bench.trial', 'trial', 0, text);
  let analysis = ws.analysis(doc, settings);
  let current = text;
  const compute: number[] = [];
  const byKind: Partial<Record<EditKind, number[]>> = {};
  const meter = new AllocationMeter();
  for (const e of edits) {
    current = applyEdit(current, e);
    // Positions in the text before the edit, as the editor computes them (not the server's work).
    const event = changeEvent(doc, e);
    // The clock inside the allocation meter: its heap readings (process.memoryUsage) are not counted.
    const [next, ms] = meter.measure(() =>
      time(() => {
        ws.changes.update(doc, [event], doc.version + 1);
        return ws.analysis(doc, settings);
      }),
    );
    analysis = next;
    compute.push(ms);
    (byKind[e.kind] ??= []).push(ms);
  }
  const fresh = computeAnalysis('file:///fresh.trial', 0, current, settings);
  const sameAsFresh = doc.getText() === current && JSON.stringify(fresh.coreDiagnostics) === JSON.stringify(analysis.coreDiagnostics);
  // Format on save after edits: a cache of earlier formats makes a repeated request on one analysis cheap, so
  // each format is timed once, right after its edit's analysis.
  const format = formatAfterEdits(text, Math.max(50, Math.round(count / 5)), seed);
  return {
    lines: text.split('\n').length,
    compute: quantiles(compute),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, quantiles(v)])) as KeystrokeResult['byKind'],
    allocatedBytes: meter.median(),
    formatOpenMs: format.afterEdit.p50,
    formatOpenP95Ms: format.afterEdit.p95,
    formatOpenFirstMs: format.firstMs,
    formatOpenSameAsFormatText: format.sameAsFormatText,
    sameAsFresh,
  };
}

/** The change event an editor sends for `e` on `doc` (its range in the text before the edit). */
function changeEvent(doc: TextDocument, e: Edit): TextDocumentContentChangeEvent {
  return { range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.remove) }, text: e.insert };
}
