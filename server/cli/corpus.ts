/**
 * `trial corpus [DIR…] [--json FILE] [--check | --update] [--expected FILE] [--jobs N]`
 *
 * Every registry record (`*.json`, recursively) through import → check → export → comparison with
 * the original (server/corpus), on all cores, with a report. `--check` compares the run with the
 * committed expectation and fails on any change; `--update` rewrites it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SafeWriteError, writeFileSafely } from '../io/safe-write';
import { diffExpected, expectedOf, serializeExpected, type Expected } from '../corpus/expected';
import { defaultJobs, runCorpus } from '../corpus/pool';
import { formatSummary, summarize } from '../corpus/report';
import { expandTrialFiles } from './files';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIo } from './io';

/** The project's shared real records, beside the repository. */
import { DEFAULT_CORPUS, DEFAULT_EXPECTED } from './corpus-defaults';

export { DEFAULT_CORPUS, DEFAULT_EXPECTED };

export interface CorpusOptions {
  json?: string;
  check?: boolean;
  update?: boolean;
  expected?: string;
  jobs?: string;
}

export async function corpusCommand(dirs: string[], o: CorpusOptions, io: CliIo): Promise<number> {
  if (o.check && o.update) throw new CliError('use either --check or --update, not both');
  const jobs = o.jobs === undefined ? defaultJobs() : Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`--jobs must be a whole number ≥ 1, not "${o.jobs}"`);
  const roots = dirs.length > 0 ? dirs : [DEFAULT_CORPUS];
  const files = roots.flatMap((root) => expandTrialFiles([root], io.cwd, '.json').map((file) => ({
    // Names relative to the folder, so the expectation does not depend on where the folder is.
    name: roots.length === 1 && fs.statSync(path.resolve(io.cwd, root)).isDirectory() ? path.relative(root, file).split(path.sep).join('/') : file,
    path: path.resolve(io.cwd, file),
  })));
  const outcomes = await runCorpus(files, jobs);
  const summary = summarize(outcomes);
  // The report and the expectation are the user's own files, named on the command line: replaced.
  const write = (file: string, text: string) => {
    try {
      writeFileSafely(file, text, { overwrite: true });
    } catch (e) {
      throw new CliError(e instanceof SafeWriteError ? e.message : `cannot write ${file}: ${(e as Error).message}`);
    }
  };
  if (o.json) write(path.resolve(io.cwd, o.json), `${JSON.stringify({ summary, outcomes }, null, 2)}\n`);
  const expectedFile = path.resolve(io.cwd, o.expected ?? DEFAULT_EXPECTED);
  const actual = expectedOf(outcomes);

  if (o.update) {
    write(expectedFile, serializeExpected(actual));
    io.stdout(formatSummary(summary));
    io.stdout(`\n${path.relative(io.cwd, expectedFile)} updated (${outcomes.length} records)\n`);
    return EXIT_OK;
  }
  if (o.check) {
    let expected: Expected;
    try {
      expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Expected;
    } catch (e) {
      throw new CliError(`cannot read the expected result ${o.expected ?? DEFAULT_EXPECTED}: ${(e as Error).message}; create it with --update`);
    }
    const changes = diffExpected(expected, actual);
    if (changes.length === 0) {
      io.stdout(`corpus: ${outcomes.length} records as expected (${summary.zeroErrors} with 0 errors, ${summary.exported} exported, ${summary.crashes.length} crashes)\n`);
      return EXIT_OK;
    }
    const worse = changes.filter((c) => c.regression);
    const better = changes.filter((c) => !c.regression);
    if (worse.length > 0) io.stdout(`corpus: ${worse.length} change${worse.length === 1 ? '' : 's'} for the worse:\n${worse.map((c) => `  ${c.record}: ${c.message}`).join('\n')}\n`);
    if (better.length > 0) io.stdout(`corpus: ${better.length} change${better.length === 1 ? '' : 's'} for the better:\n${better.map((c) => `  ${c.record}: ${c.message}`).join('\n')}\n`);
    io.stdout([
      '',
      `The corpus run differs from ${path.relative(io.cwd, expectedFile)}. Judge each change: a new error on a real record is a defect`,
      'unless the record truly breaks the rule and the rule\'s doc (docs/diagnostics.md) says so, with its source;',
      'a field that no longer comes back unchanged is a defect. When every change is right, update the expected file',
      'in the same commit, with the reason in the commit message:',
      '  npm run corpus -- --update',
      '',
    ].join('\n'));
    return EXIT_PROBLEMS;
  }
  io.stdout(formatSummary(summary));
  return summary.crashes.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
