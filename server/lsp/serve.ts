/** Run the language server on a connection: the one start-up shared by dist/server.js and `trial lsp`. */
import type { Connection } from 'vscode-languageserver/node';
import { startServer } from './server';

export function serve(connection: Connection): void {
  // A bug must not take the editor's server down: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection, { fault: process.env.TRIAL_LSP_FAULT });
  connection.listen();
}
