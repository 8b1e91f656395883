/**
 * A keystroke loop for profiling (`node --cpu-prof out/bench/keystroke-loop.js [count] [lines]`):
 * the bench's seeded edits through the server's path, with a short summary.
 */
import { generateProtocol } from './generate';
import { keystrokes } from './keystrokes';

const count = Number(process.argv[2] ?? 2000);
const lines = Number(process.argv[3] ?? 5000);
const k = keystrokes(generateProtocol(lines), count);
console.log(`${lines} lines, ${k.compute.n} edits: p50 ${k.compute.p50.toFixed(2)} p95 ${k.compute.p95.toFixed(2)} p99 ${k.compute.p99.toFixed(2)} ms, ~${(k.allocatedBytes / 1024).toFixed(0)} KB/keystroke, same as fresh: ${k.sameAsFresh}`);
for (const [kind, q] of Object.entries(k.byKind)) console.log(`  ${kind.padEnd(20)} p50 ${q!.p50.toFixed(2)} p95 ${q!.p95.toFixed(2)} (${q!.n})`);
