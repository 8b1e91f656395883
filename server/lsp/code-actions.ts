/**
 * Code actions: every quick fix the checks offer for a diagnostic (chosen by the diagnostic's code,
 * carried with the core diagnostic in `data`), and for every non-syntax diagnostic an action that
 * inserts `// trial-ignore CODE` on the line above — except for an export blocker, which a comment
 * cannot make exportable (server/checks/export-blocking.ts). An action is offered once: actions with
 * the same title and edits (two diagnostics on one line, one fix for both) become one action that
 * names all their diagnostics.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { alwaysShown, blocksExport, quickFixesFor, type CoreDiagnostic } from './core';
import { coreRangeToLsp, intersects } from './convert';
import type { Analysis } from './workspace';

interface DiagnosticData {
  code?: string;
  version?: number;
  core?: CoreDiagnostic;
}

/** The core diagnostic behind an editor diagnostic, in the analysis of the current text. */
function coreOf(analysis: Analysis, d: Diagnostic): CoreDiagnostic | undefined {
  const data = (d.data ?? {}) as DiagnosticData;
  const code = data.code ?? (typeof d.code === 'string' ? d.code : undefined);
  if (!code) return undefined;
  if (data.core && data.version === analysis.version) return data.core;
  // Stale or foreign diagnostic: find the same problem in the current analysis.
  return analysis.coreDiagnostics.find((c) => c.code === code && c.range.start.line === d.range.start.line && c.message === d.message)
    ?? analysis.coreDiagnostics.find((c) => c.code === code && c.range.start.line === d.range.start.line);
}

export function codeActions(analysis: Analysis, doc: TextDocument, params: CodeActionParams, log: (m: string) => void): CodeAction[] {
  const only = params.context.only;
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  if (!wantsQuickFix) return [];
  const actions: CodeAction[] = [];
  const diagnostics = params.context.diagnostics.filter((d) => d.source === undefined || d.source === 'trial');
  for (const d of diagnostics) {
    // A diagnostic of the current version carries its own range in `data`: the client sent it because it
    // applies here, and its echoed range may be in another unit (byte columns in some clients), so the
    // echoed range is not compared. Only a stale or foreign diagnostic is filtered by the requested range.
    const data = (d.data ?? {}) as DiagnosticData;
    const current = !!data.core && data.version === analysis.version;
    if (!current && !intersects(d.range, params.range)) continue;
    const core = coreOf(analysis, d);
    const code = core?.code ?? (typeof d.code === 'string' ? d.code : undefined);
    if (core) {
      let fixes: ReturnType<typeof quickFixesFor> = [];
      try {
        fixes = quickFixesFor(analysis.text, core);
      } catch (e) {
        log(`quickFixes(${core.code}) threw: ${(e as Error).stack ?? e}`);
      }
      for (const fix of fixes) {
        const edits: TextEdit[] = fix.edits.map((e) => ({ range: coreRangeToLsp(e.range, analysis.parse.lines), newText: e.newText }));
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.isPreferred ?? fixes.length === 1,
          edit: { changes: { [analysis.uri]: edits } },
        });
      }
    }
    if (code && !alwaysShown(code) && !(core && blocksExport(core))) actions.push(ignoreAction(doc, analysis.uri, d, code));
  }
  return unique(actions);
}

/** One action per title and edits; the first keeps its place and gains the others' diagnostics. */
function unique(actions: CodeAction[]): CodeAction[] {
  const byKey = new Map<string, CodeAction>();
  const out: CodeAction[] = [];
  for (const a of actions) {
    const key = JSON.stringify([a.title, a.edit]);
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, a);
      out.push(a);
      continue;
    }
    first.diagnostics = [...(first.diagnostics ?? []), ...(a.diagnostics ?? [])];
    first.isPreferred = first.isPreferred || a.isPreferred;
  }
  return out;
}

function ignoreAction(doc: TextDocument, uri: string, d: Diagnostic, code: string): CodeAction {
  const line = d.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const previous = line > 0 ? doc.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '') : '';
  const existing = /^(\s*\/\/\s*trial-ignore\b)(.*)$/.exec(previous);
  const edit: TextEdit = existing
    ? { range: { start: { line: line - 1, character: previous.length }, end: { line: line - 1, character: previous.length } }, newText: `${existing[2].trim() ? ',' : ''} ${code}` }
    : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// trial-ignore ${code}\n` };
  return {
    title: `Ignore ${code} on this line (// trial-ignore)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    edit: { changes: { [uri]: [edit] } },
  };
}
