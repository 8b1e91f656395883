/** The bench's results: their shape (stable keys of bench/results.json) and bench/RESULTS.md. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectionResult } from './connection';
import type { KeystrokeResult } from './keystrokes';
import type { FolderResult, StartupResult } from './processes';

export interface SizeRow {
  lines: number;
  bytes: number;
  lexMs: number;
  parseMs: number;
  checkMs: number;
  formatMs: number;
  exportMs: number;
  jsonParseMs: number;
  yamlAjvMs: number;
  recordBytes: number;
}

export interface Results {
  meta: { node: string; date: string; quick: boolean; cpus: number; loadBefore: number[]; loadAfter: number[]; seconds?: number };
  sizes: Record<string, SizeRow>;
  slopes: Partial<Record<'parse' | 'check' | 'format' | 'export', number>>;
  keystroke: Record<string, KeystrokeResult>;
  ratios: Record<string, number>;
  connection?: ConnectionResult;
  startup?: StartupResult;
  parallel?: FolderResult;
  memory?: { heapPerLine20kBytes?: number; heapPerLineExampleBytes?: number; serverRssMb?: number; serverDocuments?: number; serverDocumentLines?: number };
  bundles?: Record<string, number>;
}

/** Each target of issue 12: the ratio's key, how it is judged, and its bound. */
const TARGETS: [string, string, '<=' | '>=', number][] = [
  ['keystrokeOverCheck5k', 'keystroke p50 ÷ full check, 5,000 lines', '<=', 0.01],
  ['keystroke20kOver5k', 'keystroke p50, 20,000 ÷ 5,000 lines', '<=', 1.5],
  ['yamlAjvOverCheck1k', 'yaml+ajv ÷ full check, 1,000 lines', '>=', 3],
  ['yamlAjvOverCheck5k', 'yaml+ajv ÷ full check, 5,000 lines', '>=', 3],
  ['yamlAjvOverCheck20k', 'yaml+ajv ÷ full check, 20,000 lines', '>=', 3],
  ['parseOverJsonParse1k', 'parse ÷ JSON.parse of the record, 1,000 lines', '<=', 20],
  ['parseOverJsonParse5k', 'parse ÷ JSON.parse of the record, 5,000 lines', '<=', 20],
  ['parseOverJsonParse20k', 'parse ÷ JSON.parse of the record, 20,000 lines', '<=', 20],
  ['exportOverCheckMax', 'export ÷ check, worst size', '<=', 0.3],
  ['versionOverNode', '`trial --version` CPU ÷ `node -e 0`', '<=', 1.5],
  ['checkExampleOverNode', '`trial check` example CPU ÷ `node -e 0`', '<=', 2.5],
  ['folderUserOverWall', '`trial check` folder: user ÷ wall', '>=', 1.6],
  ['formatOpenOverKeystroke5k', 'format of the open document ÷ keystroke p50, 5,000 lines', '<=', 3],
  ['heapPerLine20kOverExample', 'heap per line, 20,000 lines ÷ example', '<=', 1.5],
];

const f = (x: number | undefined, d = 2): string => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

