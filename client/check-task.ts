/**
 * The `trial` task type: "trial: check" runs the checks on every .trial file of a workspace folder (or
 * the task's `files`) through the running language server — no CLI needed — and prints each problem as
 * `trial check` does (`file:line:col severity code message`), which the `$trial` problem matcher turns
 * into Problems. Exit code 1 when there are errors, as the CLI.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFilesMethod, type CheckFilesParams, type CheckFilesResult } from '../server/lsp/protocol';

export const TASK_TYPE = 'trial';

interface TrialTaskDefinition extends vscode.TaskDefinition {
  command: 'check';
  files?: string[];
}

export class TrialTaskProvider implements vscode.TaskProvider {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => this.task({ type: TASK_TYPE, command: 'check' }, folder));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as TrialTaskDefinition;
    if (def.command !== 'check') return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return folder ? this.task(def, folder) : undefined;
  }

  private task(def: TrialTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const execution = new vscode.CustomExecution(async () => new CheckTerminal(this.client, folder, def.files));
    const task = new vscode.Task(def, folder, 'check', TASK_TYPE, execution, '$trial');
    task.group = vscode.TaskGroup.Build;
    task.detail = vscode.l10n.t('Check every .trial file of {0}', folder.name);
    return task;
  }
}

class CheckTerminal implements vscode.Pseudoterminal {
  private readonly write = new vscode.EventEmitter<string>();
  private readonly done = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.write.event;
  readonly onDidClose = this.done.event;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly folder: vscode.WorkspaceFolder, private readonly files?: string[]) {}

  open(): void {
    void this.run().then((code) => this.done.fire(code), (e) => {
      this.write.fire(`trial: ${(e as Error)?.message ?? String(e)}\r\n`);
      this.done.fire(2);
    });
  }

  close(): void {}

  private async run(): Promise<number> {
    const client = this.client();
    if (!client) {
      this.write.fire(vscode.l10n.t('The Trial language server is not running. See the "Trial Protocols" output.') + '\r\n');
      return 2;
    }
    const uris = this.files?.length
      ? (await Promise.all(this.files.map((f) => this.expand(f)))).flat()
      : await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*.trial'), '**/node_modules/**');
    const result = await client.sendRequest<CheckFilesResult>(CheckFilesMethod, { uris: uris.map((u) => client.code2ProtocolConverter.asUri(u)) } satisfies CheckFilesParams);
    let errors = 0;
    let warnings = 0;
    for (const file of result.files) {
      const p = vscode.Uri.parse(file.uri).fsPath;
      if (file.error) this.write.fire(`${p}: ${file.error}\r\n`);
      for (const d of file.diagnostics) {
        if (d.severity === 'error') errors++;
        if (d.severity === 'warning') warnings++;
        this.write.fire(`${p}:${d.line + 1}:${d.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\r?\n/g, ' ')}\r\n`);
      }
    }
    this.write.fire(`${result.files.length} file${result.files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\r\n`);
    return errors > 0 ? 1 : 0;
  }

  /** A file or folder of the task's `files`, relative to the workspace folder. */
  private async expand(file: string): Promise<vscode.Uri[]> {
    const uri = vscode.Uri.joinPath(this.folder.uri, file);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.trial'), '**/node_modules/**');
    return [uri];
  }
}

