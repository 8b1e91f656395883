/**
 * One task over many files on several threads, the results handed over in the files' order, so
 * what is made of them is what one thread would make. This thread takes part: it runs one file at
 * a time from the front of the queue, and between two files takes the workers' messages. A worker
 * (a script that calls `serveFiles` with the same task) is sent files once it has started (until
 * then this thread goes on alone), in batches, with a second batch waiting while it runs one, so
 * it never waits on this thread: a message per small file cost a round trip each, and this thread
 * is busy or, on a loaded machine, not even running. Batches get smaller towards the end so the
 * threads finish together. Results wait here only until the files before them are handed over: at
 * most the batches in flight.
 */
import { parentPort, Worker } from 'node:worker_threads';

export interface FilePool<R> {
  /** The task, in this thread (the workers run the same one). */
  run(file: string): R;
  /** Threads in all, this one included. */
  jobs: number;
  /** The worker script and what it is started with. */
  workerFile: string;
  workerData: unknown;
}

interface Batch { start: number; files: string[] }
interface Done<R> { start: number; results: R[] }
/** A worker's first message: it has loaded its task and takes files. */
const READY = 'ready';

/** Below this many files per thread, a worker's start-up costs more than it saves. */
const FILES_PER_THREAD = 16;
const MAX_BATCH = 8;
/** Batches a worker has at once: the one it runs and the next. */
const BATCHES_QUEUED = 2;

/** The worker side: runs each batch it is sent and answers with the results. */
export function serveFiles<R>(run: (file: string) => R): void {
  const port = parentPort!;
  port.postMessage(READY);
  port.on('message', (b: Batch) => port.postMessage({ start: b.start, results: b.files.map(run) } satisfies Done<R>));
}

/**
 * Calls `deliver(i, result)` for every file, in order. When `deliver` or the task throws, no file
 * is handed over after it, the workers stop once their batches are done, and the promise rejects
 * with that error.
 */
export async function mapFilesInOrder<R>(files: readonly string[], pool: FilePool<R>, deliver: (index: number, result: R) => void): Promise<void> {
  const threads = Math.max(1, Math.min(pool.jobs, Math.floor(files.length / FILES_PER_THREAD)));
  if (threads === 1) {
    files.forEach((file, i) => deliver(i, pool.run(file)));
    return;
  }
  const waiting = new Map<number, R>();
  let next = 0;
  let delivered = 0;
  let failure: { error: unknown } | undefined;
  // A worker stops only when idle: after its "ready" message or its last batch, with nothing
  // left to hand out (or after a failure). Stopping one that is still loading its modules can
  // bring the whole process down (Node 20 aborts when a worker is terminated inside require() of
  // an ES module, as tsc's output does for Chevrotain), and one running a batch ends it within a
  // few files anyway.
  const fail = (error: unknown): void => {
    failure ??= { error };
  };
  const settle = (start: number, results: readonly R[]): void => {
    if (failure) return;
    results.forEach((r, k) => waiting.set(start + k, r));
    try {
      while (waiting.has(delivered)) {
        const r = waiting.get(delivered) as R;
        waiting.delete(delivered);
        deliver(delivered++, r);
      }
    } catch (e) {
      fail(e);
    }
  };
  const take = (): Batch | undefined => {
    if (failure || next >= files.length) return undefined;
    const size = Math.max(1, Math.min(MAX_BATCH, Math.floor((files.length - next) / (threads * 4))));
    const start = next;
    next += size;
    return { start, files: files.slice(start, next) };
  };

  const stopped = Array.from({ length: threads - 1 }, () => new Promise<void>((resolve) => {
    const w = { worker: new Worker(pool.workerFile, { workerData: pool.workerData }), inFlight: 0 };
    w.worker.on('message', (done: Done<R> | typeof READY) => {
      if (done !== READY) {
        w.inFlight--;
        settle(done.start, done.results);
      }
      for (let b = w.inFlight < BATCHES_QUEUED ? take() : undefined; b; b = w.inFlight < BATCHES_QUEUED ? take() : undefined) {
        w.inFlight++;
        w.worker.postMessage(b);
      }
      if (w.inFlight === 0) void w.worker.terminate();
    });
    w.worker.on('error', fail);
    w.worker.on('exit', () => {
      if (w.inFlight > 0) fail(new Error('a worker thread stopped before its files were done'));
      resolve();
    });
  }));

  // This thread's share: one file at a time, then the workers' messages (setImmediate runs after
  // the event loop has taken them).
  while (!failure && next < files.length) {
    const index = next++;
    let result: R;
    try {
      result = pool.run(files[index]!);
    } catch (e) {
      fail(e);
      break;
    }
    settle(index, [result]);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(stopped);
  if (failure) throw failure.error;
  if (delivered < files.length) throw new Error('the worker threads stopped before every file was done');
}
