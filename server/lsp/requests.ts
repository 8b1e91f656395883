/** The custom requests of protocol.ts: export a registry record, import one, the dosing timeline. */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Diagnostic as CoreDiagnostic } from '../../grammar/diagnostic';
import { exportDocument, timelineRows, writeExport } from '../export';
import { importRecord } from '../import';
import type {
  ExportRecordResult, ImportRecordParams, ImportRecordResult, TimelineResult, TrialSettings,
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
  const root = workspaceFolders.find((w) => documentPath.startsWith(w + path.sep)) ?? workspaceFolders[0] ?? path.dirname(documentPath);
  return path.join(root, folder, name);
}

/** Export what the writer sees: the diagnostics with the editor's settings applied decide. */
export function exportRecord(analysis: Analysis, settings: TrialSettings, workspaceFolders: string[]): ExportRecordResult {
  const diagnostics: CoreDiagnostic[] = analysis.diagnostics.map((d) => {
    const core = (d.data as { core?: CoreDiagnostic } | undefined)?.core;
    const base: CoreDiagnostic = core ?? { code: String(d.code ?? ''), severity: 'error', message: typeof d.message === 'string' ? d.message : d.message.value, range: analysis.parse.lines.range(0, 0) };
    return { ...base, severity: SEVERITY_NAMES[d.severity ?? 1] };
  });
  const result = exportDocument({ parse: analysis.parse, model: analysis.model, diagnostics });
  if (!result.ok) {
    const reason = result.reason.charAt(0).toUpperCase() + result.reason.slice(1) + '.';
    return { ok: false, reason, diagnosticsCount: analysis.errors };
  }
  if (!analysis.uri.startsWith('file:')) {
    return { ok: false, reason: 'Save the protocol to a file first: the record is written beside it.', diagnosticsCount: 0 };
  }
  const target = exportTarget(uriToPath(analysis.uri), settings, workspaceFolders);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeExport(target, result.json);
  } catch (e) {
    return { ok: false, reason: `The record could not be written to ${target}: ${(e as Error).message}.`, diagnosticsCount: 0 };
  }
  const id = analysis.model.trial?.statements.find((s) => s.kind === 'NctId' || s.kind === 'OrgStudyId') as { id?: { value: string } } | undefined;
  return { ok: true, path: target, warningsCount: result.warnings.length, ...(id?.id ? { id: id.id.value } : {}) };
}

export function importRecordFile(params: ImportRecordParams): ImportRecordResult {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(params.recordPath, 'utf8'));
  } catch (e) {
    return { ok: false, reason: `${path.basename(params.recordPath)} could not be read as JSON: ${(e as Error).message}.` };
  }
  let trials;
  try {
    trials = importRecord(json);
  } catch (e) {
    return { ok: false, reason: `${path.basename(params.recordPath)}: ${(e as Error).message}.` };
  }
  const first = trials[0];
  if (!first) return { ok: false, reason: 'The record holds no study.' };
  const target = params.targetPath ?? path.join(path.dirname(params.recordPath), first.fileName);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, first.text);
  } catch (e) {
    return { ok: false, reason: `${target} could not be written: ${(e as Error).message}.` };
  }
  const notes = [...first.notes, ...(trials.length > 1 ? [`The file holds ${trials.length} studies; only the first (${first.id}) was imported.`] : [])];
  return { ok: true, path: target, ...(notes.length ? { notes } : {}) };
}

export function timeline(analysis: Analysis): TimelineResult {
  return { rows: timelineRows(analysis.model) };
}
