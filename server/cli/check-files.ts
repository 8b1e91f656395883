/**
 * The diagnostics of many files, on every core: worker threads (check-worker.ts) each take the
 * next file of a shared queue, and the results are put back in the files' order, so the output is
 * the one a single thread gives. A few files, or `--jobs 1`, run in this thread (a worker costs
 * a start-up of its own).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../grammar/diagnostic';
import { diagnoseText } from '../export/diagnose';
import { readText } from './files';
import { CliError } from './io';

/** What a worker sends back for one file: its diagnostics as plain data, or why it could not be read. */
export type FileOutcome = { index: number; diagnostics: Diagnostic[] } | { index: number; error: string };

/** The diagnostics of one file as plain data (positions by value), as a worker sends them. */
export function diagnoseFile(file: string, cwd: string, index: number): FileOutcome {
  try {
    const { diagnostics } = diagnoseText(readText(file, cwd));
    return { index, diagnostics: JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[] };
  } catch (e) {
    if (e instanceof CliError) return { index, error: e.message };
    throw e;
  }
}

/** Below this many files per worker, the workers' start-up costs more than it saves. */
const FILES_PER_WORKER = 16;

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Diagnostics of `files` in their order. `onFile(i)` is called as each file's result is taken, in
 * order (progress). A file that cannot be read throws its CliError at its place in the order.
 */
export async function diagnoseFiles(files: readonly string[], cwd: string, jobs: number, onFile: (i: number) => void): Promise<Diagnostic[][]> {
  const workers = Math.min(jobs, Math.floor(files.length / FILES_PER_WORKER));
  const out: Diagnostic[][] = [];
  if (workers < 2) {
    files.forEach((file, i) => {
      onFile(i);
      const r = diagnoseFile(file, cwd, i);
      if ('error' in r) throw new CliError(r.error);
      out.push(r.diagnostics);
    });
    return out;
  }
  const results: (FileOutcome | undefined)[] = new Array(files.length);
  let next = 0;
  let taken = 0;
  let failure: unknown;
  const take = (): void => {
    while (taken < files.length && results[taken]) {
      onFile(taken);
      taken++;
    }
  };
  await Promise.all(
    Array.from({ length: workers }, () => new Promise<void>((resolve) => {
      const worker = new Worker(path.join(__dirname, 'check-worker.js'), { workerData: { cwd } });
      const feed = (): void => {
        if (next < files.length && failure === undefined) {
          const index = next++;
          worker.postMessage({ index, file: files[index] });
        } else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (r: FileOutcome) => {
        results[r.index] = r;
        take();
        feed();
      });
      worker.on('error', (e) => {
        failure ??= e;
        resolve();
      });
      feed();
    })),
  );
  if (failure !== undefined) throw failure;
  for (const r of results) {
    if (!r) throw new Error('a check worker stopped before its files were checked');
    if ('error' in r) throw new CliError(r.error);
    out.push(r.diagnostics);
  }
  return out;
}
