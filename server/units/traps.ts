/**
 * Traps: VALID UCUM whose meaning is almost certainly not what a protocol
 * writer meant. The library accepts these silently, so the checker must say so.
 *
 *  - 'left-to-right-division': UCUM reads `a/b.c` as (a/b)·c. `mL/min/1.73.m2`
 *    is worse still: UCUM factors are integers, so `1.73` is 1·73 and the
 *    code means 73 mL·m2/min. Fix: `mL/min/{1.73_m2}` (or `/(b.c)` in general).
 *  - 'gauss-or-tesla': `G/L`, `T/L` (European "giga/tera per litre" counts) are
 *    gauss and tesla per litre in UCUM. Fix: `10*9/L`, `10*12/L`.
 * Annotation-only differences (`mL/min/{1.73_m2}` vs `mL/min`) are a property of
 * a PAIR of units: see compareUnits in compare.ts.
 *
 * API:
 *   findTraps(validCode) → UnitTrap[]
 */

export type UnitTrapKind = 'left-to-right-division' | 'gauss-or-tesla' | 'annotation-only-difference';

export interface UnitTrap {
  readonly kind: UnitTrapKind;
  readonly message: string;
  /** Replacement UCUM code that says what was most likely meant (for a quick fix), when there is one. */
  readonly fix: string | null;
}

/** Top-level operator positions (outside (), [], {}). */
function topLevelOps(code: string): Array<{ op: '/' | '.'; index: number }> {
  const ops: Array<{ op: '/' | '.'; index: number }> = [];
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '[' || ch === '{') {
      const j = code.indexOf(ch === '[' ? ']' : '}', i + 1);
      if (j < 0) break;
      i = j;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && (ch === '/' || ch === '.')) ops.push({ op: ch, index: i });
  }
  return ops;
}

function leftToRight(code: string): UnitTrap | null {
  const ops = topLevelOps(code);
  for (let k = 0; k + 1 < ops.length; k++) {
    if (ops[k].op !== '/' || ops[k + 1].op !== '.') continue;
    // Run of '.'-joined factors after this '/', up to the next top-level '/'.
    let end = code.length;
    for (let j = k + 1; j < ops.length; j++) {
      if (ops[j].op === '/') {
        end = ops[j].index;
        break;
      }
    }
    const head = code.slice(0, ops[k].index);
    const divisor = code.slice(ops[k].index + 1, end);
    const tail = code.slice(end);
    const bsa = /^1\.73\.m2$/.test(divisor);
    const decimal = /^\d+\.\d+(?:\.|$)/.test(divisor);
    const fix = bsa ? `${head}/{1.73_m2}${tail}` : `${head}/(${divisor})${tail}`;
    const shown = divisor.split('.');
    const message = bsa
      ? `UCUM reads '${code}' left to right: '1.73' is not a number in UCUM (factors are integers), so this means (${head}/1)·73·m2, not per 1.73 m². Write '${fix}'.`
      : `UCUM reads '${code}' left to right: '.' after '/' multiplies, so this means (${head}/${shown[0]})·${shown.slice(1).join('·')}` +
        `${decimal ? ' (and UCUM factors are integers: no decimals)' : ''}. Did you mean '${fix}'?`;
    return { kind: 'left-to-right-division', message, fix };
  }
  return null;
}

function gaussOrTesla(code: string): UnitTrap | null {
  const m = code.match(/(^|[/.(])(G|T)(?=$|[/.)])/);
  if (!m) return null;
  const power = m[2] === 'G' ? '10*9' : '10*12';
  const fix = code.replace(/(^|[/.(])(G|T)(?=$|[/.)])/, `$1${power}`);
  const name = m[2] === 'G' ? 'gauss' : 'tesla';
  return {
    kind: 'gauss-or-tesla',
    message: `'${m[2]}' is the ${name} (magnetic flux density) in UCUM, not "giga"/"tera" per unit. For cell counts write '${fix}'.`,
    fix,
  };
}

/** Traps in a valid UCUM code (empty when none). */
export function findTraps(code: string): UnitTrap[] {
  const out: UnitTrap[] = [];
  const a = leftToRight(code);
  if (a) out.push(a);
  const b = gaussOrTesla(code);
  if (b) out.push(b);
  return out;
}
