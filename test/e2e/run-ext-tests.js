// Usage: node run-ext-tests.js <serverUrl> <workspaceDir> <extDevPath> <extTestsPath>
// Opens the VS Code web workbench (headless chromium) with extensionDevelopmentPath + extensionTestsPath in the
// URL payload, prints the extension host's output, and exits with the test run's code. Adapted from ../shared/vscode-e2e.
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const [, , serverUrl, wsDir, devPath, testsPath] = process.argv;
// Harmless noise of an offline workbench (marketplace, chat, agent host, remote look-ups).
const NOISE = new RegExp([
  'AgentHost', 'Authentication provider', 'authentication provider', 'AccountPolicyGate', 'No default agent', 'marketplace', 'gallery',
  'ERR_NAME_NOT_RESOLVED', 'ENOTFOUND', 'getaddrinfo', '[Cc]hat', '[Cc]opilot', 'Failed to fetch', 'net::ERR_', 'update\\.code\\.visualstudio',
  'vscode-unpkg', 'telemetry', 'Creating a socket', 'Resolved connection token', 'reconnection-grace-time',
  'Updating additional builtin extensions cache', 'Service Worker', 'Started local extension host', 'Extension host agent',
].join('|'));
// Stack frames inside the workbench bundle say nothing about the extension; keep the first line of such messages.
const dropWorkbenchFrames = (text) => text.split('\n').filter((l) => !/^\s+at .*(workbench\.js|\/static\/|node_modules\/vscode-textmate)/.test(l)).join('\n');

(async () => {
  const t0 = Date.now();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const authority = new URL(serverUrl).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  let done;
  const exitP = new Promise((r) => (done = r));
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = util.format(...(args || []));
    if (process.env.VERBOSE) console.log(line);
    else if (!NOISE.test(line)) console.log(dropWorkbenchFrames(line));
  });
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  page.on('console', (m) => { if (process.env.VERBOSE) console.log('[browser]', m.text().slice(0, 500)); });
  page.on('pageerror', (e) => { if (process.env.VERBOSE || !NOISE.test(e.message)) console.log('[pageerror]', e.message); });
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]);
  const url = `${serverUrl}/?folder=${encodeURIComponent(wsDir)}&payload=${encodeURIComponent(payload)}`;
  if (process.env.VERBOSE) console.log('opening', url);
  await page.goto(url);
  const timer = setTimeout(() => done('timeout'), Number(process.env.TEST_TIMEOUT_MS || 300000));
  const code = await exitP;
  clearTimeout(timer);
  console.log(`extension tests exit code: ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s, workbench included)`);
  if (code !== 0 || process.env.SCREENSHOT) {
    const shot = process.env.SCREENSHOT || path.join(__dirname, '../../test-artifacts/ext-tests-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => {});
  }
  await ctx.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
