/**
 * The worker of test/cli/file-pool.test.ts: answers each file with its name and this thread's id;
 * the file named "crash" throws. When it takes files it says so through the test's shared counter,
 * so the test's own thread can wait for the workers before it runs its first file.
 */
import { threadId, workerData } from 'node:worker_threads';
import { serveFiles } from '../../server/cli/file-pool';

serveFiles((file) => {
  if (file === 'crash') throw new Error('the task failed on crash');
  return { file, thread: threadId };
});
// After serveFiles, which has already posted its "ready" message.
const started = new Int32Array((workerData as { started: SharedArrayBuffer }).started);
Atomics.add(started, 0, 1);
Atomics.notify(started, 0);
