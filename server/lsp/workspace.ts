/**
 * Open documents and their analysis, computed once per (document version, settings) and shared by
 * every feature: diagnostics, hover, symbols, semantic tokens, code actions … all read the same
 * `Analysis`. Completion may read the latest analysis of an older version (it needs only the symbol
 * table; the cursor context comes from the current text), so typing never waits for a parse.
 *
 * A large document with nothing to re-use (just opened, or replaced wholesale) is analysed in parts
 * (`analysisInParts`, parse-in-parts.ts), one analysis per document at a time: a request about it
 * meanwhile waits for that analysis without holding the server, and requests about other documents
 * are answered between the parts.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ParseResult, SourceText, TextChange } from '../../grammar/parse';
import { textOf } from '../../grammar/text-source';
import type { TrialModel } from '../model';
import { alwaysShown, analyzeParsed, analyzeText, rules, type CheckOutcome, type CoreDiagnostic } from './core';
import { MIN_PART_CHARS, parseInParts } from './parse-in-parts';
import { toLspDiagnostic } from './convert';
import { DocumentChanges } from './document-changes';
import { EditedDocument } from './edited-document';
import type { TrialSettings } from './protocol';

export interface Analysis {
  uri: string;
  version: number;
  /** The whole text (made on first use when the analysis read the document in pieces). */
  readonly text: string;
  /** The text as the analysis read it: the editor's document in pieces (edited-document.ts), or a string. */
  source: SourceText;
  settingsKey: string;
  parse: ParseResult;
  model: TrialModel;
  /** What the core reported, before settings and suppression comments. */
  coreDiagnostics: CoreDiagnostic[];
  /** What the editor shows. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Milliseconds the analysis took (for the log and the bench). */
  millis: number;
  /** Over the size limit (size-policy.ts): syntax only, and some features are off. */
  reduced: boolean;
}

/** Codes the writer cannot switch off or ignore: a broken line is never hidden. */
function isSyntax(code: string): boolean {
  return code.startsWith('syntax-');
}

/** The settings group a code belongs to: from the checks' RULES, else by its prefix. */
export function groupOf(code: string): 'units' | 'schedule' | 'registry' | undefined {
  const fromRules = ruleGroups().get(code);
  if (fromRules) return fromRules;
  return undefined;
}

let groupsCache: Map<string, 'units' | 'schedule' | 'registry'> | undefined;
function ruleGroups(): Map<string, 'units' | 'schedule' | 'registry'> {
  if (!groupsCache) {
    groupsCache = new Map();
    for (const r of rules()) {
      const g = String(r.group ?? '').toLowerCase();
      const group = g.startsWith('unit') ? 'units' : g.startsWith('sched') ? 'schedule' : g.startsWith('reg') ? 'registry' : undefined;
      if (group) groupsCache.set(r.code, group);
    }
  }
  return groupsCache;
}

/**
 * Settings applied to the core's diagnostics. The checks already apply them (and `// trial-ignore`);
 * applying them again here is idempotent and keeps the editor right for any diagnostic source.
 */
export function editorDiagnostics(core: CoreDiagnostic[], settings: TrialSettings, version: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of core) {
    // An export blocker silenced by `trial-ignore` stays an error whatever the settings say.
    const override = alwaysShown(d.code) && !isSyntax(d.code) ? undefined : settings.severity[d.code];
    if (override === 'off') continue;
    if (!isSyntax(d.code)) {
      const group = groupOf(d.code);
      if (group && !settings.rules[group]) continue;
    }
    out.push(toLspDiagnostic(d, override, version));
  }
  return out;
}

