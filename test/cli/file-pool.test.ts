/**
 * The file pool (server/cli/file-pool.ts) hands every file's result over once, in the files'
 * order, with this thread and every worker taking part; a failure in the task or in what receives
 * the results stops it with that error, and nothing after the failing file is handed over.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { mapFilesInOrder, type FilePool } from '../../server/cli/file-pool';

interface Result { file: string; thread: number }

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `f${i}`);

/**
 * A pool whose task in this thread first waits until `workers` workers take files, so their
 * "ready" messages are in before this thread's first file ends (the test does not depend on timing).
 */
function pool(jobs: number, workers = jobs - 1): FilePool<Result> {
  const started = new SharedArrayBuffer(4);
  const count = new Int32Array(started);
  let waited = false;
  return {
    jobs,
    workerFile: path.join(__dirname, 'pool-worker.js'),
    workerData: { started },
    run: (file) => {
      for (let c = Atomics.load(count, 0); !waited && c < workers; c = Atomics.load(count, 0)) {
        assert.notEqual(Atomics.wait(count, 0, c, 20000), 'timed-out', 'the workers did not start');
      }
      waited = true;
      if (file === 'crash') throw new Error('the task failed on crash');
      return { file, thread: threadId };
    },
  };
}

describe('cli: the file pool', function () {
  this.timeout(60000);

  for (const jobs of [2, 3]) {
    it(`${jobs} threads: every result once, in the files' order, from every thread`, async () => {
      const files = names(100);
      const got: [number, Result][] = [];
      await mapFilesInOrder(files, pool(jobs), (i, r) => got.push([i, r]));
      assert.deepEqual(got.map(([i]) => i), files.map((_, i) => i));
      assert.deepEqual(got.map(([, r]) => r.file), files);
      assert.equal(new Set(got.map(([, r]) => r.thread)).size, jobs, 'this thread and each worker ran files');
    });
  }

  it('few files run in this thread alone', async () => {
    const got: Result[] = [];
    await mapFilesInOrder(names(20), pool(4, 0), (_i, r) => got.push(r));
    assert.deepEqual(new Set(got.map((r) => r.thread)), new Set([threadId]));
  });

  it('a failure in a worker\'s task stops the pool with its error; the files before it are handed over', async () => {
    // This thread runs f0, then the worker is sent the next batch, which holds "crash".
    const files = names(60);
    files[2] = 'crash';
    const got: number[] = [];
    await assert.rejects(mapFilesInOrder(files, pool(2), (i) => got.push(i)), /the task failed on crash/);
    assert.deepEqual(got, [0]);
  });

  it('a failure in this thread\'s task stops the pool with its error', async () => {
    const files = names(60);
    files[0] = 'crash';
    await assert.rejects(mapFilesInOrder(files, pool(3), () => undefined), /the task failed on crash/);
  });

  it('when the receiver throws, nothing after that file is handed over', async () => {
    const got: number[] = [];
    await assert.rejects(mapFilesInOrder(names(80), pool(3), (i) => {
      got.push(i);
      if (i === 37) throw new Error('stop at 37');
    }), /stop at 37/);
    assert.deepEqual(got, Array.from({ length: 38 }, (_, i) => i));
  });
});
