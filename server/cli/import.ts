/** `trial import RECORD.json [-o OUT.trial] [--out-dir DIR] [--force]` */
import * as path from 'node:path';
import { ImportError, importRecord } from '../import';
import { containedPath, refusalFor, writeFileSafely } from '../io/safe-write';
import { parseRecordJson } from '../import/read-record';
import { completeReport, reportJson, reportText } from '../import/report';
import { readText, writeError } from './files';
import { CliError, EXIT_OK, type CliIo } from './io';

export function importCommand(record: string, options: { output?: string; outDir?: string; force?: boolean; report?: boolean; format?: 'text' | 'json' }, io: CliIo): number {
  if (options.output && options.outDir) throw new CliError('use either -o or --out-dir, not both');
  const json = parseRecordJson(readText(record, io.cwd), record, (m) => new CliError(m));
  let trials;
  try {
    trials = importRecord(json);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${record}: ${e.message}`);
    throw e;
  }
  if (options.output && trials.length !== 1) throw new CliError(`-o names one file, but ${record} has ${trials.length} studies; use --out-dir`);
  // Names come from the record: sanitised by the importer, and kept inside the folder asked for.
  const folder = path.resolve(io.cwd, options.outDir ?? path.dirname(record));
  const targets = trials.map((t) => (options.output ? path.resolve(io.cwd, options.output) : containedPath(folder, t.fileName)));
  const shown = (target: string) => path.relative(io.cwd, target) || target;
  // All or nothing: every target is checked before the first is written.
  for (const target of targets) {
    const refusal = refusalFor(target, Boolean(options.force));
    if (refusal) throw writeError(refusal, shown(target));
  }
  const asJson = options.report && options.format === 'json';
  const reports: object[] = [];
  trials.forEach((t, i) => {
    const target = targets[i]!;
    try {
      writeFileSafely(target, t.text, { overwrite: Boolean(options.force) });
    } catch (e) {
      throw writeError(e, shown(target));
    }
    if (asJson) {
      reports.push({ record, target: shown(target), ...reportJson(t, completeReport(t)) });
      return;
    }
    io.stdout(`${record} → ${shown(target)}${t.notes.length > 0 ? ` (${t.notes.length} note${t.notes.length === 1 ? '' : 's'})` : ''}\n`);
    for (const n of t.notes) io.stdout(`  note: ${n}\n`);
    if (options.report) io.stdout(reportText(t));
  });
  if (asJson) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  return EXIT_OK;
}
