/**
 * `npm run bench [-- --quick]`: what the tools cost, as ratios measured in one run on one machine
 * (absolute figures swing with the machine's load, printed alongside). Writes bench/results.json
 * (stable keys) and bench/RESULTS.md; asserts nothing (no test times anything).
 *
 * Sections: per size (parse, full check, format, export against JSON.parse and yaml + ajv of the
 * same record), seeded keystrokes in-process and over a real stdio connection, start-up CPU,
 * `trial check` of a folder on all cores, memory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lexer } from '../grammar/lexer';
import { parse } from '../grammar/parse';
import { formatText } from '../grammar/format';
import { checkText } from '../server/checks';
import { exportDocument } from '../server/export';
import { generateProtocol } from './generate';
import { baselines } from './baselines';
import { keystrokes } from './keystrokes';
import { overConnection, serverMemory } from './connection';
import { startup, folderCheck } from './processes';
import { logLogSlope, medianMs, quantiles } from './stats';
import { writeReport, type Results } from './report';
import { heapPerLine } from './memory';

const quick = process.argv.includes('--quick');
const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const started = Date.now();
  const sizes = quick ? [1000, 5000, 20000] : [100, 1000, 2000, 5000, 10000, 20000, 50000];
  const results: Results = {
    meta: { node: process.version, date: new Date().toISOString(), quick, loadBefore: os.loadavg(), cpus: os.cpus().length, loadAfter: [] },
    sizes: {},
    slopes: {},
    keystroke: {},
    ratios: {},
  };
  console.log(`Trial benchmark${quick ? ' (--quick)' : ''}, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  // Warm the JIT first: the measured functions are JavaScript and the baselines mostly native
  // (JSON.parse), so the first size timed cold compared a cold parser with a warm JSON.parse.
  const warm = generateProtocol(2000, 7);
  const warmChecked = checkText(warm);
  for (let i = 0; i < 5; i++) {
    lexer.tokenize(warm);
    parse(warm);
    checkText(warm);
    formatText(warm);
    exportDocument(warmChecked);
  }

  for (const n of sizes) {
    const text = generateProtocol(n);
    const checked = checkText(text);
    const exported = exportDocument(checked);
    if (!exported.ok) throw new Error(`bench: the generated ${n}-line protocol does not export: ${exported.reason}`);
    const runs = quick ? (n >= 20000 ? 2 : 4) : n >= 20000 ? 3 : n >= 5000 ? 5 : 10;
    const base = baselines(exported.json, runs);
    const row = {
      lines: text.split('\n').length,
      bytes: text.length,
      lexMs: medianMs(runs, () => lexer.tokenize(text)),
      parseMs: medianMs(runs, () => parse(text)),
      checkMs: medianMs(runs, () => checkText(text)),
      formatMs: medianMs(runs, () => formatText(text)),
      // A few milliseconds against the check's tens: timed over three times the runs (as JSON.parse
      // in baselines.ts), so that one collection pause or preemption on a loaded machine is not the
      // median of five (export ÷ check is read at the worst size, which a noisy median inflates).
      exportMs: medianMs(runs * 3, () => exportDocument(checked)),
      jsonParseMs: base.jsonParseMs,
      yamlAjvMs: base.yamlAjvMs,
      recordBytes: exported.json.length,
    };
    results.sizes[String(n)] = row;
    console.log(`  ${String(n).padStart(6)} lines: parse ${row.parseMs.toFixed(1)} ms, check ${row.checkMs.toFixed(1)}, format ${row.formatMs.toFixed(1)}, export ${row.exportMs.toFixed(1)}; JSON.parse ${row.jsonParseMs.toFixed(2)}, yaml+ajv ${row.yamlAjvMs.toFixed(1)}`);
  }
  const fit = (key: 'parseMs' | 'checkMs' | 'formatMs' | 'exportMs'): number =>
    logLogSlope(Object.values(results.sizes).filter((r) => r.lines >= 1000).map((r) => [r.lines, r[key]] as [number, number]));
  results.slopes = { parse: fit('parseMs'), check: fit('checkMs'), format: fit('formatMs'), export: fit('exportMs') };

  const edits = quick ? 300 : 1000;
  for (const n of [5000, 20000]) {
    const k = keystrokes(generateProtocol(n), edits);
    results.keystroke[String(n)] = k;
    console.log(`  keystroke on ${n} lines (${k.compute.n} edits): p50 ${k.compute.p50.toFixed(2)} ms, p95 ${k.compute.p95.toFixed(2)}, p99 ${k.compute.p99.toFixed(2)}; ~${(k.allocatedBytes / 1024).toFixed(0)} KB allocated; format of the open document after an edit p50 ${k.formatOpenMs.toFixed(2)} ms, p95 ${k.formatOpenP95Ms.toFixed(2)} (first format ${k.formatOpenFirstMs.toFixed(1)} ms)`);
  }
  const example = fs.readFileSync(path.join(ROOT, 'examples', 'NCT04743739.trial'), 'utf8');
  const kSmall = keystrokes(example, quick ? 200 : 500);
  results.keystroke.example = kSmall;

  const s5 = results.sizes['5000']!;
  const s20 = results.sizes['20000']!;
  const k5 = results.keystroke['5000']!;
  const k20 = results.keystroke['20000']!;
  const r = results.ratios;
  r.keystrokeOverCheck5k = k5.compute.p50 / s5.checkMs;
  r.keystroke20kOver5k = k20.compute.p50 / k5.compute.p50;
  r.formatOpenOverKeystroke5k = k5.formatOpenMs / k5.compute.p50;
  for (const n of ['1000', '5000', '20000']) {
    const s = results.sizes[n]!;
    r[`yamlAjvOverCheck${n === '1000' ? '1k' : n === '5000' ? '5k' : '20k'}`] = s.yamlAjvMs / s.checkMs;
    r[`parseOverJsonParse${n === '1000' ? '1k' : n === '5000' ? '5k' : '20k'}`] = s.parseMs / s.jsonParseMs;
  }
  r.exportOverCheckMax = Math.max(...Object.values(results.sizes).map((s) => s.exportMs / s.checkMs));

  const conn = await overConnection(generateProtocol(5000), quick ? 100 : 500, quick ? 50 : 200);
  results.connection = conn;
  console.log(`  over stdio (5,000 lines): keystroke → diagnostics p50 ${conn.keystroke.p50.toFixed(2)} ms, p95 ${conn.keystroke.p95.toFixed(2)}; spawn → first diagnostics ${conn.spawnToFirstDiagnosticsMs.toFixed(0)} ms`);

  results.startup = startup(ROOT, quick ? 5 : 15);
  console.log(`  start-up CPU: node -e 0 ${(results.startup.nodeCpu * 1000).toFixed(0)} ms, trial --version ×${results.startup.versionOverNode.toFixed(2)}, trial check example ×${results.startup.checkOverNode.toFixed(2)}`);
  r.versionOverNode = results.startup.versionOverNode;
  r.checkExampleOverNode = results.startup.checkOverNode;

  results.parallel = folderCheck(ROOT, quick ? 400 : 2000);
  for (const [format, x] of Object.entries(results.parallel.formats)) {
    console.log(`  trial check of ${results.parallel.files} files, ${format}: user ÷ wall ${x.userOverWall.toFixed(2)} ((user + sys) ÷ wall ${x.cpuOverWall.toFixed(2)}), wall ${x.wallSeconds.toFixed(2)} s against ${x.sequentialWallSeconds.toFixed(2)} s with --jobs 1 (×${x.speedup.toFixed(2)}), same output: ${x.sameOutput}`);
  }
  // The target holds for every output format: the lower of JSON (one document at the end) and text (streamed).
  r.folderUserOverWall = results.parallel.worstUserOverWall;

  const large = generateProtocol(20000);
  const heap = heapPerLine(large, example);
  if (heap) {
    results.memory = { heapPerLine20kBytes: heap.large, heapPerLineExampleBytes: heap.example };
    r.heapPerLine20kOverExample = heap.large / heap.example;
  }
  const rss = await serverMemory(generateProtocol(5000), quick ? 20 : 100);
  results.memory = { ...(results.memory ?? {}), serverRssMb: rss.rssMb, serverDocuments: rss.documents, serverDocumentLines: 5000 };
  console.log(`  memory: heap per line 20k ÷ example ${r.heapPerLine20kOverExample?.toFixed(2)}; server RSS with ${rss.documents} documents of 5,000 lines open: ${rss.rssMb.toFixed(0)} MB`);

  const bundles: Record<string, number> = {};
  for (const b of ['server.js', 'cli.js', 'client.js']) {
    const p = path.join(ROOT, 'dist', b);
    if (fs.existsSync(p)) bundles[b] = fs.statSync(p).size;
  }
  results.bundles = bundles;
  results.meta.loadAfter = os.loadavg();
  results.meta.seconds = (Date.now() - started) / 1000;
  writeReport(results, path.join(ROOT, 'bench'));
  console.log(`\nbench/results.json and bench/RESULTS.md written (${results.meta.seconds.toFixed(0)} s).`);
  void quantiles;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
