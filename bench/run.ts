/**
 * `npm run bench`: what the language server costs per keystroke, per completion and per hover, on a
 * generated 5,000-line protocol and on the small example; with the cost split by stage (lex, parse,
 * AST, model, checks) so it is clear what dominates. Prints tables; asserts nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lexer } from '../grammar/lexer';
import { parse } from '../grammar/parse';
import { checkModel } from '../server/checks';
import { complete } from '../server/lsp/completion';
import { hover } from '../server/lsp/hover';
import { DEFAULT_SETTINGS } from '../server/lsp/protocol';
import { computeAnalysis, type Analysis } from '../server/lsp/workspace';
import { documentSymbols } from '../server/lsp/symbols';
import { semanticTokens } from '../server/lsp/semantic-tokens';
import { foldingRanges } from '../server/lsp/folding';
import { buildModel } from '../server/model';
import { TestServer } from '../test/lsp/harness';
import { generateProtocol } from './generate';
import { keystrokeStages } from './keystroke-stages';

const settings = DEFAULT_SETTINGS;

function stats(samples: number[]): { p50: number; p95: number; mean: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/**
 * Heap still held by what `make` returns, after full collections before and after (needs
 * `node --expose-gc`; null without it). The result is kept alive until the second measurement.
 */
function retainedBytes(make: () => unknown): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  return kept === undefined ? null : Math.max(0, after - before);
}

function repeat(n: number, f: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(time(f)[1]);
  return out;
}

const ms = (x: number) => x.toFixed(2);

function table(title: string, rows: [string, ...string[]][], header: string[]): void {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const [i, r] of all.entries()) {
    console.log('  ' + r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** Stage costs of one full analysis (no re-use). */
function stages(text: string, runs: number): Record<string, number[]> {
  const out: Record<string, number[]> = { 'lex only': [], 'parse (lex+CST+AST)': [], model: [], checks: [], total: [] };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    lexer.tokenize(text);
    const t1 = performance.now();
    const p = parse(text);
    const t2 = performance.now();
    const model = buildModel(p);
    const t3 = performance.now();
    checkModel(model, {}, text);
    const t4 = performance.now();
    out['lex only'].push(t1 - t0);
    out['parse (lex+CST+AST)'].push(t2 - t1);
    out.model.push(t3 - t2);
    out.checks.push(t4 - t3);
    out.total.push(t4 - t1);
  }
  return out;
}

/** ~`count` keystrokes at varied places (texts, numbers, identifiers), each followed by the server's work. */
function keystrokes(text: string, count: number): { compute: number[]; sync: number[]; final: Analysis } {
  let doc = TextDocument.create('file:///bench.trial', 'trial', 1, text);
  let previous = computeAnalysis(doc.uri, doc.version, doc.getText(), settings);
  const lines = text.split('\n');
  const targets: { line: number; character: number }[] = [];
  lines.forEach((l, i) => {
    const desc = l.indexOf('description "');
    if (desc >= 0) targets.push({ line: i, character: desc + 'description "'.length + 1 });
    const dose = /dose (\d)/.exec(l);
    if (dose) targets.push({ line: i, character: dose.index + 5 });
  });
  const compute: number[] = [];
  const sync: number[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const at = targets[Math.floor(rand() * targets.length)];
    // Type a digit (keeps the document valid: inside a text or extending a number).
    const [, syncTime] = time(() => {
      doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: String(i % 10) }], doc.version + 1);
    });
    sync.push(syncTime);
    const [analysis, t] = time(() => computeAnalysis(doc.uri, doc.version, doc.getText(), settings, previous));
    previous = analysis;
    compute.push(t);
  }
  return { compute, sync, final: previous };
}

function findPosition(doc: TextDocument, needle: string, delta = needle.length): { line: number; character: number } {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`bench: ${needle} not found`);
  return doc.positionAt(offset + delta);
}

