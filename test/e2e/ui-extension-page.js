// The installed extension's page in the Extensions view: search @installed, open Trial Protocols, wait for its
// README (the protocol writer's page) to render, screenshot to $SCREENSHOT. Usage: node ui-extension-page.js <serverUrl> <ws>
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [, , serverUrl, wsDir] = process.argv;
const shot = process.env.SCREENSHOT || path.join(__dirname, '../../test-artifacts/ui-extension-page.png');

(async () => {
  const t0 = Date.now();
  const step = (s) => console.log(`[ext page ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  try {
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(wsDir)}`);
    await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 60000 });
    step('workbench up');
    await page.keyboard.press('Control+Shift+X');
    const search = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor').first();
    await search.waitFor({ timeout: 20000 });
    await search.click();
    await page.keyboard.type('@installed Trial Protocols');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Trial Protocols' }).first();
    await item.waitFor({ timeout: 30000 });
    await item.click();
    step('opened the extension page');
    await page.locator('.extension-editor .header .name', { hasText: 'Trial Protocols' }).first().waitFor({ timeout: 30000 });
    // The README is rendered in a webview: wait for its frame to hold the first heading.
    for (const t1 = Date.now(); Date.now() - t1 < 30000; await page.waitForTimeout(250)) {
      const frames = page.frames();
      let found = false;
      for (const f of frames) {
        found = await f.evaluate(() => /Getting started/.test(document.body?.innerText ?? '')).catch(() => false);
        if (found) break;
      }
      if (found) break;
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot });
    step(`screenshot ${shot}`);
  } catch (e) {
    await page.screenshot({ path: shot.replace(/\.png$/, '-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
})().catch((e) => { console.error('FAIL', e.message); process.exit(1); });
