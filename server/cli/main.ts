/**
 * The `trial` command line (bundled to dist/cli.js). `run(argv, io)` is the whole program, so tests
 * run it in-process; exit codes: 0 clean, 1 problems found or export refused, 2 usage or I/O error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isMainThread } from 'node:worker_threads';
import type { CheckFormat } from './check';
import type { CorpusOptions } from './corpus';
import { CliError, EXIT_USAGE, processIo, type CliIo } from './io';
import { loadCommand } from './load-commands';
import type { TimelineFormat } from './timeline';
import { CLI_VERSION } from './version';

/*
 * Each command's module is loaded when that command runs (load-commands.ts); the bundle keeps each
 * in a file of its own (dist/cli-<name>.js, run with V8's code cache of that command:
 * load-commands-bundled.ts): `trial --version` or `trial --help` loads this file and commander
 * only, not the parser, the units library and the registry schema, and `trial check` loads neither
 * zod nor the language server.
 */
const commands = {
  check: () => loadCommand('check'),
  corpus: () => loadCommand('corpus'),
  export: () => loadCommand('export'),
  fmt: () => loadCommand('fmt'),
  import: () => loadCommand('import'),
  lsp: () => loadCommand('lsp'),
  timeline: () => loadCommand('timeline'),
};

import { DEFAULT_CORPUS, DEFAULT_EXPECTED } from './corpus-defaults';

export type { CliIo } from './io';

function jobsArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function program(io: CliIo, setCode: (code: number) => void): Command {
  const p = new Command('trial')
    .description('Clinical-trial protocols as code: check, format, export to and import from ClinicalTrials.gov.')
    .version(CLI_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError()
    .allowExcessArguments(false);

  p.command('check')
    .description('Check protocols: syntax, units, schedules and registry rules.')
    .argument('<files...>', '.trial files, folders or globs')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--jobs <n>', 'threads checking files at once, this one included (default: one per core; 1: this thread only)').argParser(jobsArg))
    .addHelpText('after', '\nExamples:\n  trial check examples\n  trial check "protocols/**/*.trial" --format sarif > trial.sarif')
    .action(async (files: string[], o: { format: CheckFormat; jobs?: number }) => setCode(await commands.check().checkCommand(files, o, io)));

  p.command('export')
    .description('Export protocols as ClinicalTrials.gov API v2 records (refused when a protocol has errors).')
    .argument('<files...>', '.trial files, folders or globs')
    .option('-o, --output <file>', 'the record file (one protocol only)')
    .option('--out-dir <dir>', 'folder for <name>.ctgov.json records (default: beside each protocol)')
    .option('--force', 'replace existing record files (never symlinks or special files)')
    .addHelpText('after', '\nExamples:\n  trial export examples/ZEPHYR-1.trial -o ZEPHYR-1.json\n  trial export examples --out-dir out/records --force')
    .action((files: string[], o: { output?: string; outDir?: string; force?: boolean }) => setCode(commands.export().exportCommand(files, o, io)));

  p.command('fmt')
    .description('Format protocols in place in the canonical layout.')
    .argument('<files...>', '.trial files, folders or globs')
    .option('--check', 'list the files that would change, change nothing, exit 1 if any')
    .addHelpText('after', '\nExamples:\n  trial fmt examples\n  trial fmt --check "**/*.trial"')
    .action((files: string[], o: { check?: boolean }) => setCode(commands.fmt().fmtCommand(files, o, io)));

  p.command('import')
    .description('Turn a ClinicalTrials.gov API v2 record (one study or {"studies": [...]}) into .trial files.')
    .argument('<record>', 'the .json record')
    .option('-o, --output <file>', 'the .trial file (one study only)')
    .option('--out-dir <dir>', 'folder for <NCT id>.trial files (default: beside the record)')
    .option('--force', 'replace existing files (never symlinks or special files)')
    .option('--report', 'print the import report: what became structured, what stayed text and why, what the record lacks')
    .addOption(new Option('--format <format>', 'format of the report').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  trial import NCT04743739.json\n  trial import ctg-studies.json --out-dir protocols\n  trial import NCT04743739.json --report --format json')
    .action((record: string, o: { output?: string; outDir?: string; force?: boolean; report?: boolean; format?: 'text' | 'json' }) => setCode(commands.import().importCommand(record, o, io)));

  p.command('timeline')
    .description('The dosing timeline: a table of study days (text), the dosing calendar (svg), or the calendar and the schedule of activities as a self-contained page (html).')
    .argument('<file>', 'a .trial file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'svg', 'html']).default('text'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', '\nExamples:\n  trial timeline examples/NCT04743739.trial\n  trial timeline examples/BREEZE-2.trial --format html -o breeze-2-timeline.html')
    .action((file: string, o: { format: TimelineFormat; output?: string; force?: boolean }) => setCode(commands.timeline().timelineCommand(file, o, io)));

  p.command('preview')
    .description('The record laid out as ClinicalTrials.gov presents a study, with the errors that block its export, as a self-contained page.')
    .argument('<file>', 'a .trial file')
    .addOption(new Option('--format <format>', 'output format').choices(['html']).default('html'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', '\nExample:\n  trial preview examples/ZEPHYR-1.trial -o zephyr-1-preview.html')
    .action((file: string, o: { format: 'html'; output?: string; force?: boolean }) => setCode(commands.timeline().previewCommand(file, o, io)));

  p.command('lsp')
    .description('start the language server on stdin/stdout, for Neovim, Emacs, Helix and other LSP editors (docs/editors.md)')
    .option('--stdio', 'use stdin/stdout (the default and only transport; accepted because editors pass it)')
    .action(() => setCode(commands.lsp().lspCommand()));

  p.command('corpus')
    .description('Run registry records through import, check and export on all cores and compare each export with its original.')
    .argument('[folders...]', `folders of API v2 .json records (default: ${DEFAULT_CORPUS})`)
    .option('--json <file>', 'also write every record\'s outcome and the summary as JSON')
    .option('--check', `compare the run with the expected result (${DEFAULT_EXPECTED}); exit 1 on any change`)
    .option('--update', 'write the run as the new expected result')
    .option('--expected <file>', `the expected result (default: ${DEFAULT_EXPECTED})`)
    .option('--jobs <n>', 'worker threads (default: one per core)')
    .addHelpText('after', '\nExamples:\n  trial corpus ../shared/registry-records\n  trial corpus --check\n  trial corpus --update')
    .action(async (folders: string[], o: CorpusOptions) => setCode(await commands.corpus().corpusCommand(folders, o, io)));

  return p;
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const p = program(io, (c) => { code = c; });
  try {
    if (argv.length === 0) {
      p.outputHelp();
      return EXIT_USAGE;
    }
    await p.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`trial: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`trial: ${(e as Error).message ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

// A worker thread (server/corpus/pool.ts, run from tsc's output) may load this file; it must not run the CLI.
if (require.main === module && isMainThread) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

