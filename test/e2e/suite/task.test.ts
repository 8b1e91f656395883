// Runs last (its problem markers stay in the Problems panel, beside the live diagnostics the other suites count).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hasServer, openTrial, until, waitForDiagnostics } from './helpers';

suite('the trial task', () => {
  test('"trial: check" is provided for the folder, runs through the server and ends', async () => {
    const { ext } = await activateExtension();
    if (!hasServer(ext)) return;
    const tasks = await vscode.tasks.fetchTasks({ type: 'trial' });
    const check = tasks.find((t) => t.name === 'check');
    assert.ok(check, `tasks: ${tasks.map((t) => t.name).join(', ')}`);
    assert.deepStrictEqual(check.problemMatchers, ['$trial']);
    const ended = new Promise<void>((resolve) => {
      const sub = vscode.tasks.onDidEndTask((e) => {
        if (e.execution.task.definition.type === 'trial') { sub.dispose(); resolve(); }
      });
    });
    // The example's live diagnostics first; the $trial matcher then adds the task's own markers (owner trial-check).
    const { doc } = await openTrial();
    const live = (await waitForDiagnostics(doc.uri)).length;
    await vscode.tasks.executeTask(check);
    await Promise.race([ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the trial task did not end in 30 s')), 30000))]);
    const all = await until(() => { const d = vscode.languages.getDiagnostics(doc.uri); return d.length > live && d; }, 15000, 'the problem matcher to read the task output');
    // (VS Code merges matcher markers that share a position, so the count is not exactly doubled.)
    const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
    assert.ok(all.every((d) => d.source === 'trial' && /^[a-z0-9-]+$/.test(code(d))), 'a task marker without the code the matcher should read');
  });
});
