/**
 * The output of `trial check`, put together from the files' rendered parts (report.ts) taken in
 * the files' order. Text is written as each file comes in, so memory does not grow with the
 * folder; JSON and SARIF are one document each, written whole at the end, so a run stopped by a
 * file that cannot be read writes no half document (SARIF could not stream anyway: its rules,
 * before the results, are those of every file).
 */
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';
import { jsonDocument, sarifDocument, type CheckFormat, type RenderedFile } from './report';

export interface CheckOutput {
  add(file: RenderedFile): void;
  /** Writes what is left and the summary; the exit code. */
  finish(fileCount: number): number;
}

/** `beforeWrite` runs before text goes to stdout (the progress counter clears its line). */
export function checkOutput(format: CheckFormat, io: CliIo, version: string, beforeWrite: () => void): CheckOutput {
  let errors = 0;
  let warnings = 0;
  const kept: string[][] = [];
  const exitCode = (): number => (errors > 0 ? EXIT_PROBLEMS : EXIT_OK);
  const count = (file: RenderedFile): void => {
    errors += file.errors;
    warnings += file.warnings;
  };
  if (format === 'text') {
    return {
      add(file) {
        count(file);
        if (file.pieces[0] === '') return;
        beforeWrite();
        io.stdout(file.pieces[0]!);
      },
      finish(fileCount) {
        const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
        io.stderr(`${plural(fileCount, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
        return exitCode();
      },
    };
  }
  return {
    add(file) {
      count(file);
      if (file.pieces[0] !== '') kept.push(file.pieces);
    },
    finish() {
      beforeWrite();
      io.stdout(format === 'json' ? jsonDocument(kept.map((p) => p[0]!)) : sarifDocument(kept, version));
      return exitCode();
    },
  };
}
