// Onboarding and manifest contributions in the real VS Code: New Protocol, the example, the walkthrough,
// the language status item, word wrap for .trial, the schema attached to *.ctgov.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, EXTENSION_ID, hasServer, hoverText, summary, type TrialApi, until, waitForDiagnostics, workspaceDir, wsFile } from './helpers';

suite('onboarding', function () {
  let api: TrialApi & { languageStatusText?(): string };

  suiteSetup(async function () {
    const { ext, api: a } = await activateExtension();
    if (!hasServer(ext)) this.skip();
    api = a;
  });

  test('"Trial: New Protocol" opens the template, and the server reports only its TODO placeholders', async () => {
    await vscode.commands.executeCommand('trial.newProtocol');
    const editor = await until(() => vscode.window.activeTextEditor?.document.languageId === 'trial' && vscode.window.activeTextEditor.document.isUntitled && vscode.window.activeTextEditor, 10000, 'the new protocol editor');
    const doc = editor.document;
    assert.match(doc.getText(), /org study id "TODO-001"/);
    // The first tab stop is selected, ready to type over.
    assert.strictEqual(doc.getText(editor.selection), 'TODO-001');
    // The first check may be of the empty document (before the snippet went in); wait for the check of the template.
    const onlyPlaceholders = (): boolean => {
      const diags = vscode.languages.getDiagnostics(doc.uri);
      return diags.length > 0 && diags.every((d) => codeOf(d) === 'placeholder-value' && doc.getText(d.range).startsWith('"TODO'));
    };
    try {
      await until(() => { const s = api.statusFor(doc.uri); return s && s.warnings === 0 && onlyPlaceholders(); }, 30000, 'a check of the new protocol with only its placeholders');
    } catch (e) {
      throw new Error(`${(e as Error).message}:\n${summary(vscode.languages.getDiagnostics(doc.uri))}`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Trial: Open an Example Protocol" opens the example in the workspace folder and it gets checked', async () => {
    const target = path.join(workspaceDir(), 'NCT04743739.trial');
    const before = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, before + '\n// edited by the writer\n');
    await vscode.commands.executeCommand('trial.openExample');
    const doc = await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === target && vscode.window.activeTextEditor.document, 10000, 'the example to open');
    assert.ok(fs.readFileSync(target, 'utf8').endsWith('// edited by the writer\n'), 'an existing copy of the example was replaced');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(diags.length > 0);
    fs.writeFileSync(target, before);
  });

  test('the walkthrough opens, and its media and commands exist', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs: { id: string; steps: { description: string; media: { markdown: string } }[] }[] } };
    const walkthrough = pkg.contributes.walkthroughs[0];
    const all = new Set(await vscode.commands.getCommands(true));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const nls = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, step.media.markdown)), step.media.markdown);
      const text = nls[step.description.replace(/^%|%$/g, '')] ?? step.description;
      for (const m of text.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(all.has(m[1]), `walkthrough step links to unknown command ${m[1]}`);
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
  });

  test('the language status item says the checks are running', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wsFile('ZEPHYR-1.trial')));
    const text = await until(() => api.languageStatusText && /Trial checks — all checks on/.test(api.languageStatusText()) && api.languageStatusText(), 10000, 'the language status item');
    assert.ok(text);
  });

  test('.trial files wrap long lines by default (configurationDefaults)', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'trial' }).get('wordWrap'), 'on');
  });

  test('an exported *.ctgov.json has the record schema attached: hover on a field explains it', async () => {
    const record = path.join(workspaceDir(), 'schema-hover.ctgov.json');
    fs.writeFileSync(record, JSON.stringify({ protocolSection: { identificationModule: { nctId: 'NCT04743739' } } }, null, 2));
    const doc = await vscode.workspace.openTextDocument(record);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('"nctId"') + 2);
    // The JSON language server starts and fetches the schema on its own time: ask until it answers.
    let text = '';
    for (const t0 = Date.now(); !text && Date.now() - t0 < 30000; await new Promise((r) => setTimeout(r, 250))) {
      text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
    }
    assert.match(text, /NCT number/);
  });
});
