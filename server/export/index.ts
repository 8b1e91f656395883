/**
 * Registry export: `.trial` text → ClinicalTrials.gov API v2 record JSON.
 *
 *   exportText(text)              → ExportResult (refuses on error diagnostics or schema issues)
 *   exportDocument(diagnosed, o?) → ExportResult from an already checked document (with
 *                                   `settingsApplied`, export blockers the settings hide still refuse)
 *   serializeRecord(record)       → deterministic JSON text (2 spaces, trailing newline)
 *   writeExport(path, json, opts?) → safe atomic write (server/io/safe-write.ts: no silent replace, no symlinks)
 *   buildRecord(model)            → the record object, unvalidated (for tests and previews)
 *   renderDosing / renderDose / renderEligibilityCriteria: the registry texts
 *   timelineRows(model)           → dosing rows per arm and intervention
 *
 * Pure core (no editor imports).
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { validateExportRecord, type ExportRecord, type RecordIssue } from '../registry/schema';
import { buildRecord } from './build-record';
import { diagnoseText, type Diagnosed } from './diagnose';
import { writeFileSafely, type SafeWriteOptions } from '../io/safe-write';
import { blockersHiddenBySettings, refuseErrors } from './gate';

export { buildRecord, registryAge, renderTimePoints, type BuiltRecord } from './build-record';
// The registry texts, re-exported for the export's users (they live in server/wording, shared with the checks).
export * from '../wording';
export { diagnoseText, type Diagnosed } from './diagnose';
export { timelineRows, formatTimeline } from './timeline';

export type ExportResult =
  | { ok: true; record: ExportRecord; json: string; warnings: Diagnostic[] }
  | {
    ok: false;
    /** One sentence for the user. */
    reason: string;
    /** Error diagnostics of the protocol that block the export (with their ranges). */
    diagnostics: Diagnostic[];
    /** Schema issues of the built record, when the protocol was clean but the record is not. */
    issues?: RecordIssue[];
  };

/** Stable JSON: the builder's key order (the registry's), 2-space indent, trailing newline. */
export function serializeRecord(record: unknown): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export interface ExportDocumentOptions {
  /**
   * The diagnostics were computed under the writer's settings (the editor's `trial.rules.*` and
   * `trial.severity`): the export blockers are then checked again under the default settings, so
   * no setting lets a record the registry refuses through (gate.ts). `text` is the document's.
   */
  settingsApplied?: { text: string };
}

export function exportDocument(d: Diagnosed, options: ExportDocumentOptions = {}): ExportResult {
  const errors = d.diagnostics.filter((x) => x.severity === 'error');
  const warnings = d.diagnostics.filter((x) => x.severity !== 'error');
  if (errors.length > 0) return { ok: false, ...refuseErrors(errors) };
  if (options.settingsApplied) {
    const hidden = blockersHiddenBySettings(d.model, options.settingsApplied.text);
    if (hidden) return { ok: false, ...hidden };
  }
  const built = buildRecord(d.model);
  if (built.problems.length > 0) {
    return { ok: false, reason: `${built.problems.length} value${built.problems.length === 1 ? '' : 's'} cannot be written to the registry; nothing was written`, diagnostics: built.problems };
  }
  const valid = validateExportRecord(built.record);
  if (!valid.ok) {
    return { ok: false, reason: `the record does not pass the registry schema (${valid.issues.length} issue${valid.issues.length === 1 ? '' : 's'}); nothing was written`, diagnostics: [], issues: valid.issues };
  }
  return { ok: true, record: valid.value, json: serializeRecord(built.record), warnings };
}

export function exportText(text: string, diagnose: (text: string) => Diagnosed = diagnoseText): ExportResult {
  return exportDocument(diagnose(text));
}

/** Writes an export's JSON atomically; an existing file only with `overwrite` (see server/io/safe-write.ts). */
export function writeExport(target: string, json: string, options?: SafeWriteOptions): void {
  writeFileSafely(target, json, options);
}
