/**
 * dist/check-worker.js, what check-files.ts starts as a worker thread in the bundle: runs the
 * worker's bundle beside it (dist/check-worker-main.js, from check-worker.ts) with V8's code cache
 * (server/io/code-cache.ts). Without a usable cache, one is saved once the worker has answered its
 * first batch of files (a worker is terminated, never exits by itself): this listener runs after the
 * worker's own (file-pool.ts), which answers synchronously. In tsc's output check-worker.js is the worker itself.
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { runCached } from '../io/code-cache';

runCached(path.join(__dirname, 'check-worker-main.js'), 'check-worker', (save) => parentPort?.once('message', save));
