/**
 * Commensurability and conversion, through the library.
 *
 * Inputs are unit TEXT (clinical spellings allowed: they go through analyzeUnit).
 *
 * compareUnits(a, b) → UnitComparison with a status:
 *   'commensurable'          library converts a → b (factor given when not a special unit like Cel)
 *   'needs-molecular-weight' mass ↔ substance (mg/g vs mg/mmol, mg/dL vs umol/L): convertible only
 *                            with the substance's molecular weight — NOT the same as incommensurable
 *   'needs-charge'           equivalents ↔ mol/mass (meq/L vs mmol/L): needs the ion's charge
 *   'arbitrary'              different arbitrary units ([IU] vs [iU], m[IU]): UCUM never converts them
 *   'incommensurable'        different dimensions (mg/kg vs mg, mg/m2 vs mg/kg)
 *   'invalid'                one side is not a unit
 * plus two flags for what the library lets through:
 *   annotationsDiffer  mL/min/{1.73_m2} vs mL/min (the library converts 1:1; eGFR vs CrCl!)
 *   basisDiffers       mg/kg vs % or mg/g (same dimension vector, different clinical basis)
 *
 * commensurable(a, b)      → boolean: status 'commensurable' and neither flag set (the strict, clinical answer)
 * convert(value, a, b, o?) → number | null: library conversion (rounded to 15 significant digits); null when not strictly commensurable,
 *                            unless o.molecularWeight / o.charge supply what is missing, or
 *                            o.ignoreAnnotations / o.ignoreBasis relax the flags.
 * Identity on the same arbitrary code ([IU] → [IU] = 1) is handled here: the library refuses it.
 */

import { analyzeUnit } from './analyze';
import { ucumConvert, ucumUnitInfo } from './ucum';

export type CommensurabilityStatus =
  | 'commensurable'
  | 'needs-molecular-weight'
  | 'needs-charge'
  | 'arbitrary'
  | 'incommensurable'
  | 'invalid';

export interface UnitComparison {
  readonly status: CommensurabilityStatus;
  readonly from: string | null;
  readonly to: string | null;
  /** 1 `from` = factor `to` (null unless commensurable and not a special unit). */
  readonly factor: number | null;
  readonly annotationsDiffer: boolean;
  readonly basisDiffers: boolean;
  /** Human explanation (library message where it has one). */
  readonly message: string;
}

export interface ConvertOptions {
  readonly molecularWeight?: number;
  readonly charge?: number;
  readonly ignoreAnnotations?: boolean;
  readonly ignoreBasis?: boolean;
}

