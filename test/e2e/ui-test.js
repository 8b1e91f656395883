// UI-level e2e: load the extension, open the example from the Explorer, wait for the status bar's problems
// label and the Trial item, run "Trial: Export Registry Record" from the command palette, check the written
// record, screenshot to $SCREENSHOT. Usage: node ui-test.js <serverUrl> <workspaceDir> <extDevPath>
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [, , serverUrl, wsDir, devPath] = process.argv;
const EXAMPLE = 'NCT04743739.trial';
const RECORD = path.join(wsDir, 'NCT04743739.ctgov.json');
const COMPLETE_RECORD = path.join(wsDir, 'complete.ctgov.json');
const waitForFile = async (f, ms) => { for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 100))) if (fs.existsSync(f)) return true; return false; };
const shot = process.env.SCREENSHOT || path.join(__dirname, '../../test-artifacts/ui-export.png');

(async () => {
  const t0 = Date.now();
  const step = (s) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const exportFromPalette = async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
    await page.keyboard.type('Trial: Export Registry Record');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export Registry Record' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    step('ran "Trial: Export Registry Record" from the palette');
  };
  /** Run a palette command by its title; `enter` false leaves the palette open on the command's own quick pick. */
  const runFromPalette = async (title, enter = true) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    if (!enter) await page.waitForTimeout(300);
    step(`ran "${title}" from the palette`);
  };
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  try {
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(serverUrl).host}${devPath}`]]);
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(wsDir)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 60000 });
    step('workbench up');
    await page.getByRole('treeitem', { name: EXAMPLE }).click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    step(`opened ${EXAMPLE}`);

    // The problems label counts the server's diagnostics (aria-label like "Errors: 0, Warnings: 2, ...").
    const problemsLabel = () => {
      const el = document.querySelector('#status\\.problems');
      const a = el?.querySelector('a') || el;
      return (a?.getAttribute('aria-label') || '') + ' | ' + (el?.textContent || '');
    };
    try {
      await page.waitForFunction((fn) => {
        const label = new Function(`return (${fn})()`)();
        return [...label.matchAll(/(\d+)/g)].some((m) => Number(m[1]) > 0);
      }, problemsLabel.toString(), { timeout: 60000 });
    } finally {
      step(`status.problems: ${await page.evaluate(problemsLabel)}`);
    }
    const trialItem = page.locator('.statusbar-item', { hasText: /Trial:/ }).first();
    await trialItem.waitFor({ timeout: 30000 });
    step(`status bar: ${(await trialItem.textContent()).trim()}`);

    // 1. The example as written lacks registry elements: the export is refused and Problems opens.
    fs.rmSync(RECORD, { force: true });
    await exportFromPalette();
    const refused = await Promise.race([
      page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 20000 }).then(() => true),
      waitForFile(RECORD, 20000).then((ok) => (ok ? false : new Promise(() => {}))),
    ]);
    if (refused) {
      if (fs.existsSync(RECORD)) throw new Error('the refused export wrote a file');
      step('export of the example refused; Problems panel shown');
      await page.screenshot({ path: shot.replace(/\.png$/, '-refused.png') });
    } else {
      step('the example exported directly');
    }

    // 2. The completed example (complete.trial, made by fixtures.js) exports.
    await page.keyboard.press('Escape');
    await page.getByRole('treeitem', { name: 'complete.trial' }).click();
    await page.locator('.tab.active', { hasText: 'complete.trial' }).waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: /Trial: (clean|\d+ warning)/ }).first().waitFor({ timeout: 60000 });
    step(`opened complete.trial; status bar: ${(await trialItem.textContent()).trim()}`);
    fs.rmSync(COMPLETE_RECORD, { force: true });
    await exportFromPalette();
    if (!(await waitForFile(COMPLETE_RECORD, 30000))) throw new Error(`export from the palette did not write ${COMPLETE_RECORD}`);
    step('record on disk');
    await page.locator('.statusbar-item', { hasText: /Trial:.*exported/ }).first().waitFor({ timeout: 15000 });
    step(`status bar: ${(await trialItem.textContent()).trim()}`);
    await page.screenshot({ path: shot });
    step(`screenshot ${shot}`);
    const id = JSON.parse(fs.readFileSync(COMPLETE_RECORD, 'utf8')).protocolSection?.identificationModule?.nctId;
    if (id !== 'NCT04743739') throw new Error(`unexpected nctId in the record: ${id}`);

    // 3. Completion opens on its own while typing: a space after a dose amount lists units (no Ctrl+Space).
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('intervention typed {', { delay: 20 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('type drug', { delay: 20 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('dose 10 ', { delay: 30 });
    const suggest = page.locator('.editor-widget.suggest-widget.visible');
    await suggest.waitFor({ timeout: 15000 });
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: /^mg/ }).first().waitFor({ timeout: 10000 });
    step(`suggestions after "dose 10 ": ${(await suggest.locator('.monaco-list-row .label-name').allTextContents()).slice(0, 6).join(', ')}`);
    await page.screenshot({ path: shot.replace(/\.png$/, '') + '-completion.png' });
    await page.keyboard.press('Escape');
    await runFromPalette('File: Revert File');

    // 4. The walkthrough, from the palette as a new user would find it (the panel hidden, so the page has room).
    await runFromPalette('View: Hide Panel');
    await runFromPalette('Welcome: Open Walkthrough', false);
    await page.keyboard.type('Get Started with Trial Protocols');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Trial Protocols' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await page.locator('.gettingStartedContainer', { hasText: 'Fix the first error with a quick fix' }).first().waitFor({ timeout: 20000 });
    step('walkthrough open');
    const walkthroughShot = path.join(path.dirname(shot), 'ui-walkthrough.png');
    await page.screenshot({ path: walkthroughShot });
    step(`screenshot ${walkthroughShot}`);
    step('ui test passed');
  } catch (e) {
    await page.screenshot({ path: shot.replace(/\.png$/, '-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
})().catch((e) => { console.error('FAIL', e.message); process.exit(1); });
