// Against the language server (server/lsp, contract in server/lsp/protocol.ts). Skipped, loudly, when the
// extension has no dist/server.js (a build made before the server existed).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension, codeOf, EXAMPLE, hasServer, hoverText, labelOf, nextDiagnostics, openTrial, positionOf,
  summary, type TrialApi, until, waitForDiagnostics, workspaceDir, wsFile,
} from './helpers';

interface ExportResult { ok: boolean; path?: string; reason?: string; diagnosticsCount?: number }
interface ImportResult { ok: boolean; path?: string; reason?: string }

/** complete.trial: the example completed with what the registry requires (written by test/e2e/fixtures.js). */
async function openComplete(): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  assert.ok(fs.existsSync(path.join(workspaceDir(), 'complete.trial')), 'complete.trial missing: the launcher writes it with test/e2e/fixtures.js');
  return openTrial('complete.trial');
}

suite('language server', function () {
  let api: TrialApi;

  suiteSetup(async function () {
    const { ext, api: a } = await activateExtension();
    if (!hasServer(ext)) {
      console.log('    SKIPPED: no dist/server.js in the extension; the language-server tests did not run');
      this.skip();
    }
    api = a;
    assert.ok(api.isRunning(), 'the language server is not running: see the "Trial Protocols" output');
  });

  test('diagnostics arrive for the example, each with a code, and the status bar shows them', async () => {
    const { doc } = await openTrial();
    const diags = await waitForDiagnostics(doc.uri);
    console.log(summary(diags).replace(/^/gm, '      '));
    for (const d of diags) assert.ok(codeOf(d), `diagnostic without a code: ${d.message}`);
    const status = await until(() => api.statusFor(doc.uri), 30000, 'the trial/status notification');
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.strictEqual(status.errors, errors, 'trial/status errors != error diagnostics');
    assert.match(api.statusText(), /Trial: (clean|exported|\d+ errors?|\d+ warnings?)/);
  });

  test('completion: keywords at top level and declared interventions after "receives"', async () => {
    const { doc, editor } = await openTrial();
    // A fresh line after the first `receives rituximab` inside `arm combination`.
    const at = positionOf(doc, 'receives cyclosporine');
    await editor.edit((b) => b.insert(new vscode.Position(at.line, 0), '  receives \n'));
    try {
      const pos = new vscode.Position(at.line, '  receives '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const labels = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
      assert.ok(labels.includes('rituximab') && labels.includes('cyclosporine'), `after "receives": ${labels.slice(0, 30).join(', ')}`);

      const top = doc.lineAt(doc.lineCount - 1).range.end;
      const topList = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, top);
      const keywords = topList.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
      for (const k of ['arm', 'intervention', 'eligibility']) assert.ok(keywords.includes(k), `top level lacks "${k}": ${keywords.slice(0, 30).join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('hover on a reference to an intervention describes it', async () => {
    const { doc } = await openTrial();
    const pos = positionOf(doc, 'receives rituximab', 'receives r'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers);
    assert.ok(/rituximab/i.test(text), `hover: ${JSON.stringify(text)}`);
  });

  test('a quick fix from the server removes its diagnostic', async () => {
    const copy = path.join(workspaceDir(), 'quickfix.trial');
    fs.copyFileSync(path.join(workspaceDir(), EXAMPLE), copy);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(copy));
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(doc.uri);
    let applied: { diag: vscode.Diagnostic; action: vscode.CodeAction } | undefined;
    for (const diag of diags) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      // (the API may drop an action's `diagnostics`; when present they must name this diagnostic)
      const action = (actions ?? []).find((a) => a.edit && (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === codeOf(diag))));
      if (!action) console.log(`      no quick fix for ${codeOf(diag)}: ${JSON.stringify((actions ?? []).map((a) => [a.title, a.kind?.value, !!a.edit, a.diagnostics?.length]))}`);
      if (action) { applied = { diag, action }; break; }
    }
    assert.ok(applied, `no quick fix with an edit for any of:\n${summary(diags)}`);
    console.log(`      applying "${applied.action.title}" for ${codeOf(applied.diag)}`);
    const after = await nextDiagnostics(doc.uri, () => vscode.workspace.applyEdit(applied!.action.edit!));
    const same = (d: vscode.Diagnostic) => codeOf(d) === codeOf(applied!.diag) && d.message === applied!.diag.message;
    assert.ok(!after.some(same), `still there after the fix:\n${summary(after.filter(same))}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('export refuses the example as written (it lacks registry elements), with the reason and the error count', async () => {
    const { doc } = await openTrial();
    const diags = await waitForDiagnostics(doc.uri, () => api.statusFor(doc.uri) !== undefined);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const record = path.join(workspaceDir(), 'NCT04743739.ctgov.json');
    fs.rmSync(record, { force: true });
    const result = await vscode.commands.executeCommand<ExportResult>('trial.exportRecord', doc.uri);
    assert.ok(result, 'trial.exportRecord returned nothing');
    if (errors === 0) return assert.ok(result.ok, `refused without errors: ${result.reason}`);
    assert.ok(!result.ok, `exported despite ${errors} errors`);
    assert.ok(result.reason && result.reason.length > 0, 'refusal without a reason');
    assert.strictEqual(result.diagnosticsCount, errors);
    assert.ok(!fs.existsSync(record), 'a refused export wrote a file');
  });

  test('export writes <name>.ctgov.json beside the completed example', async () => {
    const { doc } = await openComplete();
    await waitForDiagnostics(doc.uri, () => api.statusFor(doc.uri) !== undefined);
    const expected = path.join(workspaceDir(), 'complete.ctgov.json');
    fs.rmSync(expected, { force: true });
    const result = await vscode.commands.executeCommand<ExportResult>('trial.exportRecord', doc.uri);
    assert.ok(result?.ok, `refused: ${result?.reason}\n${summary(vscode.languages.getDiagnostics(doc.uri))}`);
    assert.strictEqual(result.path, expected);
    const record = JSON.parse(fs.readFileSync(expected, 'utf8'));
    assert.strictEqual(record.protocolSection?.identificationModule?.nctId, 'NCT04743739');
    assert.ok(record.protocolSection?.outcomesModule?.primaryOutcomes?.length >= 1, 'no primary outcome in the record');
    await until(() => /exported/.test(api.statusText()), 10000, 'the status bar to show the export');
  });

  test('export honours trial.export.folder', async () => {
    const { doc } = await openComplete();
    const cfg = vscode.workspace.getConfiguration('trial', doc.uri);
    await cfg.update('export.folder', 'exports', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<ExportResult>('trial.exportRecord', doc.uri);
      assert.ok(result?.ok, `refused: ${result?.reason}`);
      assert.strictEqual(result.path, path.join(workspaceDir(), 'exports', 'complete.ctgov.json'));
      assert.ok(fs.existsSync(result.path!));
    } finally {
      await cfg.update('export.folder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('export refuses a protocol with errors and says why', async () => {
    const broken = wsFile('broken.trial');
    fs.writeFileSync(broken.fsPath, 'trial {\n  nct id NCT00000000\n  phase banana\n}\narm {\n');
    const doc = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const result = await vscode.commands.executeCommand<ExportResult>('trial.exportRecord', doc.uri);
    assert.ok(result && !result.ok, 'a protocol with errors was exported');
    assert.ok(result.reason);
    assert.strictEqual(result.diagnosticsCount, diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
    assert.ok(!fs.existsSync(path.join(workspaceDir(), 'broken.ctgov.json')));
    await until(() => /error/.test(api.statusText()), 10000, 'the status bar to show errors');
  });

  test('import turns a registry record into a .trial file that opens', async () => {
    const record = path.join(workspaceDir(), 'records', 'NCT05378763.json');
    assert.ok(fs.existsSync(record), 'the launcher copies ../shared/registry-records into the workspace');
    const target = path.join(workspaceDir(), 'imported', 'NCT05378763.trial');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const result = await vscode.commands.executeCommand<ImportResult>('trial.importRecord', record, target);
    assert.ok(result?.ok, `import refused: ${result?.reason}`);
    assert.strictEqual(result.path, target);
    await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === target, 10000, 'the imported file to open');
    assert.strictEqual(vscode.window.activeTextEditor!.document.languageId, 'trial');
    const diags = await waitForDiagnostics(vscode.Uri.file(target), () => api.statusFor(vscode.Uri.file(target)) !== undefined);
    assert.ok(!diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error && /parse|syntax|expect/i.test(d.message)), `the imported file does not parse:\n${summary(diags)}`);
  });

  test('format keeps every comment and is idempotent', async () => {
    const { doc } = await openTrial();
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('//')).map((l) => l.trim());
    const before = comments(doc.getText());
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const once = doc.getText();
    assert.deepStrictEqual(comments(once), before);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    assert.strictEqual(doc.getText(), once, 'formatting twice changed the text again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('after a crash the server restarts and checks again', async () => {
    const { doc, editor } = await openTrial();
    const pid = await until(() => api.serverPid(), 10000, 'the server pid');
    process.kill(pid, 'SIGKILL');
    const newPid = await until(() => api.isRunning() && api.serverPid() !== pid && api.serverPid(), 30000, 'a restarted server');
    assert.notStrictEqual(newPid, pid);
    // A new mistake at the end: the restarted server must report it.
    const line = doc.lineCount + 1;
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\nnot a statement {\n'));
    try {
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.range.start.line >= line - 1), 30000, 'a diagnostic from the restarted server');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
