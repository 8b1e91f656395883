/** The memory probe of the benchmarks (bench/run.ts, bench/parser.ts). */
import { checkText } from '../server/checks';

/**
 * Heap held by what `make` returns: the heap with it kept minus the heap once it is dropped, both
 * measured after a full collection and after a tiny check has replaced what the core keeps for
 * the last document it saw (the item and rule caches hold the previous model; measured against a
 * heap taken before `make`, a large document checked earlier is freed during the measurement and
 * the difference comes out negative, hence the 0 this probe once reported for the example).
 */
export function retainedBytes(make: () => unknown): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const settle = (): number => {
    checkText('');
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  let kept: unknown = make();
  const withIt = settle();
  if (kept === undefined) return null;
  kept = undefined;
  const without = settle();
  return Math.max(0, withIt - without);
}

/**
 * Heap per line held by one analysis of `large` and of `example` (the example is checked 40 times
 * over, for a figure above the measurement's noise); null without --expose-gc.
 */
export function heapPerLine(large: string, example: string): { large: number; example: number } | null {
  const heapLarge = retainedBytes(() => checkText(large));
  const copies = 40;
  const heapSmall = retainedBytes(() => Array.from({ length: copies }, () => checkText(example)));
  if (heapLarge === null || heapSmall === null) return null;
  return { large: heapLarge / large.split('\n').length, example: heapSmall / copies / example.split('\n').length };
}
