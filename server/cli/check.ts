/** `trial check FILE… [--format text|json|sarif] [--jobs N]` */
import { checkFiles, defaultJobs } from './check-files';
import { checkOutput } from './check-output';
import { expandTrialFiles, progress } from './files';
import { CliError, type CliIo } from './io';
import type { CheckFormat } from './report';
import { CLI_VERSION } from './version';

export type { CheckFormat };

export async function checkCommand(args: string[], options: { format: CheckFormat; jobs?: number }, io: CliIo): Promise<number> {
  const files = expandTrialFiles(args, io.cwd);
  const bar = progress(io, files.length, 'checking');
  const output = checkOutput(options.format, io, CLI_VERSION, () => bar.done());
  // A file that cannot be read stops the check at its place in the order (exit 2).
  await checkFiles(files, { cwd: io.cwd, format: options.format }, options.jobs ?? defaultJobs(), (i, file) => {
    bar.tick(i + 1);
    if ('error' in file) throw new CliError(file.error);
    output.add(file);
  });
  bar.done();
  return output.finish(files.length);
}
