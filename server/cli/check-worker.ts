/**
 * A worker thread of `trial check` (check-files.ts): checks the batches of files it is sent and
 * answers with each file's output already rendered. Bundled on its own (dist/check-worker.js).
 */
import { workerData } from 'node:worker_threads';
import { checkFile, type CheckWorkerData } from './check-files';
import { serveFiles } from './file-pool';

const data = workerData as CheckWorkerData;
serveFiles((file) => checkFile(file, data));
