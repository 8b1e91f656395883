/**
 * `trial corpus`, loaded when it runs (dist/cli-corpus.js): zod jitless. Its worker threads run
 * this same bundle (server/corpus/pool.ts starts workers on its own file, which in the bundle is
 * this one): loading it evaluates pool.ts, whose top level starts a worker's loop.
 */
import '../jitless-zod';
export * from '../corpus';
