/** Small measuring helpers of the benchmarks: quantiles, timing, allocation, CPU of child processes. */
import { execFileSync } from 'node:child_process';

export interface Quantiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function quantiles(samples: readonly number[]): Quantiles {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** The median of `runs` timings of `f` (after one untimed warm-up run). */
export function medianMs(runs: number, f: () => unknown): number {
  f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(time(f)[1]);
  return quantiles(out).p50;
}

/**
 * Bytes allocated by one call: heap growth across it, kept only when no collection ran in between
 * (the heap did not shrink); the median over the calls that qualify. An estimate: V8 has no
 * allocation counter in Node 20.
 */
export class AllocationMeter {
  private readonly samples: number[] = [];
  measure<T>(f: () => T): T {
    const before = process.memoryUsage().heapUsed;
    const r = f();
    const grown = process.memoryUsage().heapUsed - before;
    if (grown >= 0) this.samples.push(grown);
    return r;
  }
  median(): number {
    return quantiles(this.samples).p50;
  }
}

/** Least-squares slope of log(y) over log(x). */
export function logLogSlope(points: readonly [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

/**
 * CPU seconds (user + system) and wall seconds of running a command `runs` times, through bash's
 * `times` (the children's totals), so the child's own start-up is counted, not ours. Its stdout
 * goes to `stdoutFile` (default: nowhere), its stderr nowhere.
 */
export function childCpu(command: string, runs: number, cwd: string, stdoutFile = '/dev/null'): { cpu: number; user: number; wall: number } {
  const script = `start=$(date +%s.%N); for i in $(seq ${runs}); do ${command} >${JSON.stringify(stdoutFile)} 2>/dev/null; done; end=$(date +%s.%N); times; echo "$start $end"`;
  const out = execFileSync('bash', ['-c', script], { cwd, encoding: 'utf8' }).trim().split('\n');
  const seconds = (s: string): number => {
    const m = /(\d+)m([\d.]+)s/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  // `times` prints the shell's user/sys, then the children's.
  const [user, sys] = out[1]!.trim().split(/\s+/).map(seconds);
  const [start, end] = out[2]!.split(' ').map(Number);
  return { cpu: (user! + sys!) / runs, user: user! / runs, wall: (end! - start!) / runs };
}
