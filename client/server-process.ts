/** Starts the language server (dist/server.js over Node IPC) and restarts it calmly when it crashes. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CONFIG_SECTION, LANGUAGE_ID } from '../server/lsp/protocol';
import { RestartPolicy } from './restart-policy';

export const CLIENT_ID = 'trial';
export const CLIENT_NAME = 'Trial Protocols';

export function serverModulePath(context: vscode.ExtensionContext): string {
  return path.join(context.extensionPath, 'dist', 'server.js');
}

/**
 * Create (not start) the language client. Returns undefined, after saying so in the output channel,
 * when the server bundle is missing (e.g. a dev build made before the server existed).
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  onStopped: (reason: string) => void,
): LanguageClient | undefined {
  const serverModule = serverModulePath(context);
  if (!fs.existsSync(serverModule)) {
    output.appendLine(`The language server is missing (${serverModule}); run "npm run build". Highlighting still works.`);
    return undefined;
  }
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const policy = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // Remote Repositories and other virtual file systems (package.json capabilities.virtualWorkspaces):
      // the server works on the synchronized text; export and import refuse non-file documents calmly.
      { scheme: 'vscode-vfs', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: CONFIG_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.trial'),
    },
    outputChannel: output,
    // The server names our commands in code lenses only when told this client has them.
    initializationOptions: { clientCommands: true },
    errorHandler: {
      // Reading/writing the connection failed: keep going unless it keeps failing.
      error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        if (policy.shouldRestart()) {
          const message = `The Trial language server stopped unexpectedly and was restarted (${policy.count} of ${policy.maxRestarts} in 3 minutes).`;
          output.appendLine(message);
          void vscode.window.setStatusBarMessage(`$(sync~spin) ${message}`, 5000);
          return { action: CloseAction.Restart, handled: true };
        }
        const message = 'The Trial language server stopped several times in a few minutes and was not restarted. Run "Trial: Restart Language Server" to try again.';
        onStopped(message);
        void vscode.window.showWarningMessage(message, 'Show Output', 'Restart').then((choice) => {
          if (choice === 'Show Output') output.show(true);
          if (choice === 'Restart') void vscode.commands.executeCommand('trial.restartServer');
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    initializationFailedHandler: (error) => {
      output.appendLine(`The Trial language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      const retry = policy.shouldRestart();
      if (!retry) onStopped('The Trial language server could not start; see the "Trial Protocols" output.');
      return retry;
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
