/**
 * `node --expose-gc out/bench/parser.js`: the parser's figures alone (issue 12's parser and memory
 * targets) without the full bench: lex, parse and JSON.parse of the exported record at 1k, 5k and
 * 20k lines, and the heap held per line by one analysis (20k lines against the example). A quick
 * measurement while working on the grammar; `npm run bench` stays the one that reports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lexer } from '../grammar/lexer';
import { parse } from '../grammar/parse';
import { checkText } from '../server/checks';
import { exportDocument } from '../server/export';
import { generateProtocol } from './generate';
import { medianMs } from './stats';
import { heapPerLine } from './memory';

const ROOT = path.resolve(__dirname, '..', '..');

function main(): void {
  console.log(`parser figures, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const warm = generateProtocol(2000, 7);
  for (let i = 0; i < 8; i++) {
    lexer.tokenize(warm);
    parse(warm);
  }
  for (const n of [1000, 5000, 20000]) {
    const text = generateProtocol(n);
    const exported = exportDocument(checkText(text));
    if (!exported.ok) throw new Error(`the generated ${n}-line protocol does not export`);
    const json = exported.json;
    const runs = n >= 20000 ? 7 : 15;
    const lexMs = medianMs(runs, () => lexer.tokenize(text));
    const parseMs = medianMs(runs, () => parse(text));
    const jsonMs = medianMs(runs * 3, () => JSON.parse(json));
    console.log(`  ${String(n).padStart(5)} lines: lex ${lexMs.toFixed(2)} ms, parse ${parseMs.toFixed(2)} ms, JSON.parse ${jsonMs.toFixed(3)} ms, parse ÷ JSON.parse ${(parseMs / jsonMs).toFixed(1)}`);
  }
  if (!process.argv.includes('--no-memory')) {
    const example = fs.readFileSync(path.join(ROOT, 'examples', 'NCT04743739.trial'), 'utf8');
    const heap = heapPerLine(generateProtocol(20000), example);
    if (heap) {
      console.log(`  heap per line: 20k ${(heap.large / 1024).toFixed(2)} KB, example ${(heap.example / 1024).toFixed(2)} KB, ratio ${(heap.large / heap.example).toFixed(3)}`);
    } else console.log('  heap: run with --expose-gc');
  }
}

main();
