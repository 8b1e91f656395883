/** The custom requests of protocol.ts: export a registry record, import one, the dosing timeline. */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Diagnostic as CoreDiagnostic } from '../../grammar/diagnostic';
import { exportDocument, timelineRows, writeExport } from '../export';
import { importRecord } from '../import';
import { completeReport, reportText } from '../import/report';
import { trialView } from '../view';
import { parseRecordJson } from '../import/read-record';
import { containedPath, isInside, readRegularFile, SafeWriteError, writeFileSafely } from '../io/safe-write';
import type {
  ExportRecordResult, ImportRecordParams, ImportRecordResult, TimelineResult, TrialSettings, TrialViewResult,
} from './protocol';
import type { Analysis } from './workspace';

const SEVERITY_NAMES = ['error', 'error', 'warning', 'information', 'hint'] as const;

export function uriToPath(uri: string): string {
  return fileURLToPath(uri);
}

/** Where `<name>.ctgov.json` goes: `trial.export.folder` (absolute, or relative to the workspace folder), else beside the file. */
export function exportTarget(documentPath: string, settings: TrialSettings, workspaceFolders: string[]): string {
  const name = path.basename(documentPath).replace(/\.trial$/i, '') + '.ctgov.json';
  const folder = settings.export.folder.trim();
  if (!folder) return path.join(path.dirname(documentPath), name);
  if (path.isAbsolute(folder)) return path.join(folder, name);
  return path.join(workspaceFolderOf(documentPath, workspaceFolders) ?? path.dirname(documentPath), folder, name);
}

function workspaceFolderOf(file: string, workspaceFolders: string[]): string | undefined {
  return workspaceFolders.find((w) => isInside(w, file)) ?? workspaceFolders[0];
}

/**
 * A workspace's settings are written by whoever wrote the workspace: its `trial.export.folder` may
 * only send records somewhere inside the workspace (or beside the protocol when there is none). The
 * user's own settings may name any folder.
 */
function outsideWorkspace(target: string, documentPath: string, workspaceFolders: string[]): boolean {
  const roots = workspaceFolders.length > 0 ? workspaceFolders : [path.dirname(documentPath)];
  return !roots.some((r) => isInside(r, target));
}

/** The same bytes are already there: nothing to write, nothing to ask. */
function sameContent(target: string, text: string): boolean {
  try {
    return fs.lstatSync(target).isFile() && fs.readFileSync(target, 'utf8') === text;
  } catch {
    return false;
  }
}

export interface ExportOptions {
  overwrite?: boolean;
  folderFromUserSettings?: boolean;
}

/** Export what the writer sees: the diagnostics with the editor's settings applied decide. */
export function exportRecord(analysis: Analysis, settings: TrialSettings, workspaceFolders: string[], options: ExportOptions = {}): ExportRecordResult {
  const diagnostics = shownDiagnostics(analysis);
  const result = exportDocument({ parse: analysis.parse, model: analysis.model, diagnostics }, { settingsApplied: { text: analysis.text } });
  if (!result.ok) {
    const reason = result.reason.charAt(0).toUpperCase() + result.reason.slice(1) + '.';
    return { ok: false, reason, diagnosticsCount: analysis.errors };
  }
  if (!analysis.uri.startsWith('file:')) {
    return { ok: false, reason: 'Save the protocol to a file first: the record is written beside it.', diagnosticsCount: 0 };
  }
  const documentPath = uriToPath(analysis.uri);
  const target = exportTarget(documentPath, settings, workspaceFolders);
  if (!options.folderFromUserSettings && outsideWorkspace(target, documentPath, workspaceFolders)) {
    return {
      ok: false,
      reason: `The workspace setting trial.export.folder ("${settings.export.folder}") points outside the workspace (${target}); nothing was written. Set the folder in your user settings to export there.`,
      diagnosticsCount: 0,
    };
  }
  const id = analysis.model.trial?.statements.find((s) => s.kind === 'NctId' || s.kind === 'OrgStudyId') as { id?: { value: string } } | undefined;
  const success: ExportRecordResult = { ok: true, path: target, warningsCount: result.warnings.length, ...(id?.id ? { id: id.id.value } : {}) };
  if (sameContent(target, result.json)) return success;
  try {
    writeExport(target, result.json, { overwrite: options.overwrite ?? false });
  } catch (e) {
    if (e instanceof SafeWriteError && e.kind === 'exists') {
      return { ok: false, reason: `${path.basename(target)} already exists.`, diagnosticsCount: 0, exists: target };
    }
    return { ok: false, reason: `The record could not be written to ${target}: ${(e as Error).message}.`, diagnosticsCount: 0 };
  }
  return success;
}

export function importRecordFile(params: ImportRecordParams): ImportRecordResult {
  if (typeof params?.recordPath !== 'string' || (params.targetPath !== undefined && typeof params.targetPath !== 'string')) {
    return { ok: false, reason: 'The request names no record file (recordPath must be a path).' };
  }
  const name = path.basename(params.recordPath);
  let json: unknown;
  try {
    json = parseRecordJson(readRegularFile(params.recordPath), name, (m) => new Error(m));
  } catch (e) {
    return { ok: false, reason: `${(e as Error).message.replace(params.recordPath, name)}.` };
  }
  let trials;
  try {
    trials = importRecord(json);
  } catch (e) {
    return { ok: false, reason: `${name}: ${(e as Error).message}.` };
  }
  const first = trials[0];
  if (!first) return { ok: false, reason: 'The record holds no study.' };
  let target: string;
  try {
    // Without a target the name comes from the record: sanitised, and it must stay beside the record.
    target = params.targetPath ?? containedPath(path.dirname(params.recordPath), first.fileName);
  } catch (e) {
    return { ok: false, reason: `${(e as Error).message}.` };
  }
  try {
    writeFileSafely(target, first.text, { overwrite: params.overwrite ?? false });
  } catch (e) {
    if (e instanceof SafeWriteError && e.kind === 'exists') return { ok: false, reason: `${path.basename(target)} already exists.`, exists: target };
    return { ok: false, reason: `${(e as Error).message}.` };
  }
  const notes = [...first.notes, ...(trials.length > 1 ? [`The file holds ${trials.length} studies; only the first (${first.id}) was imported.`] : [])];
  const report = completeReport(first);
  return {
    ok: true,
    path: target,
    ...(notes.length ? { notes } : {}),
    report: { text: reportText(first, report), structuredDoses: report.doses.length, structuredCriteria: report.criteria.length, missing: report.missing },
  };
}

export function timeline(analysis: Analysis): TimelineResult {
  return { rows: timelineRows(analysis.model) };
}

/** What the editor shows, as core diagnostics with the severity the settings gave them (suppressed ones are gone). */
function shownDiagnostics(analysis: Analysis): CoreDiagnostic[] {
  return analysis.diagnostics.map((d) => {
    const core = (d.data as { core?: CoreDiagnostic } | undefined)?.core;
    const base: CoreDiagnostic = core ?? { code: String(d.code ?? ''), severity: 'error', message: typeof d.message === 'string' ? d.message : d.message.value, range: analysis.parse.lines.range(0, 0) };
    return { ...base, severity: SEVERITY_NAMES[d.severity ?? 1] };
  });
}

/** The Trial view of a document: computed by the core from the analysis the editor already has (its diagnostics decide what blocks the export). */
export function trialViewOf(analysis: Analysis): TrialViewResult {
  return { version: analysis.version, view: trialView(analysis.model, shownDiagnostics(analysis)) };
}
