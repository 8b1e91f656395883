/**
 * `trial lsp`: the language server over stdin/stdout, for editors other than VS Code (docs/editors.md).
 * The process serves until the client sends `exit` or closes stdin (or stdin carries corrupt bytes).
 */
import { serve, stdioConnection } from '../lsp/serve';

export function lspCommand(): number {
  serve(stdioConnection());
  return 0;
}
