/**
 * A full garbage collection, for tests that prove something is no longer held (a WeakRef is
 * cleared): the `gc` function exposed for the moment in a fresh context, whatever flags mocha ran with.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}
