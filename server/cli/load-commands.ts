/**
 * The module of a `trial` command (server/cli/entries/<name>.ts), loaded when that command runs.
 * This is the loader of tsc's output (the tests run the CLI in-process); the bundle puts
 * load-commands-bundled.ts in its place (bundle.mjs), which runs dist/cli-<name>.js, one bundle
 * per command, with V8's code cache.
 */
export interface CommandModules {
  check: typeof import('./entries/check');
  corpus: typeof import('./entries/corpus');
  export: typeof import('./entries/export');
  fmt: typeof import('./entries/fmt');
  import: typeof import('./entries/import');
  lsp: typeof import('./entries/lsp');
  timeline: typeof import('./entries/timeline');
}

export type CommandName = keyof CommandModules;

export function loadCommand<K extends CommandName>(name: K): CommandModules[K] {
  return require(`./entries/${name}`) as CommandModules[K];
}
