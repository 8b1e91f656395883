// Smoke test of the packaged extension: installed from the .vsix (not the dev folder), bundled, and working.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, hasServer, openTrial, summary, until, waitForDiagnostics } from '../suite/helpers';

suite('packaged .vsix', () => {
  test('the extension under test is the installed copy, and it ships only bundles', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    console.log(`    installed at ${ext.extensionPath}`);
    assert.match(ext.extensionPath, /[/\\]vsix-ext[/\\]trial-protocols\.trial-protocols-/);
    const has = (p: string) => fs.existsSync(path.join(ext.extensionPath, p));
    for (const p of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'syntaxes/language-configuration.json', 'snippets/trial.json', 'package.json', 'package.nls.json',
      'LICENSE.txt', 'images/icon.png', 'docs/diagnostics.md', 'docs/registry-record.schema.json', 'examples/NCT04743739.trial', 'media/walkthrough/quick-fix.md']) {
      assert.ok(has(p), `${p} missing from the .vsix`);
    }
    // The CLI bundle is for the npm package: the extension never runs it.
    for (const p of ['dist/cli.js', 'node_modules', 'out', 'client', 'test', 'bundle.mjs', 'tsconfig.json', '.ci', 'docs/ARCHITECTURE.md']) assert.ok(!has(p), `${p} should not be in the .vsix`);
    // Every file the manifest names is in the package (icons, walkthrough media, schema).
    const pkg = ext.packageJSON as { icon: string; contributes: { walkthroughs: { steps: { media: { markdown?: string } }[] }[]; jsonValidation: { url: string }[]; languages: { icon?: { light: string; dark: string } }[] } };
    const named = [pkg.icon, ...pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? '')), ...pkg.contributes.jsonValidation.map((j) => j.url),
      ...pkg.contributes.languages.flatMap((l) => (l.icon ? [l.icon.light, l.icon.dark] : []))].filter(Boolean);
    for (const p of named) assert.ok(has(p), `the manifest names ${p}, which is not in the .vsix`);
  });

  test('a .trial file activates it; the bundled server checks the example', async function () {
    const { doc } = await openTrial();
    assert.strictEqual(doc.languageId, 'trial');
    const { ext, api } = await activateExtension();
    assert.ok(ext.isActive);
    if (!hasServer(ext)) {
      console.log('    SKIPPED the server half: no dist/server.js in the .vsix');
      this.skip();
    }
    assert.ok(api.isRunning(), 'the bundled language server did not start');
    const diags = await waitForDiagnostics(doc.uri);
    console.log(summary(diags).replace(/^/gm, '      '));
    await until(() => api.statusFor(doc.uri), 30000, 'the trial/status notification');
  });
});
