/**
 * A keystroke loop for profiling (`node --cpu-prof out/bench/keystroke-loop.js [count]`): the same
 * edit as run.ts's "One keystroke by stage", parse + model + checks, with a short summary.
 */
import { parse } from '../grammar/parse';
import { checkModel } from '../server/checks';
import { buildModel } from '../server/model';
import { generateProtocol } from './generate';

const count = Number(process.argv[2] ?? 2000);
const large = generateProtocol(5000);
let current = large;
let previous = parse(current);
checkModel(buildModel(previous), {}, current);
const at = current.indexOf('description "') + 'description "'.length + 1;
const times: number[][] = [[], [], [], []];
for (let i = 0; i < count; i++) {
  current = current.slice(0, at) + String(i % 10) + current.slice(at);
  const t0 = performance.now();
  const p = parse(current, previous);
  const t1 = performance.now();
  const model = buildModel(p);
  const t2 = performance.now();
  checkModel(model, {}, current);
  const t3 = performance.now();
  previous = p;
  times[0].push(t1 - t0);
  times[1].push(t2 - t1);
  times[2].push(t3 - t2);
  times[3].push(t3 - t0);
}
const q = (s: number[], p: number) => [...s].sort((a, b) => a - b)[Math.floor(p * s.length)]!.toFixed(2);
['parse', 'model', 'checks', 'total'].forEach((k, i) => console.log(`${k.padEnd(8)} p50 ${q(times[i]!, 0.5)}  p95 ${q(times[i]!, 0.95)}`));
