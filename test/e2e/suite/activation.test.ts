// Needs no language server: the language contribution, activation, commands, settings, editing rules.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, labelOf, openTrial, positionOf } from './helpers';

suite('extension: activation and contributions', () => {
  test('opening a .trial file gives language id "trial" and activates the extension', async () => {
    const { doc } = await openTrial();
    assert.strictEqual(doc.languageId, 'trial');
    const { ext } = await activateExtension();
    assert.ok(ext.isActive);
    console.log(`    VS Code ${vscode.version}, extension at ${ext.extensionPath}`);
  });

  test('all Trial commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['trial.newProtocol', 'trial.openExample', 'trial.exportRecord', 'trial.importRecord', 'trial.openView', 'trial.restartServer', 'trial.showOutput']) {
      assert.ok(all.has(id), `command ${id} is not registered`);
    }
  });

  test('settings are contributed with their defaults', () => {
    const cfg = vscode.workspace.getConfiguration('trial');
    assert.strictEqual(cfg.get('rules.units'), true);
    assert.strictEqual(cfg.get('rules.schedule'), true);
    assert.strictEqual(cfg.get('rules.registry'), true);
    assert.deepStrictEqual(cfg.get('severity'), {});
    assert.strictEqual(cfg.get('export.folder'), '');
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } };
    assert.ok(pkg.contributes.configuration.properties['trial.trace.server']);
  });

  test('language configuration: toggling a line comment uses //', async () => {
    const { doc, editor } = await openTrial();
    const pos = positionOf(doc, 'design {');
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.match(doc.lineAt(pos.line).text, /^\/\/ ?design \{/);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(doc.lineAt(pos.line).text, 'design {');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('snippets: arm, intervention, include and eligibility are offered', async () => {
    const { doc } = await openTrial();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const s of ['arm', 'intervention', 'include', 'eligibility']) {
      assert.ok(snippets.includes(s), `snippet "${s}" missing; got ${snippets.join(', ')}`);
    }
  });
});