export function writeReport(results: Results, dir: string): void {
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const r = results.ratios;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `\`npm run bench${results.meta.quick ? ' -- --quick' : ''}\`, ${results.meta.date}, Node ${results.meta.node}, ${results.meta.cpus} cores,`,
    `load average ${results.meta.loadBefore.map((x) => x.toFixed(2)).join(' ')} before and ${results.meta.loadAfter.map((x) => x.toFixed(2)).join(' ')} after (${f(results.meta.seconds, 0)} s).`,
    'Ratios come from this one run; absolute times swing with the load.',
    '',
    '## Targets (issue 12)',
    '',
    '| target | measured | bound | met |',
    '|---|---:|---:|:-:|',
    ...TARGETS.map(([key, what, op, bound]) => {
      const v = r[key];
      const met = v === undefined ? '–' : (op === '<=' ? v <= bound : v >= bound) ? 'yes' : 'no';
      return `| ${what} | ${f(v, 3)} | ${op} ${bound} | ${met} |`;
    }),
    ...(['parse', 'check', 'format', 'export'] as const).map((k) => {
      const v = results.slopes[k];
      return `| log-log slope of ${k}, 1k..${results.meta.quick ? '20k' : '50k'} lines | ${f(v, 3)} | <= 1.1 | ${v === undefined ? '–' : v <= 1.1 ? 'yes' : 'no'} |`;
    }),
    '',
    '## By size (ms, median)',
    '',
    '| lines | KB | lex | parse | check | format | export | JSON.parse | yaml+ajv |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.values(results.sizes).map((s) => `| ${s.lines} | ${(s.bytes / 1024).toFixed(0)} | ${f(s.lexMs, 1)} | ${f(s.parseMs, 1)} | ${f(s.checkMs, 1)} | ${f(s.formatMs, 1)} | ${f(s.exportMs, 1)} | ${f(s.jsonParseMs)} | ${f(s.yamlAjvMs, 1)} |`),
    '',
    '## Keystrokes in-process (ms; seeded edits: typing, line starts, block boundaries, backspaces, pastes)',
    '',
    '| document | edits | p50 | p95 | p99 | KB allocated | format open doc | same as fresh |',
    '|---|---:|---:|---:|---:|---:|---:|:-:|',
    ...Object.entries(results.keystroke).map(([k, v]) => `| ${k === 'example' ? 'NCT04743739' : `${k} lines`} | ${v.compute.n} | ${f(v.compute.p50)} | ${f(v.compute.p95)} | ${f(v.compute.p99)} | ${(v.allocatedBytes / 1024).toFixed(0)} | ${f(v.formatOpenMs)} | ${v.sameAsFresh ? 'yes' : 'NO'} |`),
    '',
  ];
  const k5 = results.keystroke['5000'];
  if (k5) {
    lines.push('By edit kind, 5,000 lines (p50 / p95 ms): ' + Object.entries(k5.byKind).map(([kind, q]) => `${kind} ${f(q!.p50)} / ${f(q!.p95)} (${q!.n})`).join(', '), '');
  }
  const c = results.connection;
  if (c) {
    lines.push('## Over a real stdio connection (5,000 lines, ms)', '', '| | p50 | p95 | p99 |', '|---|---:|---:|---:|',
      `| keystroke → publishDiagnostics (${c.keystroke.n} seeded edits) | ${f(c.keystroke.p50)} | ${f(c.keystroke.p95)} | ${f(c.keystroke.p99)} |`,
      `| completion round trip | ${f(c.completion.p50)} | ${f(c.completion.p95)} | ${f(c.completion.p99)} |`,
      `| hover round trip | ${f(c.hover.p50)} | ${f(c.hover.p95)} | ${f(c.hover.p99)} |`,
      '', `Server spawn → first diagnostics of a 5,000-line document: ${f(c.spawnToFirstDiagnosticsMs, 0)} ms.`, '');
  }
  const s = results.startup;
  if (s) lines.push('## Start-up (CPU per run, user + system)', '', `\`node -e 0\` ${f(s.nodeCpu * 1000, 0)} ms · \`trial --version\` ${f(s.versionCpu * 1000, 0)} ms (×${f(s.versionOverNode)}) · \`trial check examples/NCT04743739.trial\` ${f(s.checkCpu * 1000, 0)} ms (×${f(s.checkOverNode)})`, '');
  const p = results.parallel;
  if (p) {
    lines.push('## `trial check` of a folder', '', `${p.files} files on ${p.cores} cores, one thread per core against \`--jobs 1\`; output identical: ${p.sameOutput ? 'yes' : 'NO'}.`, '',
      '| format | wall | user | user + sys | user ÷ wall | (user + sys) ÷ wall | wall, --jobs 1 | CPU, --jobs 1 | speed-up |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [format, x] of Object.entries(p.formats ?? {})) {
      lines.push(`| ${format} | ${f(x.wallSeconds)} s | ${f(x.userSeconds)} s | ${f(x.cpuSeconds)} s | ${f(x.userOverWall)} | ${f(x.cpuOverWall)} | ${f(x.sequentialWallSeconds)} s | ${f(x.sequentialCpuSeconds)} s | ×${f(x.speedup)} |`);
    }
    lines.push('');
  }
  const m = results.memory;
  if (m) lines.push('## Memory', '', `Heap held by one analysis, per line: 20,000 lines ${f((m.heapPerLine20kBytes ?? NaN) / 1024, 1)} KB, example ${f((m.heapPerLineExampleBytes ?? NaN) / 1024, 1)} KB. Server RSS with ${m.serverDocuments} documents of ${m.serverDocumentLines} lines open: ${f(m.serverRssMb, 0)} MB.`, '');
  if (results.bundles) lines.push('## Bundles', '', Object.entries(results.bundles).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(' · '), '');
  fs.writeFileSync(path.join(dir, 'RESULTS.md'), lines.join('\n'));
}
