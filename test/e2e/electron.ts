// `npm run test:electron`: the same extension-host suite in a desktop VS Code downloaded by @vscode/test-electron
// (needs internet; offline machines and CI use test/e2e/vscode-e2e.sh instead).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..'); // out/test/e2e → repo
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-e2e-ws-'));
  fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
  const records = path.join(root, '..', 'shared', 'registry-records');
  if (fs.existsSync(records)) fs.cpSync(records, path.join(ws, 'records'), { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(root, 'test', 'e2e', 'fixtures.js')) as { writeComplete(ws: string): void }).writeComplete(ws);
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'suite', 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error('extension tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
