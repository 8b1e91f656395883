/**
 * A keystroke loop for profiling (`node --cpu-prof out/bench/keystroke-loop.js [count]`): the same
 * edit as run.ts's "One keystroke by stage", parse + model + checks, with a short summary.
 */
import { generateProtocol } from './generate';
import { keystrokeStages } from './keystroke-stages';

const count = Number(process.argv[2] ?? 2000);
const stages = keystrokeStages(generateProtocol(5000), count);
const quantile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.floor(p * samples.length)]!.toFixed(2);
for (const [stage, samples] of Object.entries(stages)) console.log(`${stage.padEnd(20)} p50 ${quantile(samples, 0.5)}  p95 ${quantile(samples, 0.95)}`);
