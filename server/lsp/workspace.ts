/**
 * Open documents and their analysis, computed once per (document version, settings) and shared by
 * every feature: diagnostics, hover, symbols, semantic tokens, code actions … all read the same
 * `Analysis`. Completion may read the latest analysis of an older version (it needs only the symbol
 * table; the cursor context comes from the current text), so typing never waits for a parse.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ParseResult } from '../../grammar/parse';
import type { TrialModel } from '../model';
import { alwaysShown, analyzeText, rules, type CoreDiagnostic } from './core';
import { toLspDiagnostic } from './convert';
import type { TrialSettings } from './protocol';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
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
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, Analysis>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version under these settings (computed at most once). */
  analysis(doc: TextDocument, settings: TrialSettings): Analysis {
    const key = JSON.stringify(settings);
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settingsKey === key) return cached;
    const analysis = computeAnalysis(doc.uri, doc.version, doc.getText(), settings, cached);
    this.analyses.set(doc.uri, analysis);
    return analysis;
  }

  /** The most recent analysis, whatever version it was for (may lag the text by a few keystrokes). */
  latest(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}

/**
 * Check a text. With `previous` (the last analysis of the same document) the parse re-uses its
 * unchanged segments, and the whole core result when text and settings are unchanged. `previous`
 * is spent afterwards: only the analysis returned here may be used.
 */
export function computeAnalysis(uri: string, version: number, text: string, settings: TrialSettings, previous?: Analysis): Analysis {
  const key = JSON.stringify(settings);
  const started = performance.now();
  const outcome =
    previous && previous.text === text && previous.settingsKey === key
      ? { parse: previous.parse, model: previous.model, diagnostics: previous.coreDiagnostics }
      : analyzeText(text, settings, previous?.parse);
  const diagnostics = editorDiagnostics(outcome.diagnostics, settings, version);
  return {
    uri,
    version,
    text,
    settingsKey: key,
    parse: outcome.parse,
    model: outcome.model,
    coreDiagnostics: outcome.diagnostics,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 1).length,
    warnings: diagnostics.filter((d) => d.severity === 2).length,
    millis: performance.now() - started,
  };
}
