/** `trial fmt FILE… [--check]`: format in place, or list the files that would change. */
import * as path from 'node:path';
import { formatText } from '../../grammar/format';
import { writeFileSafely } from '../io/safe-write';
import { expandTrialFiles, progress, readText, writeError } from './files';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';
import { formatTextLine } from './report';

export function fmtCommand(args: string[], options: { check?: boolean }, io: CliIo): number {
  const files = expandTrialFiles(args, io.cwd);
  let problems = 0;
  const bar = progress(io, files.length, 'formatting');
  files.forEach((file, i) => {
    bar.tick(i + 1);
    const text = readText(file, io.cwd);
    const result = formatText(text);
    if (!result.ok) {
      problems++;
      for (const d of result.diagnostics) io.stderr(`${formatTextLine(file, d)}\n`);
      io.stderr(`${file}: not formatted: it has syntax errors\n`);
      return;
    }
    if (result.text === text) return;
    if (options.check) {
      problems++;
      io.stdout(`${file}\n`);
      return;
    }
    try {
      // Formatting in place is the explicit replace the user asked for; a symlink is still refused
      // (the rename would turn the link into a copy).
      writeFileSafely(path.resolve(io.cwd, file), result.text, { overwrite: true });
    } catch (e) {
      throw writeError(e, file);
    }
    io.stdout(`formatted ${file}\n`);
  });
  bar.done();
  return problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
