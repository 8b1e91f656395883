/**
 * Seeded keystrokes in-process, through the language server's own path (`computeAnalysis` with the
 * previous analysis, as the server does per change): compute time per edit (p50/p95/p99), by
 * edit kind, bytes allocated per keystroke, and formatting the open document at the end. Checks
 * at the end that the incremental result equals a fresh analysis of the same text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOpenDocument } from '../server/lsp/formatting';
import { DEFAULT_SETTINGS } from '../server/lsp/protocol';
import { computeAnalysis } from '../server/lsp/workspace';
import { applyEdit, seededEdits, type EditKind } from './edits';
import { AllocationMeter, medianMs, quantiles, time, type Quantiles } from './stats';

export interface KeystrokeResult {
  lines: number;
  compute: Quantiles;
  byKind: Partial<Record<EditKind, Quantiles>>;
  allocatedBytes: number;
  formatOpenMs: number;
  sameAsFresh: boolean;
}

export function keystrokes(text: string, count: number, seed = 42): KeystrokeResult {
  const settings = DEFAULT_SETTINGS;
  const edits = seededEdits(text, count, seed);
  // Warm-up on a copy of the path (JIT, unit caches), not counted.
  let warm = computeAnalysis('file:///warm.trial', 0, text, settings);
  let warmText = text;
  for (const e of seededEdits(text, Math.min(100, count), seed + 1)) {
    warmText = applyEdit(warmText, e);
    warm = computeAnalysis('file:///warm.trial', 1, warmText, settings, warm);
  }
  let current = text;
  let analysis = computeAnalysis('file:///bench.trial', 0, current, settings);
  const compute: number[] = [];
  const byKind: Partial<Record<EditKind, number[]>> = {};
  const meter = new AllocationMeter();
  edits.forEach((e, i) => {
    current = applyEdit(current, e);
    const previous = analysis;
    // The clock inside the allocation meter: its heap readings (process.memoryUsage) are not counted.
    const [next, ms] = meter.measure(() => time(() => computeAnalysis('file:///bench.trial', i + 1, current, settings, previous)));
    analysis = next;
    compute.push(ms);
    (byKind[e.kind] ??= []).push(ms);
  });
  const fresh = computeAnalysis('file:///fresh.trial', 0, current, settings);
  const sameAsFresh = JSON.stringify(fresh.coreDiagnostics) === JSON.stringify(analysis.coreDiagnostics);
  // Format the open document (valid again: the original text), as the editor asks for it.
  const doc = TextDocument.create('file:///bench.trial', 'trial', edits.length + 2, text);
  let open = computeAnalysis(doc.uri, doc.version, text, settings, analysis);
  const formatOpenMs = medianMs(10, () => formatOpenDocument(doc, open));
  open = undefined as never;
  return {
    lines: text.split('\n').length,
    compute: quantiles(compute),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, quantiles(v)])) as KeystrokeResult['byKind'],
    allocatedBytes: meter.median(),
    formatOpenMs,
    sameAsFresh,
  };
}
