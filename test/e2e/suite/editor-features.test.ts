// Inlay hints, code lenses and completion on a typed space, through the commands VS Code exposes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hasServer, labelOf, openTrial, positionOf, waitForDiagnostics } from './helpers';

const labelText = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

suite('editor features', function () {
  suiteSetup(async function () {
    const { ext } = await activateExtension();
    if (!hasServer(ext)) this.skip();
  });

  test('vscode.executeInlayHintProvider: study days, per-kg dose at 70 kg, registry values', async () => {
    const { doc } = await openTrial();
    await waitForDiagnostics(doc.uri);
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
    const after = (needle: string, offset: number) => hints.filter((h) => h.position.isEqual(positionOf(doc, needle, offset))).map(labelText);
    assert.deepStrictEqual(after('on days 1 and 181', 'on days 1 and 181'.length), ['wk 26 · mo 6']);
    assert.deepStrictEqual(after('3 mg/kg/d', '3 mg/kg/d'.length), ['≈ 210 mg/d at 70 kg']);
    assert.deepStrictEqual(after('type active comparator', 'type active comparator'.length), ['ACTIVE_COMPARATOR']);
  });

  test('vscode.executeCodeLensProvider: arms per intervention, export and timeline above trial', async () => {
    const { doc } = await openTrial();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const titleAt = (needle: string) => lenses.filter((l) => l.range.start.line === positionOf(doc, needle).line).map((l) => l.command?.title);
    assert.deepStrictEqual(titleAt('trial {'), ['Export registry record', 'Trial view']);
    assert.deepStrictEqual(titleAt('intervention rituximab'), ['received by 2 arms: monotherapy, combination']);
    assert.deepStrictEqual(titleAt('intervention cyclosporine'), ['received by arm: combination']);
    // The lens's command runs (peeks the receives lines) without an error.
    const lens = lenses.find((l) => l.command?.command === 'trial.showLocations');
    assert.ok(lens?.command);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  test('completion on a typed space: dose units after the amount, nothing after a label', async () => {
    const { doc, editor } = await openTrial();
    const at = positionOf(doc, '  adjust by csa_level');
    await editor.edit((b) => b.insert(new vscode.Position(at.line, 0), '  dose 10 \n'));
    try {
      const pos = new vscode.Position(at.line, '  dose 10 '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, ' ');
      const labels = list.items.map(labelOf);
      assert.ok(labels.includes('mg') && labels.includes('mg/kg'), labels.slice(0, 20).join(', '));
      const label = positionOf(doc, 'label "Rituximab monotherapy"', 'label '.length);
      const none = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, label, ' ');
      assert.deepStrictEqual(none.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet && i.kind !== vscode.CompletionItemKind.Text).map(labelOf), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a diagnostic code links to its documentation shipped with the extension', async () => {
    const { doc } = await openTrial();
    const diags = await waitForDiagnostics(doc.uri);
    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code.target, `diagnostic ${String(d.code)} has no link`);
      assert.match(d.code.target.path, /\/docs\/diagnostics\.md$/);
      assert.match(d.code.target.fragment, /^L\d+$/);
    }
  });
});

