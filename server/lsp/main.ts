/**
 * Entry point of the language server (bundled to dist/server.js). `createConnection` picks the
 * transport from the command line: `--node-ipc` (what the VS Code client uses), `--stdio` (tests,
 * other editors) or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A bug must not take the editor's server down: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

startServer(connection, { fault: process.env.TRIAL_LSP_FAULT });
connection.listen();
