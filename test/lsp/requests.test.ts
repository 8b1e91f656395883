import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SETTINGS, ExportRecordMethod, ImportRecordMethod, TimelineMethod, TrialViewMethod, type ExportRecordResult, type ImportRecordResult, type TimelineResult, type TrialViewResult } from '../../server/lsp/protocol';
import { findShared } from '../export/shared';
import { EXAMPLES, TestServer } from './harness';

describe('lsp: custom requests (protocol.ts)', function () {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-lsp-'));
    fs.copyFileSync(path.join(EXAMPLES, 'ZEPHYR-1.trial'), path.join(dir, 'ZEPHYR-1.trial'));
    server = await TestServer.start({ workspaceFolder: dir });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('trial/exportRecord writes <name>.ctgov.json beside the file and trial/status says so', async () => {
    const uri = pathToFileURL(path.join(dir, 'ZEPHYR-1.trial')).href;
    await server.open(fs.readFileSync(path.join(dir, 'ZEPHYR-1.trial'), 'utf8'), uri);
    const diags = await server.diagnosticsFor(uri);
    assert.strictEqual(diags.filter((d) => d.severity === 1).length, 0, JSON.stringify(diags));
    const result = await server.request<ExportRecordResult>(ExportRecordMethod, { uri });
    assert.ok(result.ok, JSON.stringify(result));
    assert.strictEqual(result.path, path.join(dir, 'ZEPHYR-1.ctgov.json'));
    const record = JSON.parse(fs.readFileSync(result.path, 'utf8'));
    assert.strictEqual(record.protocolSection.identificationModule.orgStudyIdInfo.id, 'ZEPHYR-1');
    await server.until(() => server.statuses.some((s) => s.uri === uri && s.exported === result.path), 'the exported status');
  });

  it('trial/exportRecord honours trial.export.folder (relative to the workspace folder)', async () => {
    const uri = pathToFileURL(path.join(dir, 'ZEPHYR-1.trial')).href;
    await server.setSettings({ ...structuredClone(DEFAULT_SETTINGS), export: { folder: 'records' } });
    const result = await server.request<ExportRecordResult>(ExportRecordMethod, { uri });
    assert.ok(result.ok);
    assert.strictEqual(result.path, path.join(dir, 'records', 'ZEPHYR-1.ctgov.json'));
    assert.ok(fs.existsSync(result.path));
    await server.setSettings(structuredClone(DEFAULT_SETTINGS));
  });

  it('trial/exportRecord refuses a protocol with errors, counting them', async () => {
    const uri = pathToFileURL(path.join(dir, 'broken.trial')).href;
    await server.open('trial {\n  nct id NCT00000000\n  phase banana\n}\narm {\n', uri);
    const diags = await server.diagnosticsFor(uri);
    const result = await server.request<ExportRecordResult>(ExportRecordMethod, { uri });
    assert.ok(!result.ok);
    assert.ok(result.reason.length > 0);
    assert.strictEqual(result.diagnosticsCount, diags.filter((d) => d.severity === 1).length);
    assert.ok(!fs.existsSync(path.join(dir, 'broken.ctgov.json')));
  });

  it('trial/exportRecord refuses a record whose required element is silenced by trial-ignore, and names it', async () => {
    const zephyr = fs.readFileSync(path.join(dir, 'ZEPHYR-1.trial'), 'utf8');
    // No official title (required from its start date), the missing-element error silenced on `trial`.
    const text = zephyr.replace(/^ {2}official title .*\n/m, '').replace(/^trial \{/m, '// trial-ignore registry-missing-element\ntrial {');
    assert.notEqual(text, zephyr);
    const uri = pathToFileURL(path.join(dir, 'silenced.trial')).href;
    await server.open(text, uri);
    const diags = await server.diagnosticsFor(uri);
    assert.deepEqual(diags.filter((d) => d.severity === 1).map((d) => d.code), ['ignore-blocks-export']);
    const trialLine = text.split('\n').findIndex((l) => l.startsWith('trial {')) + 1;
    const result = await server.request<ExportRecordResult>(ExportRecordMethod, { uri });
    assert.ok(!result.ok, JSON.stringify(result));
    assert.match(result.reason, new RegExp(`registry-missing-element \\(line ${trialLine}\\)`));
    assert.strictEqual(result.diagnosticsCount, 1);
    assert.ok(!fs.existsSync(path.join(dir, 'silenced.ctgov.json')));
  });

  it('trial/exportRecord refuses a required element the settings switch off (trial.rules.registry, trial.severity)', async () => {
    const zephyr = fs.readFileSync(path.join(dir, 'ZEPHYR-1.trial'), 'utf8');
    const text = zephyr.replace(/^ {2}official title .*\n/m, '');
    const uri = pathToFileURL(path.join(dir, 'switched-off.trial')).href;
    await server.open(text, uri);
    for (const settings of [
      { ...structuredClone(DEFAULT_SETTINGS), rules: { ...DEFAULT_SETTINGS.rules, registry: false } },
      { ...structuredClone(DEFAULT_SETTINGS), severity: { 'registry-missing-element': 'off' as const } },
    ]) {
      await server.setSettings(settings);
      const result = await server.request<ExportRecordResult>(ExportRecordMethod, { uri });
      assert.ok(!result.ok, JSON.stringify(result));
      assert.match(result.reason, /settings hide 1 error that the registry would refuse: registry-missing-element \(line \d+\)/);
      assert.ok(!fs.existsSync(path.join(dir, 'switched-off.ctgov.json')));
    }
    await server.setSettings(structuredClone(DEFAULT_SETTINGS));
  });

  it('trial/timeline: rows per arm and intervention', async () => {
    const uri = pathToFileURL(path.join(dir, 'ZEPHYR-1.trial')).href;
    const result = await server.request<TimelineResult>(TimelineMethod, { uri });
    const row = result.rows.find((r) => r.arm === 'zephyr' && r.intervention === 'zephyrimab');
    assert.ok(row, JSON.stringify(result.rows));
    assert.strictEqual(row.startDay, 1);
  });

  it('trial/view: the calendar, schedule of activities and registry preview of the open text, with its version', async () => {
    const uri = pathToFileURL(path.join(dir, 'ZEPHYR-1.trial')).href;
    const result = await server.request<TrialViewResult>(TrialViewMethod, { uri });
    assert.strictEqual(typeof result.version, 'number');
    assert.ok(result.view.calendar.arms.some((a) => a.lanes.some((l) => l.intervention === 'zephyrimab' && (l.marks.length > 0 || l.spans.length > 0))));
    assert.ok(result.view.soa.visits.length > 0);
    assert.strictEqual(result.view.preview.blockingCount, 0);
  });

  it('trial/importRecord writes a .trial file that the server checks without syntax errors', async () => {
    const record = path.join(findShared(), 'registry-records', 'NCT05378763.json');
    const target = path.join(dir, 'imported', 'NCT05378763.trial');
    const result = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath: record, targetPath: target });
    assert.ok(result.ok, JSON.stringify(result));
    assert.strictEqual(result.path, target);
    const uri = pathToFileURL(target).href;
    await server.open(fs.readFileSync(target, 'utf8'), uri);
    const diags = await server.diagnosticsFor(uri);
    assert.ok(!diags.some((d) => String(d.code).startsWith('syntax-')), JSON.stringify(diags));
    // The import report comes back for the editor to show.
    assert.ok(result.ok && result.report, JSON.stringify(result));
    assert.match(result.report.text, /^Import report: NCT05378763\n/);
    assert.ok(result.report.structuredDoses >= 1, result.report.text);
  });

  it('trial/importRecord refuses what is not a record', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"hello": 1}');
    const result = await server.request<ImportRecordResult>(ImportRecordMethod, { recordPath: bad });
    assert.ok(!result.ok);
    assert.match(result.reason, /protocolSection/);
  });
});
