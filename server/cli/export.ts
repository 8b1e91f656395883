/** `trial export FILE… [-o OUT.json] [--out-dir DIR] [--force]` */
import * as path from 'node:path';
import { exportText, writeExport } from '../export';
import { refusalFor } from '../io/safe-write';
import { expandTrialFiles, progress, readText, writeError } from './files';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';
import { formatTextLine } from './report';

/** `examples/ZEPHYR-1.trial` → `ZEPHYR-1.ctgov.json` (the editor's name for exports too). */
export function recordFileName(trialFile: string): string {
  return `${path.basename(trialFile).replace(/\.trial$/i, '')}.ctgov.json`;
}

export function exportCommand(args: string[], options: { output?: string; outDir?: string; force?: boolean }, io: CliIo): number {
  const files = expandTrialFiles(args, io.cwd);
  if (options.output && files.length !== 1) throw new CliError(`-o names one output file, but ${files.length} protocols were given; use --out-dir`);
  if (options.output && options.outDir) throw new CliError('use either -o or --out-dir, not both');
  const targetOf = (file: string) => options.output ?? (options.outDir ? path.join(options.outDir, recordFileName(file)) : path.join(path.dirname(file), recordFileName(file)));
  const overwrite = Boolean(options.force);
  // All or nothing on what is already there: an existing record, symlink or special file stops the
  // run before the first write.
  for (const file of files) {
    const refusal = refusalFor(path.resolve(io.cwd, targetOf(file)), overwrite);
    if (refusal) throw writeError(refusal, targetOf(file));
  }
  let refused = 0;
  const bar = progress(io, files.length, 'exporting');
  files.forEach((file, i) => {
    bar.tick(i + 1);
    const result = exportText(readText(file, io.cwd));
    if (!result.ok) {
      refused++;
      for (const d of result.diagnostics) io.stderr(`${formatTextLine(file, d)}\n`);
      for (const issue of result.issues ?? []) io.stderr(`${file}: schema: ${issue.path}: ${issue.message}\n`);
      io.stdout(`${file}: export refused: ${result.reason}\n`);
      return;
    }
    const target = targetOf(file);
    try {
      writeExport(path.resolve(io.cwd, target), result.json, { overwrite });
    } catch (e) {
      throw writeError(e, target);
    }
    const w = result.warnings.length;
    io.stdout(`${file} → ${target}${w > 0 ? ` (${w} warning${w === 1 ? '' : 's'}; run trial check)` : ''}\n`);
  });
  bar.done();
  return refused > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
