// UI-level e2e of the Trial view in the real workbench: open it from the editor title, then from the palette; see
// the seed's marks in the webview; click the day-181 mark and check the cursor moved to the dose line; the view
// follows the active editor (the crossover example's schedule of activities); the registry preview.
// Screenshots to $ARTIFACTS (view-calendar.png, view-soa.png, view-preview.png).
// Usage: node view-ui-test.js <serverUrl> <workspaceDir> <extDevPath>
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [, , serverUrl, wsDir, devPath] = process.argv;
const artifacts = process.env.ARTIFACTS || path.join(__dirname, '../../test-artifacts');
const SEED = 'NCT04743739.trial';
const CROSSOVER = 'BREEZE-2.trial';

(async () => {
  const t0 = Date.now();
  const step = (s) => console.log(`[view ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1500, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  fs.mkdirSync(artifacts, { recursive: true });
  const seedLines = fs.readFileSync(path.join(wsDir, SEED), 'utf8').split('\n');
  const doseLine = seedLines.findIndex((l) => l.includes('dose 1000 mg iv on days 1 and 181'));

  /** The webview frame of the Trial view (VS Code nests it in two iframes). */
  const viewFrame = async (ms = 30000) => {
    for (const t = Date.now(); Date.now() - t < ms; await page.waitForTimeout(200)) {
      for (const f of page.frames()) {
        if (await f.evaluate(() => !!document.getElementById('calendar') && !!document.getElementById('tab-soa')).catch(() => false)) return f;
      }
    }
    throw new Error('the Trial view webview did not appear');
  };
  const waitTitle = async (f, name) => f.waitForFunction((n) => document.getElementById('title')?.textContent === n, name, { timeout: 30000 });
  const openFromExplorer = async (name) => {
    // Into the first editor group (the view is in the second): Ctrl+1 focuses it.
    await page.keyboard.press('Control+1').catch(() => {});
    await page.getByRole('treeitem', { name }).click();
    await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30000 });
  };
  // The editor's "Ln, Col" status item ('' while the webview has the focus: no text editor is active then).
  const cursor = () => page.evaluate(() => (document.querySelector('#status\\.editor\\.selection')?.textContent || '').trim());

  try {
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(serverUrl).host}${devPath}`]]);
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(wsDir)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 60000 });
    step('workbench up');
    await openFromExplorer(SEED);
    await page.locator('.statusbar-item', { hasText: /Trial:/ }).first().waitFor({ timeout: 60000 });
    step(`opened ${SEED}; the server is checking it`);

    // 1. From the editor title.
    const titleAction = page.locator('.editor-actions .action-label[aria-label^="Open Trial View"]').first();
    await titleAction.waitFor({ timeout: 15000 });
    await titleAction.click();
    let frame = await viewFrame();
    await waitTitle(frame, SEED);
    await frame.locator('.src.mark[data-day="181"]').first().waitFor({ timeout: 30000 });
    step('opened from the editor title: the calendar shows the day-181 mark');
    const count = async (sel) => frame.locator(sel).count();
    const plain = await count('.src.mark:not(.conditional)');
    const conditional = await count('.src.mark.conditional');
    const days = await frame.locator('.src.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-day') + (e.classList.contains('conditional') ? '?' : '')));
    step(`marks: ${days.join(' ')}`);
    if (plain !== 4 || conditional !== 4) throw new Error(`expected 4 doses and 4 conditional doses (two arms), found ${plain} and ${conditional}`);
    if ((await count('.src.span.taper')) !== 1) throw new Error('the cyclosporine taper is not drawn');
    await page.screenshot({ path: path.join(artifacts, 'view-calendar.png') });
    step('screenshot view-calendar.png');

    // 2. A click on a mark moves the cursor to its dose line.
    await frame.locator('.src.mark[data-day="181"]').first().click();
    await page.waitForFunction((want) => (document.querySelector('#status\\.editor\\.selection')?.textContent || '').includes(want), `Ln ${doseLine + 1}, Col 3`, { timeout: 15000 });
    step(`clicked the day-181 mark: cursor at ${await cursor()} (the dose line is line ${doseLine + 1})`);

    // 3. The view follows the active editor: the crossover example's schedule of activities.
    await openFromExplorer(CROSSOVER);
    frame = await viewFrame();
    await waitTitle(frame, CROSSOVER);
    await frame.locator('#tab-soa').click();
    await frame.locator('table.soa td.hit').first().waitFor({ timeout: 15000 });
    const visits = await frame.locator('table.soa thead tr:nth-child(2) th').count();
    step(`the view follows ${CROSSOVER}: schedule of activities with ${visits - 1} visits`);
    await page.screenshot({ path: path.join(artifacts, 'view-soa.png') });
    step('screenshot view-soa.png');

    // 4. Back to the seed: the registry preview marks what blocks the export. Opened from the palette this time.
    await openFromExplorer(SEED);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
    await page.keyboard.type('Trial: Open Trial View');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Trial View' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    frame = await viewFrame();
    await waitTitle(frame, SEED);
    step('opened from the palette');
    await frame.locator('#tab-preview').click();
    await frame.locator('.preview .blockers li').first().waitFor({ timeout: 15000 });
    const blockers = await frame.locator('.preview .blockers li').count();
    step(`registry preview: ${blockers} blocking errors marked`);
    await frame.locator('section[data-section="status"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'view-preview.png') });
    step('screenshot view-preview.png');
    // Keyboard: a blocker is focusable and Enter moves the cursor to the line it names.
    const blocker = frame.locator('section[data-section="status"] .blockers li.src').last();
    const want = `Ln ${Number(await blocker.getAttribute('data-line')) + 1}, Col ${Number(await blocker.getAttribute('data-character')) + 1}`;
    if ((await cursor()).includes(want)) throw new Error(`the cursor is already at ${want}; the test would prove nothing`);
    await blocker.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => (document.querySelector('#status\\.editor\\.selection')?.textContent || '').includes(w), want, { timeout: 10000 });
    step(`Enter on the why-stopped blocker: cursor at ${await cursor()}`);
    await frame.locator('#tab-calendar').click();
    step('view ui test passed');
  } catch (e) {
    await page.screenshot({ path: path.join(artifacts, 'view-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
})().catch((e) => { console.error('FAIL', e.message); process.exit(1); });
