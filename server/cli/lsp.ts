/**
 * `trial lsp`: the language server over stdin/stdout, for editors other than VS Code (docs/editors.md).
 * The process serves until the client sends `exit` or closes stdin.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { serve } from '../lsp/serve';

export function lspCommand(): number {
  serve(createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
  return 0;
}
