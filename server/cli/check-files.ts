/**
 * `trial check` of one file, as this thread and the worker threads (check-worker.ts) run it: read,
 * checked and rendered in the output format, so a worker sends back strings and this thread only
 * puts them in order and writes them (check-output.ts). Many files run on every core
 * (file-pool.ts); a few, or `--jobs 1`, in this thread alone.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnoseText } from '../export/diagnose';
import { mapFilesInOrder } from './file-pool';
import { readText } from './files';
import { CliError } from './io';
import { renderFile, type CheckFormat, type RenderedFile } from './report';

/** A file's rendered diagnostics, or why it could not be read. */
export type CheckedFile = RenderedFile | { error: string };

/** What a check worker is started with. */
export interface CheckWorkerData { cwd: string; format: CheckFormat }

export function checkFile(file: string, { cwd, format }: CheckWorkerData): CheckedFile {
  let text: string;
  try {
    text = readText(file, cwd);
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    throw e;
  }
  return renderFile(file, diagnoseText(text).diagnostics, format);
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Every file's result, handed to `deliver` in the files' order. */
export function checkFiles(files: readonly string[], data: CheckWorkerData, jobs: number, deliver: (index: number, file: CheckedFile) => void): Promise<void> {
  return mapFilesInOrder(files, {
    run: (file) => checkFile(file, data),
    jobs,
    workerFile: path.join(__dirname, 'check-worker.js'),
    workerData: data,
  }, deliver);
}
