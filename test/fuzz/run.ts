/**
 * `npm run fuzz -- --minutes N [--out DIR]`: the properties of properties.ts on random mutations
 * for N minutes. Reports documents, crashes (throws), hangs (a document over --hang-ms, default
 * 10 s), property violations and the slowest documents per KB; saves each failing document to DIR
 * (default out/fuzz-reproducers/): copy it to test/fuzz/reproducers/ and it is a regression test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { edit, mutate, mutation, seeds } from './mutate';
import { violations } from './properties';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1]! : fallback; };
const minutes = Number(arg('--minutes', '1'));
const hangMs = Number(arg('--hang-ms', '10000'));
const out = arg('--out', path.join('out', 'fuzz-reproducers'));
const deadline = Date.now() + minutes * 60_000;
const gen = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), edit);
let documents = 0; let crashes = 0; let hangs = 0; let violated = 0;
const byProperty = new Map<string, number>();
const slow: { msPerKb: number; ms: number; kb: number }[] = [];
function save(kind: string, text: string, why: string): void {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${kind}-${documents}.trial`), text);
  console.log(`${kind}: ${why} (saved ${kind}-${documents}.trial)`);
}
while (Date.now() < deadline) {
  for (const [seed, ms, e] of fc.sample(gen, 50)) {
    const text = mutate(seeds[seed]!, ms);
    documents++;
    const t0 = performance.now();
    try {
      const found = violations(text, e);
      if (found.length) {
        violated++;
        for (const v of found) byProperty.set(v.property, (byProperty.get(v.property) ?? 0) + 1);
        save('violation', text, found.map((v) => `${v.property}: ${v.detail}`).join('; '));
      }
    } catch (err) {
      crashes++;
      save('crash', text, (err as Error).message);
    }
    const elapsed = performance.now() - t0;
    if (elapsed > hangMs) { hangs++; save('hang', text, `${elapsed.toFixed(0)} ms`); }
    const kb = Math.max(text.length / 1024, 0.1);
    slow.push({ msPerKb: elapsed / kb, ms: elapsed, kb });
    if (slow.length > 20) { slow.sort((a, b) => b.msPerKb - a.msPerKb); slow.length = 10; }
  }
}
slow.sort((a, b) => b.msPerKb - a.msPerKb);
console.log(`documents ${documents}, crashes ${crashes}, hangs ${hangs} (over ${hangMs} ms; the slowest took ${Math.max(...slow.map((s) => s.ms)).toFixed(0)} ms), documents violating a property ${violated}${byProperty.size ? ` (${[...byProperty].map(([p, n]) => `${p}: ${n}`).join(', ')})` : ''}`);
console.log('slowest per KB:', slow.slice(0, 5).map((s) => `${s.msPerKb.toFixed(1)} ms/KB (${s.kb.toFixed(1)} KB, ${s.ms.toFixed(0)} ms)`).join(', '));
process.exitCode = crashes + hangs + violated > 0 ? 1 : 0;
