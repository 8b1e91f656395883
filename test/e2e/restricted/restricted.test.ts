// In Restricted Mode (an untrusted folder) the extension still runs: checks, completion, export beside the file;
// the folder's own `trial.export.folder` (set by the launcher to a folder outside it) is not applied.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, labelOf, openTrial, until, waitForDiagnostics, workspaceDir } from '../suite/helpers';

suite('Restricted Mode', () => {
  test('the workspace is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the launcher should open the folder in Restricted Mode');
  });

  test('the extension activates and its server checks the example', async () => {
    const { doc } = await openTrial();
    const { ext, api } = await activateExtension();
    assert.ok(ext.isActive, 'the extension is disabled in Restricted Mode');
    assert.ok(api.isRunning(), 'the language server did not start in Restricted Mode');
    const diags = await waitForDiagnostics(doc.uri);
    assert.ok(diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('completion works', async () => {
    const { doc } = await openTrial();
    const at = doc.positionAt(doc.getText().indexOf('receives rituximab') + 'receives '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    assert.ok(list.items.map(labelOf).includes('cyclosporine'));
  });

  test("the workspace's trial.export.folder is ignored until trusted: the export goes beside the file", async () => {
    const settings = JSON.parse(fs.readFileSync(path.join(workspaceDir(), '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(settings['trial.export.folder'], 'the launcher sets trial.export.folder in the workspace settings');
    assert.strictEqual(vscode.workspace.getConfiguration('trial').get('export.folder'), '', 'a restricted setting from an untrusted workspace was applied');
    const { doc } = await openTrial('complete.trial');
    await waitForDiagnostics(doc.uri, () => true);
    const { api } = await activateExtension();
    await until(() => api.statusFor(doc.uri), 30000, 'the check of complete.trial');
    const result = await vscode.commands.executeCommand<{ ok: boolean; path?: string; reason?: string }>('trial.exportRecord', doc.uri);
    assert.ok(result?.ok, `export refused: ${result?.reason}`);
    assert.strictEqual(result.path, path.join(workspaceDir(), 'complete.ctgov.json'));
    assert.ok(fs.existsSync(result.path));
  });
});