function sameAnnotations(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Memo of compareUnits and convert, keyed by the unit texts (and value and options for convert):
 * the library is deterministic, and a protocol writes the same few units thousands of times.
 * Cleared when it grows past MEMO_LIMIT entries (like analyzeUnit's cache).
 */
const MEMO_LIMIT = 5000;
const comparisons = new Map<string, UnitComparison>();
const conversions = new Map<string, number | null>();

/** Drop the memoized comparisons and conversions (tests / memory). */
export function clearCompareCache(): void {
  comparisons.clear();
  conversions.clear();
}

export function compareUnits(a: string, b: string): UnitComparison {
  if (typeof a !== 'string') a = String(a);
  if (typeof b !== 'string') b = String(b);
  const key = `${a}\u0000${b}`;
  const hit = comparisons.get(key);
  if (hit) return hit;
  const result = Object.freeze(computeComparison(a, b));
  if (comparisons.size >= MEMO_LIMIT) comparisons.clear();
  comparisons.set(key, result);
  return result;
}

function computeComparison(a: string, b: string): UnitComparison {
  const A = analyzeUnit(a);
  const B = analyzeUnit(b);
  if (!A.code || !B.code) {
    const bad = !A.code ? a : b;
    return { status: 'invalid', from: A.code, to: B.code, factor: null, annotationsDiffer: false, basisDiffers: false, message: `'${bad}' is not a unit.` };
  }
  const annotationsDiffer = !sameAnnotations(A.annotations, B.annotations);
  // Annotation-based bases ({1.73_m2}) are covered by annotationsDiffer.
  const bodyBasis = (d: typeof A.dimension) => (d && !d.basisByAnnotation ? d.basis : null);
  const basisDiffers = bodyBasis(A.dimension) !== bodyBasis(B.dimension);
  const base = { from: A.code, to: B.code, annotationsDiffer, basisDiffers };
  const flags =
    (annotationsDiffer ? ` Annotations differ (${A.annotations.join('') || 'none'} vs ${B.annotations.join('') || 'none'}): UCUM ignores them, so the numbers convert 1:1 but may not mean the same thing.` : '') +
    (basisDiffers ? ` Clinical basis differs (${A.dimension?.label} vs ${B.dimension?.label}).` : '');

  if (A.code === B.code) return { ...base, status: 'commensurable', factor: 1, message: 'Same unit.' };

  const infoA = ucumUnitInfo(A.code);
  const infoB = ucumUnitInfo(B.code);
  if (infoA?.arbitrary || infoB?.arbitrary) {
    return { ...base, status: 'arbitrary', factor: null, message: `Arbitrary units (${A.code}, ${B.code}) are not convertible in UCUM, except to themselves.${flags}` };
  }
  const r = ucumConvert(1, A.code, B.code);
  if (r.status === 'succeeded' && r.value !== null) {
    const special = !!(infoA?.special || infoB?.special);
    return { ...base, status: 'commensurable', factor: special ? null : r.value, message: `1 ${A.code} = ${r.value} ${B.code}.${flags}` };
  }
  if (r.needsMolecularWeight && !r.needsCharge) {
    return { ...base, status: 'needs-molecular-weight', factor: null, message: `${A.code} ↔ ${B.code} converts between mass and amount of substance: it needs the molecular weight of the substance.${flags}` };
  }
  if (r.needsCharge) {
    return { ...base, status: 'needs-charge', factor: null, message: `${A.code} ↔ ${B.code} involves equivalents: it needs the charge${r.needsMolecularWeight ? ' and molecular weight' : ''} of the substance.${flags}` };
  }
  return { ...base, status: 'incommensurable', factor: null, message: (r.messages[0] ?? `${A.code} cannot be converted to ${B.code}.`) + flags };
}

/** Strict clinical commensurability: the library converts a → b without extra information, same annotations, same basis. */
export function commensurable(a: string, b: string): boolean {
  const c = compareUnits(a, b);
  return c.status === 'commensurable' && !c.annotationsDiffer && !c.basisDiffers;
}

/** Convert a value through the library; null when not convertible (see ConvertOptions). */
export function convert(value: number, from: string, to: string, options: ConvertOptions = {}): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const key = `${value}\u0000${from}\u0000${to}\u0000${options.molecularWeight ?? ''}\u0000${options.charge ?? ''}\u0000${options.ignoreAnnotations ? 1 : 0}${options.ignoreBasis ? 1 : 0}`;
  const hit = conversions.get(key);
  if (hit !== undefined) return hit;
  const result = computeConversion(value, from, to, options);
  if (conversions.size >= MEMO_LIMIT) conversions.clear();
  conversions.set(key, result);
  return result;
}

function computeConversion(value: number, from: string, to: string, options: ConvertOptions): number | null {
  const c = compareUnits(from, to);
  if (!c.from || !c.to) return null;
  if (c.annotationsDiffer && !options.ignoreAnnotations) return null;
  if (c.basisDiffers && !options.ignoreBasis) return null;
  switch (c.status) {
    case 'commensurable':
      if (c.from === c.to) return value;
      break;
    case 'needs-molecular-weight':
      if (!options.molecularWeight) return null;
      break;
    case 'needs-charge':
      if (!options.charge) return null;
      break;
    default:
      return null;
  }
  const r = ucumConvert(value, c.from, c.to, { molecularWeight: options.molecularWeight, charge: options.charge });
  return r.value === null ? null : clean(r.value);
}

/**
 * The library multiplies magnitudes in binary floating point (1.5 10*9/L → 1.5000000000000002 10*3/uL,
 * 60 mL/min/{1.73_m2} → 59.99999999999999 mL/min); keep 15 significant digits so results are stable.
 */
function clean(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(15));
}
