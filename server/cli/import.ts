/** `trial import RECORD.json [-o OUT.trial] [--out-dir DIR] [--force]` */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../export/write';
import { ImportError, importRecord } from '../import';
import { readText } from './files';
import { CliError, EXIT_OK, type CliIo } from './io';

export function importCommand(record: string, options: { output?: string; outDir?: string; force?: boolean }, io: CliIo): number {
  let json: unknown;
  try {
    json = JSON.parse(readText(record, io.cwd));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${record} is not valid JSON: ${(e as Error).message}`);
  }
  let trials;
  try {
    trials = importRecord(json);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${record}: ${e.message}`);
    throw e;
  }
  if (options.output && trials.length !== 1) throw new CliError(`-o names one file, but ${record} has ${trials.length} studies; use --out-dir`);
  const targets = trials.map((t) => options.output ?? path.join(options.outDir ?? path.dirname(record), t.fileName));
  for (const target of targets) {
    if (!options.force && fs.existsSync(path.resolve(io.cwd, target))) throw new CliError(`${target} already exists; use --force to replace it`);
  }
  trials.forEach((t, i) => {
    const target = targets[i]!;
    try {
      writeFileAtomic(path.resolve(io.cwd, target), t.text);
    } catch (e) {
      throw new CliError(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    io.stdout(`${record} → ${target}${t.notes.length > 0 ? ` (${t.notes.length} note${t.notes.length === 1 ? '' : 's'})` : ''}\n`);
    for (const n of t.notes) io.stdout(`  note: ${n}\n`);
  });
  return EXIT_OK;
}