function interactive(text: string, runs: number): { completion: number[]; hover: number[]; symbols: number[]; tokens: number[]; folding: number[] } {
  // Positions on blank lines inserted into the text, as a writer would have them.
  const withHoles = text
    .replace('arm arm3 {\n', 'arm arm3 {\n  receives \n')
    .replace('intervention drug5 {\n', 'intervention drug5 {\n  dose 10 \n');
  const doc = TextDocument.create('file:///bench.trial', 'trial', 1, withHoles);
  const analysis = computeAnalysis(doc.uri, 1, withHoles, settings);
  const completionAt = [
    findPosition(doc, 'arm arm3 {\n  receives '),
    findPosition(doc, 'intervention drug5 {\n  dose 10 '),
    findPosition(doc, 'eligibility {\n', 'eligibility {\n'.length),
    doc.positionAt(withHoles.length),
  ];
  const hoverAt = ['mg/kg iv every', 'receives drug', 'type placebo comparator', 'on days 15 and 181', 'if lab'].map((n) => doc.offsetAt(findPosition(doc, n, n === 'on days 15 and 181' ? 16 : n.length - 2)));
  const completion: number[] = [];
  const hovers: number[] = [];
  for (let i = 0; i < runs; i++) {
    completion.push(time(() => complete({ doc, position: completionAt[i % completionAt.length], model: analysis.model }))[1]);
    hovers.push(time(() => hover(analysis, hoverAt[i % hoverAt.length]))[1]);
  }
  return {
    completion,
    hover: hovers,
    symbols: repeat(20, () => documentSymbols(analysis)),
    tokens: repeat(20, () => semanticTokens(analysis)),
    folding: repeat(20, () => foldingRanges(analysis)),
  };
}

