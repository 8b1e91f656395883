// The Trial view in the real VS Code: opens beside the editor, shows the seed's arms and doses, follows edits.
// (The click on a mark and the screenshots are in test/e2e/view-ui-test.js, which drives the real webview.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hasServer, openTrial, until, withTimeout } from './helpers';

interface Mark { day: number; conditional: boolean; source: { line: number } }
interface Lane { name: string; marks: Mark[]; spans: { kind: string; from: number; to: number }[]; notes: { text: string }[] }
interface ViewState { uri: string; version: number; result: { view: { calendar: { arms: { label: string; lanes: Lane[] }[] } } } }
interface ViewApi { viewState(): ViewState | undefined; onDidUpdateView: vscode.Event<ViewState> }

function nextUpdate(api: ViewApi, accept: (s: ViewState) => boolean, what: string): Promise<ViewState> {
  const now = api.viewState();
  if (now && accept(now)) return Promise.resolve(now);
  return withTimeout(new Promise<ViewState>((resolve) => {
    const sub = api.onDidUpdateView((s) => {
      if (accept(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  }), 20000, what);
}

suite('trial view', function () {
  let api: ViewApi;

  suiteSetup(async function () {
    const { ext, api: a } = await activateExtension();
    if (!hasServer(ext)) this.skip();
    api = a as unknown as ViewApi;
  });

  test('opens beside the editor from the command and shows both arms of the seed', async () => {
    const { doc } = await openTrial();
    const state = await vscode.commands.executeCommand<ViewState | undefined>('trial.openView', doc.uri);
    assert.ok(state, 'the command returns what the view shows');
    assert.strictEqual(state.uri, doc.uri.toString());
    const tab = await until(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /trial\.view/.test(t.input.viewType)), 10000, 'the Trial view tab');
    assert.match(tab.label, /Trial View: NCT04743739\.trial/);
    const arms = state.result.view.calendar.arms;
    assert.deepStrictEqual(arms.map((a) => a.label), ['Rituximab monotherapy', 'Rituximab combined with cyclosporine']);
    for (const arm of arms) {
      const rituximab = arm.lanes.find((l) => l.name === 'Rituximab')!;
      assert.deepStrictEqual(rituximab.marks.filter((m) => !m.conditional).map((m) => m.day), [1, 181]);
      assert.deepStrictEqual(rituximab.marks.filter((m) => m.conditional).map((m) => m.day), [15, 195], 'the retreatment is conditional');
    }
    const cyclosporine = arms[1]!.lanes.find((l) => l.name === 'cyclosporine')!;
    assert.deepStrictEqual(cyclosporine.spans.map((s) => s.kind), ['full', 'taper']);
    assert.ok(cyclosporine.notes.some((n) => /level-guided/.test(n.text)));
  });

  test('updates after an edit', async () => {
    const { doc, editor } = await openTrial();
    await vscode.commands.executeCommand('trial.openView', doc.uri);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('dose 1000 mg iv on days 1 and 181'));
    assert.ok(line >= 0);
    const start = doc.lineAt(line).text.indexOf('181');
    await editor.edit((e) => e.replace(new vscode.Range(line, start, line, start + 3), '183'));
    const updated = await nextUpdate(api, (s) => s.version === doc.version, 'the view of the edited text');
    const days = updated.result.view.calendar.arms[0]!.lanes[0]!.marks.filter((m) => !m.conditional).map((m) => m.day);
    assert.deepStrictEqual(days, [1, 183]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await nextUpdate(api, (s) => s.version === doc.version, 'the view after the revert');
  });
});
