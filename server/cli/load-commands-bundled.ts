/**
 * The bundle's loader of the command modules (bundle.mjs puts it in place of load-commands.ts):
 * dist/cli-<name>.js (one bundle per command, so `trial check` does not load zod or the language
 * server's libraries), beside dist/cli.js, run with that command's code cache
 * (server/io/code-cache.ts), which is saved at exit when there was none or V8 refused it.
 */
import type { CommandModules, CommandName } from './load-commands';

export function loadCommand<K extends CommandName>(name: K): CommandModules[K] {
  // Required here, not imported: `trial --version` and `--help` do not load crypto, vm and fs.
  const path = require('node:path') as typeof import('node:path');
  const { runCached } = require('../io/code-cache') as typeof import('../io/code-cache');
  return runCached(path.join(__dirname, `cli-${name}.js`), name, (save) => process.once('exit', save)) as CommandModules[K];
}
