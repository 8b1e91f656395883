/** `trial check FILE… [--format text|json|sarif] [--jobs N]` */
import { defaultJobs, diagnoseFiles } from './check-files';
import { expandTrialFiles, progress } from './files';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';
import { formatTextLine, toJson, toSarif, type FileDiagnostic } from './report';
import { CLI_VERSION } from './version';

export type CheckFormat = 'text' | 'json' | 'sarif';
export { CLI_VERSION };

export async function checkCommand(args: string[], options: { format: CheckFormat; jobs?: number }, io: CliIo): Promise<number> {
  const files = expandTrialFiles(args, io.cwd);
  const items: FileDiagnostic[] = [];
  const bar = progress(io, files.length, 'checking');
  const perFile = await diagnoseFiles(files, io.cwd, options.jobs ?? defaultJobs(), (i) => bar.tick(i + 1));
  perFile.forEach((diagnostics, i) => {
    for (const d of diagnostics) items.push({ file: files[i]!, diagnostic: d });
  });
  bar.done();
  if (options.format === 'json') io.stdout(toJson(items));
  else if (options.format === 'sarif') io.stdout(toSarif(items, CLI_VERSION));
  else {
    for (const { file, diagnostic } of items) io.stdout(`${formatTextLine(file, diagnostic)}\n`);
    const errors = items.filter((x) => x.diagnostic.severity === 'error').length;
    const warnings = items.filter((x) => x.diagnostic.severity === 'warning').length;
    io.stderr(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return items.some((x) => x.diagnostic.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}
