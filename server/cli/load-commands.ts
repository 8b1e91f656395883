/**
 * The command modules (commands.ts), loaded when the first command runs. This is the loader of
 * tsc's output (the tests run the CLI in-process); the bundle puts load-commands-bundled.ts in its
 * place (bundle.mjs), which runs dist/cli-commands.js with V8's code cache.
 */
export function loadCommands(_command: string): typeof import('./commands') {
  return require('./commands') as typeof import('./commands');
}
