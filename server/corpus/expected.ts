/**
 * The committed expectation of a corpus run (test/corpus/expected.json): per record, its error and
 * warning codes with counts, whether the export is written, and the fields that do not come back
 * unchanged. One record per line, so parallel changes to different records merge cleanly.
 * `diffExpected` lists every change; `regression` marks a new diagnostic, a newly lost field, a new
 * crash or a newly refused export.
 */
import type { RecordOutcome } from './run-record';

export interface ExpectedRecord {
  crash?: string;
  errors: Record<string, number>;
  warnings: Record<string, number>;
  exported: 'ok' | 'refused';
  /** Field patterns (indices as `[]`) that are not equal in the export, sorted. */
  notRoundTripped: string[];
}

export type Expected = Record<string, ExpectedRecord>;

export function expectedOf(outcomes: RecordOutcome[]): Expected {
  const out: Expected = {};
  for (const o of [...outcomes].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    out[o.name] = {
      ...(o.crash ? { crash: o.crash.stage } : {}),
      errors: o.errors,
      warnings: o.warnings,
      exported: o.exported,
      notRoundTripped: Object.entries(o.fields).filter(([, t]) => t.differs + t.missing + t.added > 0).map(([f]) => f).sort(),
    };
  }
  return out;
}

export function serializeExpected(e: Expected): string {
  const lines = Object.entries(e).map(([name, r]) => `  ${JSON.stringify(name)}: ${JSON.stringify(r)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

export interface ExpectedChange {
  record: string;
  regression: boolean;
  message: string;
}

export function diffExpected(expected: Expected, actual: Expected): ExpectedChange[] {
  const changes: ExpectedChange[] = [];
  const add = (record: string, regression: boolean, message: string) => changes.push({ record, regression, message });
  for (const name of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const e = expected[name];
    const a = actual[name];
    if (!e) { add(name, true, 'a record not in the expected file'); continue; }
    if (!a) { add(name, false, 'a record of the expected file is no longer in the corpus'); continue; }
    if (a.crash !== e.crash) add(name, !!a.crash, a.crash ? `now crashes (${a.crash})` : `no longer crashes (was ${e.crash})`);
    for (const [kind, ea, aa] of [['error', e.errors, a.errors], ['warning', e.warnings, a.warnings]] as const) {
      for (const code of [...new Set([...Object.keys(ea), ...Object.keys(aa)])].sort()) {
        const before = ea[code] ?? 0;
        const now = aa[code] ?? 0;
        if (now > before) add(name, true, `new ${kind} ${code} (${before} → ${now})`);
        else if (now < before) add(name, false, `fewer ${kind}s ${code} (${before} → ${now})`);
      }
    }
    if (a.exported !== e.exported) add(name, a.exported === 'refused', `export ${e.exported} → ${a.exported}`);
    for (const f of a.notRoundTripped) if (!e.notRoundTripped.includes(f)) add(name, true, `field no longer comes back unchanged: ${f}`);
    for (const f of e.notRoundTripped) if (!a.notRoundTripped.includes(f)) add(name, false, `field now comes back unchanged: ${f}`);
  }
  return changes;
}
