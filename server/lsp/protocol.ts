/**
 * The contract between the VS Code client (client/) and the language server (server/lsp/).
 *
 * Plain TypeScript types and method-name constants only: no imports from `vscode` or
 * `vscode-languageserver`, so both sides (and tests) can import this file.
 * URIs are strings in LSP form (`file:///…`); paths are absolute file-system paths.
 */

/** The language id, file extension and the server's diagnostic `source`. */
export const LANGUAGE_ID = 'trial';
export const FILE_EXTENSION = '.trial';
export const DIAGNOSTIC_SOURCE = 'trial';
/** The settings section: `trial.rules.*`, `trial.severity`, `trial.export.folder`, `trial.trace.server`. */
export const CONFIG_SECTION = 'trial';

// ---------------------------------------------------------------------------------------------------
// trial/exportRecord: write `<name>.ctgov.json` beside the file, or into `trial.export.folder`.

export const ExportRecordMethod = 'trial/exportRecord';

export interface ExportRecordParams {
  /** The `.trial` document to export (its open, possibly unsaved, text is what gets exported). */
  uri: string;
  /**
   * Replace an existing record file (the user answered "Replace" to an `exists` refusal). Without
   * it the server never replaces a file whose content differs; symlinks and special files are
   * refused either way.
   */
  overwrite?: boolean;
  /**
   * The effective `trial.export.folder` comes from the user's own settings (not the workspace's):
   * only then may it point outside the workspace folders. The client reads this with
   * `WorkspaceConfiguration.inspect`, which the server cannot.
   */
  folderFromUserSettings?: boolean;
}

export interface ExportRecordSuccess {
  ok: true;
  /** Absolute path of the written `<name>.ctgov.json`. */
  path: string;
  /** Warnings and information the check reported (exports go ahead despite these). */
  warningsCount?: number;
  /** The NCT id or org study id of the exported record, when known. */
  id?: string;
}

export interface ExportRecordRefusal {
  ok: false;
  /** One human sentence, shown to the user as is. */
  reason: string;
  /** How many error diagnostics block the export (0 when the reason is something else, e.g. I/O). */
  diagnosticsCount: number;
  /**
   * Set when the only obstacle is an existing regular file at this absolute path: the client asks
   * the user (modal) and resends with `overwrite: true`.
   */
  exists?: string;
}

export type ExportRecordResult = ExportRecordSuccess | ExportRecordRefusal;

// ---------------------------------------------------------------------------------------------------
// trial/importRecord: a ClinicalTrials.gov API v2 JSON record → a new `.trial` file.

export const ImportRecordMethod = 'trial/importRecord';

export interface ImportRecordParams {
  /** Absolute path of the `.json` record. */
  recordPath: string;
  /** Absolute path of the `.trial` to write; default: beside the record, named after its NCT id (sanitised). */
  targetPath?: string;
  /** Replace an existing `.trial` file (the user answered "Replace" to an `exists` refusal). */
  overwrite?: boolean;
}

export interface ImportRecordSuccess {
  ok: true;
  /** Absolute path of the written `.trial` file. */
  path: string;
  /** Things the import could not carry over, one sentence each. */
  notes?: string[];
  /** The import report (as `trial import --report` prints it): what became structured, what stayed text and why, what the record lacks. */
  report?: ImportReportView;
}

export interface ImportReportView {
  /** The report for people, one line a finding. */
  text: string;
  structuredDoses: number;
  structuredCriteria: number;
  /** What the registry requires that the record lacks. */
  missing: string[];
}

export interface ImportRecordRefusal {
  ok: false;
  reason: string;
  /** Set when the only obstacle is an existing regular file at this absolute path (ask, then resend with `overwrite`). */
  exists?: string;
}

export type ImportRecordResult = ImportRecordSuccess | ImportRecordRefusal;

// ---------------------------------------------------------------------------------------------------
// trial/timeline: the dosing schedule as rows (may be unimplemented server-side: the client treats
// "method not found" (-32601) calmly).

export const TimelineMethod = 'trial/timeline';

export interface TimelineParams {
  uri: string;
}

// The row type is the core's (server/export/timeline.ts); the contract re-exports it.
import type { TimelineRow } from '../export/timeline';
export type { TimelineRange, TimelineRow } from '../export/timeline';

export interface TimelineResult {
  rows: TimelineRow[];
}

// ---------------------------------------------------------------------------------------------------
// trial/checkFiles: the diagnostics of whole files (open documents as edited, others as saved), for the
// `trial` task type, which prints them as `trial check` does so the `$trial` problem matcher reads them.

export const CheckFilesMethod = 'trial/checkFiles';

export interface CheckFilesParams {
  uris: string[];
}

export interface CheckedFile {
  uri: string;
  /** 0-based, as LSP; severity in words, as `trial check` prints it. */
  diagnostics: { line: number; character: number; severity: 'error' | 'warning' | 'information' | 'hint'; code: string; message: string }[];
  /** The file could not be read. */
  error?: string;
}

export interface CheckFilesResult {
  files: CheckedFile[];
}

// ---------------------------------------------------------------------------------------------------
// trial/status: a notification from the server after each check of a document (for the status bar).

export const StatusNotification = 'trial/status';

export interface StatusParams {
  uri: string;
  errors: number;
  warnings: number;
  /** Absolute path of the last export of this document, if one was written in this session. */
  exported?: string;
}

// ---------------------------------------------------------------------------------------------------
// Settings (contributes.configuration, section `trial`), as the server reads them.

export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface TrialSettings {
  rules: { units: boolean; schedule: boolean; registry: boolean };
  /** Diagnostic code → severity override. */
  severity: Record<string, SeverityLevel>;
  export: { folder: string };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: TrialSettings = {
  rules: { units: true, schedule: true, registry: true },
  severity: {},
  export: { folder: '' },
  trace: { server: 'off' },
};

/** JSON-RPC "method not found", which a server that lacks a custom request replies with. */
export const METHOD_NOT_FOUND = -32601;

// ---------------------------------------------------------------------------------------------------
// trial/view: what the Trial view shows (dosing calendar, schedule of activities, registry preview),
// computed by the core (server/view); the client renders it with the core's renderers.

export const TrialViewMethod = 'trial/view';

export interface TrialViewParams {
  uri: string;
}

export type { TrialView } from '../view';

export interface TrialViewResult {
  /** The document version the view was computed from. */
  version: number;
  view: import('../view').TrialView;
}
