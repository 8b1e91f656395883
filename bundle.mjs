// Bundles the entry points with esbuild (cjs, node20, `vscode` external, sourcemaps), one file each:
//   client/extension.ts → dist/client.js, server/lsp/main.ts → dist/server-main.js (started by dist/server.js),
//   server/cli/main.ts → dist/cli.js (its commands: server/cli/entries/<name>.ts → dist/cli-<name>.js),
//   server/cli/check-worker.ts → dist/check-worker-main.js (started by dist/check-worker.js)
// A missing entry fails the build: a bundle silently left out would let the tests that need it skip.
// Flags: --production (minify, no sourcemaps), --watch.
import * as esbuild from 'esbuild';
import { existsSync, chmodSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/extension.ts', out: 'dist/client.js' },
  // The language server: server.js runs server-main.js with V8's code cache (server/lsp/start.ts).
  { in: 'server/lsp/start.ts', out: 'dist/server.js' },
  { in: 'server/lsp/main.ts', out: 'dist/server-main.js' },
  // The `trial` entry: commander and the command lines only; each command is a bundle of its own,
  // cli-<name>.js (loaded when it runs), so `trial --version` and `trial --help` do not compile the
  // core, and `trial check` compiles neither zod nor the language server.
  { in: 'server/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', commandsApart: true },
  ...readdirSync(join(root, 'server', 'cli', 'entries'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ in: `server/cli/entries/${f}`, out: `dist/cli-${f.slice(0, -3)}.js` })),
  // The worker threads of `trial check` (server/cli/check-files.ts loads check-worker.js beside its
  // command's bundle), which runs check-worker-main.js with V8's code cache.
  { in: 'server/cli/check-worker-cached.ts', out: 'dist/check-worker.js' },
  { in: 'server/cli/check-worker.ts', out: 'dist/check-worker-main.js' },
];

/** Print errors as file:line:col so editors' problem matchers pick them up. */
const reportPlugin = {
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}` + (location ? `\n    ${location.file}:${location.line}:${location.column}:` : ''));
      }
    });
  },
};

/**
 * zod's `locales` namespace re-exports every language's messages (≈ 258 KB, a fifth of the server
 * bundle); we use only English, which zod registers by itself (classic/schemas.js imports
 * locales/en.js). The namespace is replaced by one that exports `en` alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-english-only' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands (`trial` has
 * none): with net, streams and dgram, ≈ 2.5 ms of every `trial` start. It gets an object that
 * loads child_process on first use instead.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) => {
      if (!/[\\/]commander[\\/]/.test(args.importer)) return undefined;
      return { path: 'child_process', namespace: 'lazy-child-process' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_target, key) => require('node:child_process')[key] });\n",
      loader: 'js',
    }));
  },
};

/**
 * main.ts loads the commands through load-commands.ts (a plain require in tsc's output); in cli.js
 * it is load-commands-bundled.ts, which runs a command's bundle beside cli.js with V8's code cache.
 */
const commandsApart = {
  name: 'commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/load-commands$/ }, (args) => {
      if (!/[\\/]server[\\/]cli[\\/]main\.ts$/.test(args.importer)) return undefined;
      return { path: join(root, 'server', 'cli', 'load-commands-bundled.ts') };
    });
  },
};

let failed = false;
const contexts = [];
for (const e of entries) {
  if (!existsSync(join(root, e.in))) {
    console.error(`bundle: ${e.in} does not exist, so ${e.out} cannot be built`);
    failed = true;
    continue;
  }
  const options = {
    absWorkingDir: root,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    sourcemap: !production,
    sourcesContent: false,
    minify: production,
    logLevel: 'silent',
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: [reportPlugin, zodEnglishOnly, commanderLazyChildProcess, ...(e.commandsApart ? [commandsApart] : [])],
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    contexts.push(ctx);
    console.log(`bundle: watching ${e.in}`);
    continue;
  }
  try {
    const result = await esbuild.build(options);
    for (const w of result.warnings) console.warn(`bundle: warning in ${e.in}: ${w.text}`);
    if (e.banner) chmodSync(join(root, e.out), 0o755);
    console.log(`bundle: ${e.in} → ${e.out}`);
  } catch {
    failed = true;
  }
}
if (failed) process.exit(1);
