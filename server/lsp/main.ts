/**
 * Entry point of the language server (bundled to dist/server.js). `createConnection` picks the
 * transport from the command line: `--node-ipc` (what the VS Code client uses), `--stdio` (tests,
 * other editors) or `--socket=N`. `trial lsp` (server/cli/lsp.ts) is the same server over stdio.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve, stdioConnection } from './serve';

serve(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