export class Workspace {
  /** Where each open document changed since its last analysis (the editor's change events). */
  readonly changes = new DocumentChanges();
  readonly documents = new TextDocuments(this.changes);
  private readonly analyses = new Map<string, Analysis>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version under these settings (computed at most once). */
  analysis(doc: TextDocument, settings: TrialSettings): Analysis {
    const key = JSON.stringify(settings);
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settingsKey === key) return cached;
    const change = this.changes.take(doc, cached?.version);
    // The document in pieces: a keystroke's analysis reads only the part around the edit.
    const text = doc instanceof EditedDocument ? doc.source : doc.getText();
    const analysis = computeAnalysis(doc.uri, doc.version, text, settings, cached, change);
    this.analyses.set(doc.uri, analysis);
    return analysis;
  }

  private readonly inFlight = new Map<string, Promise<Analysis>>();
  /** Told when an analysis in parts starts (the server logs it). */
  onLongWork: (uri: string, chars: number) => void = () => undefined;

  /**
   * The analysis of the document's current version; when it is long work (a large text with no
   * previous parse to re-use) it runs in parts with `turn()` between them. One at a time per
   * document: a call while another runs waits for it, then re-uses its parse.
   */
  async analysisInParts(doc: TextDocument, settings: TrialSettings, turn: () => Promise<void>): Promise<Analysis> {
    for (;;) {
      const running = this.inFlight.get(doc.uri);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const current = this.documents.get(doc.uri) ?? doc;
    const cached = this.analyses.get(current.uri);
    const text = current.getText();
    if (!needsParts(text, cached)) return this.analysis(current, settings);
    // The cached analysis's parse is spent by the parse: it must not be served meanwhile.
    this.analyses.delete(current.uri);
    // Changes from now on are relative to this text (the parse in parts compares the texts).
    this.changes.take(current, undefined);
    this.onLongWork(current.uri, text.length);
    const work = computeAnalysisInParts(current.uri, current.version, text, settings, turn, cached).then((analysis) => {
      this.analyses.set(current.uri, analysis);
      return analysis;
    });
    this.inFlight.set(current.uri, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(current.uri);
    }
  }

  /** True while a document's analysis runs in parts (requests about it then wait for it). */
  busy(uri: string): boolean {
    return this.inFlight.has(uri);
  }

  /** The most recent analysis, whatever version it was for (may lag the text by a few keystrokes). */
  latest(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.changes.forget(uri);
  }
}

/**
 * Check a text. With `previous` (the last analysis of the same document) the parse re-uses its
 * unchanged segments, and the whole core result when text and settings are unchanged. `previous`
 * is spent afterwards: only the analysis returned here may be used. `change`, where the text
 * differs from `previous.text` (document-changes.ts), spares the parse comparing the two texts.
 */
export function computeAnalysis(uri: string, version: number, text: SourceText, settings: TrialSettings, previous?: Analysis, change?: TextChange): Analysis {
  const key = JSON.stringify(settings);
  const started = performance.now();
  // A change that replaced something is known to differ (comparing the texts would read them both).
  const edited = change !== undefined && (change.oldEnd > change.start || change.newEnd > change.start);
  const outcome =
    previous && !edited && sameText(previous.source, text) && previous.settingsKey === key
      ? { parse: previous.parse, model: previous.model, diagnostics: previous.coreDiagnostics, reduced: previous.reduced }
      : analyzeText(text, settings, previous?.parse, change);
  return fromOutcome(uri, version, text, settings, outcome, started);
}

/** `computeAnalysis`, parsing in parts with `turn()` between them (parse-in-parts.ts). */
export async function computeAnalysisInParts(uri: string, version: number, text: string, settings: TrialSettings, turn: () => Promise<void>, previous?: Analysis): Promise<Analysis> {
  const started = performance.now();
  const parsed = await parseInParts(text, previous?.parse, turn);
  return fromOutcome(uri, version, text, settings, analyzeParsed(parsed, text, settings), started);
}

/** Long work: a large text whose previous parse is missing or far from it (a part's worth of change or more). */
function needsParts(text: string, previous: Analysis | undefined): boolean {
  if (text.length <= MIN_PART_CHARS) return false;
  return !previous || Math.abs(previous.source.length - text.length) > MIN_PART_CHARS;
}

function sameText(a: SourceText, b: SourceText): boolean {
  return a === b || (a.length === b.length && textOf(a) === textOf(b));
}

function fromOutcome(uri: string, version: number, source: SourceText, settings: TrialSettings, outcome: CheckOutcome, started: number): Analysis {
  const diagnostics = editorDiagnostics(outcome.diagnostics, settings, version);
  return {
    uri,
    version,
    get text() {
      return textOf(source);
    },
    source,
    settingsKey: JSON.stringify(settings),
    parse: outcome.parse,
    model: outcome.model,
    coreDiagnostics: outcome.diagnostics,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 1).length,
    warnings: diagnostics.filter((d) => d.severity === 2).length,
    millis: performance.now() - started,
    reduced: !!outcome.reduced,
  };
}
