/**
 * The modules of the `trial` commands, each loaded when its command runs. The CLI entry (main.ts)
 * loads this file only when a command runs, and the bundle keeps it apart (dist/cli-commands.js,
 * bundle.mjs): `trial --version` and `trial --help` compile commander and main.ts alone, not the
 * parser, the units library and the registry schema (the bundle's 2 MB are most of a start-up).
 */
import { isMainThread } from 'node:worker_threads';

/** No code generation from strings: zod runs jitless before any command validates a record (tests
 * run the CLI bundle with --disallow-code-generation-from-strings). */
function jitless(): void {
  (require('../registry/schema') as typeof import('../registry/schema')).useJitlessZod();
}

// `check` never validates a record (the checks use registry/formats.ts, not the zod schema): zod is not loaded.
export const check = () => require('./check') as typeof import('./check');
export const corpus = () => (jitless(), require('./corpus') as typeof import('./corpus'));
// `export` is a reserved word as a binding name.
export const exportCmd = () => (jitless(), require('./export') as typeof import('./export'));
export const fmt = () => (jitless(), require('./fmt') as typeof import('./fmt'));
export const importCmd = () => (jitless(), require('./import') as typeof import('./import'));
export const lsp = () => (jitless(), require('./lsp') as typeof import('./lsp'));
export const timeline = () => (jitless(), require('./timeline') as typeof import('./timeline'));

// A worker thread of `trial corpus` loads this same bundle (server/corpus/pool.ts starts workers on
// its own file, which in the bundle is this one): the corpus modules are loaded lazily, so load
// them here for the worker's own code (pool.ts, at its top level) to start.
if (!isMainThread) corpus();
