/**
 * A line diff (Myers, O(ND)) turning a formatted text into small edits, so formatting keeps the
 * cursor and folds where nothing changed and range formatting can return only the edits it touches.
 * Beyond MAX_D differences it gives up on precision and returns one hunk for the differing middle.
 */
export interface Hunk {
  /** Lines [aStart, aEnd) of the old text are replaced by lines [bStart, bEnd) of the new one. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

const MAX_D = 1500;

export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const n = endA - start;
  const m = endB - start;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Before step d only diagonals -d-1 … d+1 are read back: each step keeps that band of v (memory
  // O(D²), not O(D × lines): a whole-document diff of a large messy file stays small).
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_D) && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [{ aStart: start, aEnd: endA, bStart: start, bEnd: endB }];
  // Backtrack to a list of matched line pairs, then turn the gaps into hunks.
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    // trace[d][j] is diagonal j - d - 1 before step d.
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[k + d] < vd[k + d + 2]) ? k + 1 : k - 1;
    const prevX = vd[prevK + d + 1];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([x, y]);
  }
  matches.reverse();
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  for (const [mx, my] of [...matches, [n, m] as [number, number]]) {
    if (mx > ai || my > bi) hunks.push({ aStart: start + ai, aEnd: start + mx, bStart: start + bi, bEnd: start + my });
    ai = mx + 1;
    bi = my + 1;
  }
  return hunks;
}
