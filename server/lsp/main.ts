/**
 * Entry point of the language server (bundled to dist/server.js). `createConnection` picks the
 * transport from the command line: `--node-ipc` (what the VS Code client uses), `--stdio` (tests,
 * other editors) or `--socket=N`; stdio and IPC are built in serve.ts, so bad initialize parameters
 * are mended first. `trial lsp` (server/cli/lsp.ts) is the same server over stdio.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { keepUcumAnswers } from '../io/ucum-answers';
import { ipcConnection, serve, stdioConnection } from './serve';

// The units library's answers of earlier runs of this build (the library loads only for new questions).
keepUcumAnswers();

// stdio and IPC read every message through withWellFormedInitialize (well-formed-initialize.ts);
// a socket or pipe (never used by our clients) is left to the library as it comes.
serve(process.argv.includes('--stdio') ? stdioConnection() : process.argv.includes('--node-ipc') ? ipcConnection() : createConnection(ProposedFeatures.all));
