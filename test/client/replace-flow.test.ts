/**
 * The client's "Replace?" flow (client/replace-flow.ts, used by the export and import commands)
 * against the real language server over LSP: an existing, edited file is replaced only when the
 * question is answered yes, and then by a second request with `overwrite`. (The modal itself is
 * VS Code's; the e2e suite does not drive it.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { requestWithReplace } from '../../client/replace-flow';
import { ExportRecordMethod, ImportRecordMethod, type ExportRecordResult, type ImportRecordResult } from '../../server/lsp/protocol';
import { EXAMPLES, TestServer } from '../lsp/harness';

describe('client: the Replace? flow against the real server', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-replace-'));
    server = await TestServer.start({ workspaceFolder: dir });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every request the flow sends, and every question it asks. */
  function recorder<R>(method: string) {
    const sent: { overwrite?: boolean }[] = [];
    const asked: string[] = [];
    return {
      sent,
      asked,
      send: (p: object & { overwrite?: boolean }) => { sent.push(p); return server.request<R>(method, p); },
      ask: (answer: boolean) => async (file: string) => { asked.push(file); return answer; },
    };
  }

  for (const replace of [false, true]) {
    it(`import onto an edited file: asks once, ${replace ? '"Replace" replaces it' : '"Cancel" leaves it as it is'}`, async () => {
      const recordPath = path.join(dir, `record-${replace}.json`);
      fs.writeFileSync(recordPath, JSON.stringify({ protocolSection: { identificationModule: { nctId: 'NCT01234567', briefTitle: 'A study' } } }));
      const targetPath = path.join(dir, `protocol-${replace}.trial`);
      fs.writeFileSync(targetPath, '// edited by hand\n');
      const r = recorder<ImportRecordResult>(ImportRecordMethod);
      const result = await requestWithReplace(r.send, { recordPath, targetPath }, r.ask(replace));
      assert.deepStrictEqual(r.asked, [targetPath]);
      assert.deepStrictEqual(r.sent.map((p) => p.overwrite === true), replace ? [false, true] : [false]);
      assert.strictEqual(result?.ok, replace);
      const text = fs.readFileSync(targetPath, 'utf8');
      if (replace) assert.match(text, /NCT01234567/);
      else assert.strictEqual(text, '// edited by hand\n');
    });
  }

  it('export: no question when nothing is there, one when an edited record is', async () => {
    const file = path.join(dir, 'ZEPHYR-1.trial');
    fs.copyFileSync(path.join(EXAMPLES, 'ZEPHYR-1.trial'), file);
    const uri = pathToFileURL(file).href;
    await server.open(fs.readFileSync(file, 'utf8'), uri);
    await server.diagnosticsFor(uri);
    const target = path.join(dir, 'ZEPHYR-1.ctgov.json');
    const fresh = recorder<ExportRecordResult>(ExportRecordMethod);
    assert.ok((await requestWithReplace(fresh.send, { uri }, fresh.ask(true)))?.ok);
    assert.deepStrictEqual(fresh.asked, []);
    fs.writeFileSync(target, 'edited by hand\n');
    const again = recorder<ExportRecordResult>(ExportRecordMethod);
    const cancelled = await requestWithReplace(again.send, { uri }, again.ask(false));
    assert.strictEqual(cancelled?.ok, false);
    assert.deepStrictEqual(again.asked, [target]);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'edited by hand\n');
  });
});
