/**
 * One registry record through the whole product, in process: import → check → export → compare the
 * export with the original record (compare-record.ts). Never throws: a crash of any stage is an
 * outcome of its own, so one bad record cannot hide the others.
 */
import { buildRecord, exportDocument } from '../export';
import { diagnoseText } from '../export/diagnose';
import { importStudy } from '../import';
import { compareRecord, type FieldTally } from './compare-record';

export interface RecordOutcome {
  /** File name relative to the corpus folder, `#n` added when a file holds several studies. */
  name: string;
  nctId?: string;
  /** The stage that threw, with its message. */
  crash?: { stage: 'read' | 'import' | 'check' | 'export'; message: string };
  /** Diagnostic code → how many, by severity (information and hints are not counted). */
  errors: Record<string, number>;
  warnings: Record<string, number>;
  /** `ok`, or why `trial export` refused the record. */
  exported: 'ok' | 'refused';
  refusal?: string;
  /** The export's schema issues, when it was refused for them. */
  schemaIssues: string[];
  /** Field pattern → tally of its leaves (see compare-record.ts). */
  fields: Record<string, FieldTally>;
  /** Top-level parts of the record outside protocolSection (results, derived…), never exported. */
  otherSections: string[];
}

const count = (codes: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const c of [...codes].sort()) out[c] = (out[c] ?? 0) + 1;
  return out;
};

/** The studies of a parsed record file: one study, `{"studies": [...]}` or an array. */
export function studiesOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object' && Array.isArray((json as Record<string, unknown>)['studies'])) return (json as { studies: unknown[] }).studies;
  return [json];
}

export function runStudy(name: string, study: unknown): RecordOutcome {
  const s = (study && typeof study === 'object' ? study : {}) as Record<string, unknown>;
  const ps = s['protocolSection'] as Record<string, unknown> | undefined;
  const nctId = (ps?.['identificationModule'] as Record<string, unknown> | undefined)?.['nctId'];
  const outcome: RecordOutcome = {
    name, nctId: typeof nctId === 'string' ? nctId : undefined,
    errors: {}, warnings: {}, exported: 'refused', schemaIssues: [], fields: {},
    otherSections: Object.keys(s).filter((k) => k !== 'protocolSection').sort(),
  };
  let stage: NonNullable<RecordOutcome['crash']>['stage'] = 'import';
  try {
    const imported = importStudy(study);
    stage = 'check';
    const diagnosed = diagnoseText(imported.text);
    outcome.errors = count(diagnosed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
    outcome.warnings = count(diagnosed.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code));
    stage = 'export';
    const result = exportDocument(diagnosed);
    if (result.ok) outcome.exported = 'ok';
    else {
      outcome.refusal = result.reason;
      outcome.schemaIssues = (result.issues ?? []).map((i) => `${i.path}: ${i.message}`);
    }
    // The round trip is measured on the built record even when the export is refused for errors,
    // so a false error does not hide what the export would lose.
    const built = result.ok ? result.record : buildRecord(diagnosed.model).record;
    const exportedPs = (built as { protocolSection?: unknown }).protocolSection;
    outcome.fields = Object.fromEntries(compareRecord(ps ?? {}, exportedPs ?? {}));
  } catch (e) {
    outcome.crash = { stage, message: (e as Error)?.message ?? String(e) };
  }
  return outcome;
}

/** A record file's text → one outcome per study in it. */
export function runRecordText(name: string, text: string): RecordOutcome[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return [{ name, errors: {}, warnings: {}, exported: 'refused', schemaIssues: [], fields: {}, otherSections: [], crash: { stage: 'read', message: `not valid JSON: ${(e as Error).message}` } }];
  }
  const studies = studiesOf(json);
  return studies.map((study, i) => runStudy(studies.length > 1 ? `${name}#${i + 1}` : name, study));
}