/** Over the real connection: keystroke → publishDiagnostics, and completion / hover round trips. */
async function overConnection(text: string, edits: number, requests: number): Promise<{ keystroke: number[]; completion: number[]; hover: number[] }> {
  const server = await TestServer.start();
  try {
    const withHole = text.replace('arm arm3 {\n', 'arm arm3 {\n  receives \n');
    const { uri } = await server.open(withHole, 'bench-large.trial');
    await server.diagnosticsFor(uri);
    const doc = TextDocument.create(uri, 'trial', 1, withHole);
    const at = findPosition(doc, 'description "', 'description "'.length + 1);
    const keystroke: number[] = [];
    for (let i = 0; i < edits; i++) {
      const t = performance.now();
      const v = await server.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
      await server.diagnosticsFor(uri, v);
      keystroke.push(performance.now() - t);
    }
    const completionPos = findPosition(doc, 'arm arm3 {\n  receives ');
    const hoverPos = findPosition(doc, 'receives drug', 'receives dr'.length);
    const completion: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < requests; i++) {
      let t = performance.now();
      await server.request('textDocument/completion', { textDocument: { uri }, position: completionPos });
      completion.push(performance.now() - t);
      t = performance.now();
      await server.request('textDocument/hover', { textDocument: { uri }, position: hoverPos });
      hovers.push(performance.now() - t);
    }
    return { keystroke, completion, hover: hovers };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const large = generateProtocol(5000);
  const small = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ZEPHYR-1.trial'), 'utf8');
  const largeLines = large.split('\n').length;
  const smallLines = small.split('\n').length;
  const check = computeAnalysis('file:///bench.trial', 1, large, settings);
  console.log(`Trial language server benchmark (Node ${process.version})`);
  console.log(`large: generated, ${largeLines} lines, ${(large.length / 1024).toFixed(0)} KB, ${check.parse.ast.items.length} top-level items, ${check.diagnostics.length} diagnostics (${check.errors} errors)`);
  console.log(`small: examples/ZEPHYR-1.trial, ${smallLines} lines`);

  // Warm up the JIT and the unit caches.
  for (let i = 0; i < 5; i++) computeAnalysis('file:///w.trial', i, large, settings);

  const largeStages = stages(large, 15);
  const smallStages = stages(small, 50);
  table('Full analysis by stage (ms, p50 of repeated runs)', Object.keys(largeStages).map((k) => [k, ms(stats(largeStages[k]).p50), ms(stats(smallStages[k]).p50), (stats(largeStages[k]).p50 / stats(smallStages[k]).p50).toFixed(0) + '×']), ['stage', 'large', 'small', 'large/small']);

  const ksLarge = keystrokeStages(large, 200);
  const ksSmall = keystrokeStages(small, 200);
  table('One keystroke by stage (ms, p50 / p95 over 200 edits)', Object.keys(ksLarge).map((k) => [k, ms(stats(ksLarge[k]).p50), ms(stats(ksLarge[k]).p95), ms(stats(ksSmall[k]).p50), ms(stats(ksSmall[k]).p95)]), ['stage', 'large p50', 'large p95', 'small p50', 'small p95']);

  const kLarge = keystrokes(large, 200);
  const kSmall = keystrokes(small, 200);
  const fullParse = stats(repeat(15, () => parse(large))).p50;
  const sl = stats(kLarge.compute);
  const ss = stats(kSmall.compute);
  table('Per keystroke, in-process (ms): document sync + parse + model + checks of the new version', [
    ['large: compute', ms(sl.p50), ms(sl.p95), ms(sl.mean)],
    ['large: incremental sync', ms(stats(kLarge.sync).p50), ms(stats(kLarge.sync).p95), ms(stats(kLarge.sync).mean)],
    ['small: compute', ms(ss.p50), ms(ss.p95), ms(ss.mean)],
  ], ['', 'p50', 'p95', 'mean']);

  const iLarge = interactive(large, 200);
  const iSmall = interactive(small.replace('arm zephyr {', 'arm arm3 {').replace('intervention placebo {', 'intervention drug5 {').replace('type placebo comparator', 'type placebo comparator').replace('receives zephyrimab', 'receives drug1').replace('on day 15 if anc', 'on days 15 and 181 if lab'), 200);
  const rows = (name: string, a: number[], b: number[]): [string, string, string, string, string] => [name, ms(stats(a).p50), ms(stats(a).p95), ms(stats(b).p50), ms(stats(b).p95)];
  table('Interactive requests, in-process (ms)', [
    rows('completion', iLarge.completion, iSmall.completion),
    rows('hover', iLarge.hover, iSmall.hover),
    rows('document symbols', iLarge.symbols, iSmall.symbols),
    rows('semantic tokens', iLarge.tokens, iSmall.tokens),
    rows('folding ranges', iLarge.folding, iSmall.folding),
  ], ['', 'large p50', 'large p95', 'small p50', 'small p95']);

  const conn = await overConnection(large, 60, 100);
  table('Over the real connection (dist/server.js --stdio, large file; ms, includes JSON-RPC)', [
    ['keystroke → publishDiagnostics', ms(stats(conn.keystroke).p50), ms(stats(conn.keystroke).p95)],
    ['completion round trip', ms(stats(conn.completion).p50), ms(stats(conn.completion).p95)],
    ['hover round trip', ms(stats(conn.hover).p50), ms(stats(conn.hover).p95)],
  ], ['', 'p50', 'p95']);

  // Several copies of the small analysis, so its size stands out of the heap's noise.
  const copies = 40;
  const memoryLarge = retainedBytes(() => computeAnalysis('file:///m.trial', 1, large, settings));
  const memorySmallCopies = retainedBytes(() => Array.from({ length: copies }, (_, i) => computeAnalysis(`file:///m${i}.trial`, 1, small, settings)));
  const memorySmall = memorySmallCopies === null ? null : memorySmallCopies / copies;
  if (memoryLarge !== null && memorySmall !== null) {
    table('Memory held by one analysis (parse + model + diagnostics), heap after GC', [
      ['large', (memoryLarge / 1024 / 1024).toFixed(1) + ' MB', (memoryLarge / largeLines / 1024).toFixed(1) + ' KB'],
      ['small', (memorySmall / 1024 / 1024).toFixed(2) + ' MB', (memorySmall / smallLines / 1024).toFixed(1) + ' KB'],
    ], ['', 'retained', 'per line']);
  } else {
    console.log('\n(memory: run with node --expose-gc, as `npm run bench` does, to measure retained memory)');
  }

  table('Ratios', [
    ['keystroke compute p50 / full parse p50 (large)', (sl.p50 / fullParse).toFixed(2)],
    ['keystroke compute p50, large / small', (sl.p50 / ss.p50).toFixed(1)],
    ['lines, large / small', (largeLines / smallLines).toFixed(1)],
    ['completion p95, large / small', (stats(iLarge.completion).p95 / stats(iSmall.completion).p95).toFixed(1)],
    ['keystroke compute p95 / 5 ms budget (large)', (sl.p95 / 5).toFixed(1)],
    ...(memoryLarge !== null && memorySmall !== null ? [['retained memory per line, large / small', (memoryLarge / largeLines / (memorySmall / smallLines)).toFixed(2)] as [string, string]] : []),
  ], ['ratio', 'value']);
  const dominant = Object.entries(ksLarge).filter(([k]) => k !== 'total').sort((a, b) => stats(b[1]).p50 - stats(a[1]).p50);
  console.log(`\nDominant stages of a keystroke on the large file: ${dominant.slice(0, 3).map(([k, v]) => `${k} ${ms(stats(v).p50)} ms (${((stats(v).p50 / stats(ksLarge.total).p50) * 100).toFixed(0)}%)`).join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
