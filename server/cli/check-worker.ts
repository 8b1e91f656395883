/**
 * A worker thread of `trial check` (check-files.ts): checks one file per message, answers with its
 * diagnostics as plain data. Bundled on its own (dist/check-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { diagnoseFile } from './check-files';

const cwd = (workerData as { cwd: string }).cwd;
parentPort?.on('message', (m: { index: number; file: string }) => {
  parentPort!.postMessage(diagnoseFile(m.file, cwd, m.index));
});
