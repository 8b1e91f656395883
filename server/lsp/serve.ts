/** Run the language server on a connection: the one start-up shared by dist/server.js and `trial lsp`. */
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { useJitlessZod } from '../registry/schema';
import { startServer } from './server';
import { withWellFormedInitialize } from './well-formed-initialize';

export function serve(connection: Connection): void {
  // No code generation from strings anywhere: zod validates without its JIT (the test suite runs
  // the bundles with --disallow-code-generation-from-strings).
  useJitlessZod();
  // A bug must not take the editor's server down: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection, { fault: process.env.TRIAL_LSP_FAULT });
  connection.listen();
}

/**
 * The connection over stdin/stdout. A corrupt byte stream (no Content-Length header, a broken
 * header) leaves nothing to resynchronise on: the server says so on stderr and exits (code 1)
 * instead of lingering unanswered.
 */
export function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    process.stderr.write(`trial-language-server: unreadable input on stdin (${e.message}); exiting\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, withWellFormedInitialize(reader), writer);
}

/** The connection over Node IPC (what the VS Code client starts the server with, `--node-ipc`). */
export function ipcConnection(): Connection {
  return createConnection(ProposedFeatures.all, withWellFormedInitialize(new IPCMessageReader(process)), new IPCMessageWriter(process));
}
