/**
 * Formatting the open document as a writer with format-on-save meets it: after each seeded edit
 * that leaves the document valid, the server's analysis of the edited text (untimed, as the
 * keystroke section times it), then `formatOpenDocument` on that analysis, timed once, and its
 * edits applied (the saved document is formatted, the next edit starts from it). An edit that
 * breaks the document is undone instead (a broken document is refused at no cost: timing it would
 * flatter the figure). The first format of the document as opened is reported on its own: it
 * prints every segment, the later ones only what changed.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText, syntaxErrors } from '../grammar/format';
import { applyEdits, formatOpenDocument } from '../server/lsp/formatting';
import { DEFAULT_SETTINGS } from '../server/lsp/protocol';
import { computeAnalysis, type Analysis } from '../server/lsp/workspace';
import { applyEdit, seededEdits } from './edits';
import { quantiles, time, type Quantiles } from './stats';

export interface FormatOpenResult {
  /** Format right after an edit (edit → analysis → format), over `n` edits that left the document valid. */
  afterEdit: Quantiles;
  /** The first format of the document as opened. */
  firstMs: number;
  /** The applied edits gave what formatText gives for the final text. */
  sameAsFormatText: boolean;
}

export function formatAfterEdits(text: string, formats: number, seed = 7): FormatOpenResult {
  const uri = 'file:///format-open.trial';
  let version = 0;
  let current = text;
  let analysis: Analysis = computeAnalysis(uri, version, current, DEFAULT_SETTINGS);
  const doc = (): TextDocument => TextDocument.create(uri, 'trial', version, current);
  const formatAndSave = (): number => {
    const open = doc();
    const [outcome, ms] = time(() => formatOpenDocument(open, analysis));
    if (outcome.edits.length > 0) {
      current = applyEdits(open, outcome.edits);
      analysis = computeAnalysis(uri, ++version, current, DEFAULT_SETTINGS, analysis);
    }
    return ms;
  };
  const firstMs = formatAndSave();
  const samples: number[] = [];
  for (let k = 0; samples.length < formats && k < formats * 20; k++) {
    // One edit of the bench's kinds at a time, drawn against the current text.
    const edit = seededEdits(current, 1, seed + k)[0]!;
    const edited = applyEdit(current, edit);
    const next = computeAnalysis(uri, version + 1, edited, DEFAULT_SETTINGS, analysis);
    if (syntaxErrors(next.parse).length > 0) {
      analysis = computeAnalysis(uri, version + 2, current, DEFAULT_SETTINGS, next);
      version += 2;
      continue;
    }
    analysis = next;
    current = edited;
    version++;
    samples.push(formatAndSave());
  }
  const expected = formatText(current);
  return { afterEdit: quantiles(samples), firstMs, sameAsFormatText: expected.ok && expected.text === current };
}
