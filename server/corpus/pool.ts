/**
 * Runs record files through `runRecordText` on every core: one worker thread per core, each asks for
 * the next file when done (records differ a lot in size, so a fixed split would leave cores idle).
 * The worker is this same file (or the bundle that contains it), started with a marker in its
 * workerData, so the CLI bundle needs no second entry point. `jobs <= 1` runs in this thread.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runRecordText, type RecordOutcome } from './run-record';

export interface CorpusFile {
  /** Name in the report (relative to the corpus folder). */
  name: string;
  path: string;
}

interface Job { name: string; path: string }
type Reply = { outcomes: RecordOutcome[] };

const MARKER = 'trial-corpus-worker';

function crashed(job: Job, message: string): RecordOutcome {
  return { name: job.name, errors: {}, warnings: {}, exported: 'refused', schemaIssues: [], fields: {}, otherSections: [], crash: { stage: 'read', message } };
}

function runFile(job: Job): RecordOutcome[] {
  let text: string;
  try {
    text = fs.readFileSync(job.path, 'utf8');
  } catch (e) {
    return [crashed(job, (e as Error).message)];
  }
  return runRecordText(job.name, text);
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export async function runCorpus(files: CorpusFile[], jobs = defaultJobs()): Promise<RecordOutcome[]> {
  const workers = Math.max(1, Math.min(jobs, files.length));
  if (workers <= 1) return files.flatMap(runFile);
  const results: RecordOutcome[][] = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve) => {
    const worker = new Worker(__filename, { workerData: MARKER });
    let current = -1;
    const feed = () => {
      if (next >= files.length) {
        void worker.terminate().then(() => resolve(), () => resolve());
        return;
      }
      current = next++;
      worker.postMessage(files[current]!);
    };
    worker.on('message', (reply: Reply) => {
      results[current] = reply.outcomes;
      feed();
    });
    // A worker that dies (out of memory, a native crash) loses only the file it was on; the other
    // workers take the rest.
    worker.on('error', (e) => {
      if (current >= 0 && !results[current]) results[current] = [crashed(files[current]!, `worker died: ${e.message}`)];
      resolve();
    });
    feed();
  })));
  return files.flatMap((f, i) => results[i] ?? [crashed(f, 'not run: every worker died')]);
}

if (!isMainThread && workerData === MARKER && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => port.postMessage({ outcomes: runFile(job) } satisfies Reply));
}
