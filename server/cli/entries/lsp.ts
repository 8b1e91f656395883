/** `trial lsp`, loaded when it runs (dist/cli-lsp.js): the language server, with zod jitless. */
import '../jitless-zod';
export * from '../lsp';
