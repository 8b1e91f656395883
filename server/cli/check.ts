/** `trial check FILE… [--format text|json|sarif]` */
import { diagnoseText } from '../export/diagnose';
import { expandTrialFiles, progress, readText } from './files';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';
import { formatTextLine, toJson, toSarif, type FileDiagnostic } from './report';

export type CheckFormat = 'text' | 'json' | 'sarif';
export const CLI_VERSION = '0.1.0';

export function checkCommand(args: string[], options: { format: CheckFormat }, io: CliIo): number {
  const files = expandTrialFiles(args, io.cwd);
  const items: FileDiagnostic[] = [];
  const bar = progress(io, files.length, 'checking');
  files.forEach((file, i) => {
    bar.tick(i + 1);
    const { diagnostics } = diagnoseText(readText(file, io.cwd));
    for (const d of diagnostics) items.push({ file, diagnostic: d });
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
