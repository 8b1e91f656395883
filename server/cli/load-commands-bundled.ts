/**
 * The bundle's loader of the command modules (bundle.mjs puts it in place of load-commands.ts):
 * dist/cli-commands.js, beside dist/cli.js, run with the code cache of the command (code-cache.ts),
 * which is saved at exit when there was none or V8 refused it.
 */

export function loadCommands(command: string): typeof import('./commands') {
  // Required here, not imported: `trial --version` and `--help` do not load crypto, vm and fs.
  const path = require('node:path') as typeof import('node:path');
  const { codeCacheDir, loadWithCodeCache } = require('./code-cache') as typeof import('./code-cache');
  const loaded = loadWithCodeCache(path.join(__dirname, 'cli-commands.js'), command, codeCacheDir());
  if (loaded.state !== 'accepted' && loaded.state !== 'off') process.once('exit', () => loaded.save());
  return loaded.exports as typeof import('./commands');
}
