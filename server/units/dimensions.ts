/**
 * Dimension classification of a valid UCUM code, for the checks.
 *
 * Representation — why not just the library's dimension vector?
 *   A bare vector cannot answer the clinical questions: `mg/kg` (dose per body
 *   weight), `mg/g` (albumin/creatinine ratio) and `%` all have the SAME vector
 *   (dimensionless), and the library happily converts 2 mg/kg to 0.0002 %. The
 *   eGFR normalisation `{1.73_m2}` is an annotation, invisible to the vector.
 *   So a unit is described as
 *       kind (what its numerator measures)  +  what it is "per"
 *   where each factor of the code (see structure.ts) is classified by the library:
 *   a factor is "mass" iff the library gives it the same dimension vector, mol and
 *   equivalent exponents and arbitrariness as the reference unit `g` — which is
 *   exactly the library's own commensurability rule — and likewise for `L`,
 *   `mol`, `eq`, `kat`, `s`, `m`, `m2`, `Pa`, `K`. No unit table lives here: only
 *   reference codes. Divisors are then read as:
 *     mass of body scale (kg, [lb_av])              → basis 'weight'
 *     area of body scale (m2) or annotation {1.73_m2} → basis 'surface'
 *     time → perTime · volume → perVolume · other mass (g, mg) → perMass (ratio) · anything else → perOther
 *
 *   The result is a small plain object (`UnitDimension`) with the questions
 *   precomputed as booleans (isDoseAmount, isTime, …) so checks just read them.
 *   Context still matters: `kg/m2` (BMI) is a mass per body surface, so it is
 *   technically a "dose per surface"; only the caller knows it is a BMI.
 *
 * API:
 *   classifyDimension(code)  → UnitDimension | null   (null when the library cannot parse the code)
 */

import { splitTerms } from './structure';
import { ucumUnitInfo, type UcumUnitInfo } from './ucum';

export type QuantityKind =
  | 'mass'
  | 'volume'
  | 'substance'
  | 'equivalents'
  | 'arbitrary'
  | 'catalytic'
  | 'count'
  | 'fraction'
  | 'time'
  | 'length'
  | 'area'
  | 'pressure'
  | 'temperature'
  | 'other';

export type Basis = 'weight' | 'surface' | null;

export interface UnitDimension {
  /** What the numerator measures. `count` = pure number (10*9, {cells}, 1); `fraction` = %, ‰. */
  readonly kind: QuantityKind;
  /** Per kg body weight / per m² body surface (incl. the `{1.73_m2}` eGFR normalisation). */
  readonly basis: Basis;
  /** True when the surface basis comes from an annotation (`{1.73_m2}`), which UCUM arithmetic ignores. */
  readonly basisByAnnotation: boolean;
  readonly perTime: boolean;
  readonly perVolume: boolean;
  /** Divided by a non-body mass (mg/g creatinine ratios). */
  readonly perMass: boolean;
  /** Divided by something else (length, arbitrary unit, …). */
  readonly perOther: boolean;

  /** mass | volume | substance | equivalents | arbitrary | catalytic, optionally per kg or per m², optionally per time. */
  readonly isDoseAmount: boolean;
  readonly isTime: boolean;
  /** A pure number per time: frequencies such as /d, /wk. */
  readonly isRatePerTime: boolean;
  /** Cell counts and the like: 10*9/L, {cells}/uL, /uL. */
  readonly isCountPerVolume: boolean;
  /** mL/min/{1.73_m2}, mL/min/m2 (normalised GFR). */
  readonly isVolumePerTimePerSurface: boolean;
  /** g/(24.h), mg/d (proteinuria, or a daily dose — the context decides). */
  readonly isMassPerTime: boolean;
  /** Amount per volume: mg/dL, mmol/L, U/L, [IU]/mL. */
  readonly isConcentration: boolean;
  /** Dimensionless ratios: mg/g, g/g, %. */
  readonly isRatio: boolean;
  /** Short human phrase: "dose per body weight per time", "count per volume", … */
  readonly label: string;
}

const DOSE_KINDS: ReadonlySet<QuantityKind> = new Set(['mass', 'volume', 'substance', 'equivalents', 'arbitrary', 'catalytic']);

/** Reference units, by kind. Order matters only for readability: vectors are distinct. */
const REFERENCE_CODES: ReadonlyArray<[QuantityKind, string]> = [
  ['mass', 'g'],
  ['volume', 'L'],
  ['substance', 'mol'],
  ['equivalents', 'eq'],
  ['catalytic', 'kat'],
  ['time', 's'],
  ['length', 'm'],
  ['area', 'm2'],
  ['pressure', 'Pa'],
  ['temperature', 'K'],
];

interface Vec {
  dim: number[];
  mole: number;
  eq: number;
}

let references: Array<[QuantityKind, Vec]> | null = null;
let kgMagnitude = NaN;
let m2Magnitude = NaN;

function vecOf(info: UcumUnitInfo, sign = 1): Vec {
  return { dim: info.dim.map((x) => x * sign), mole: info.moleExp * sign, eq: info.equivalentExp * sign };
}

function refs(): Array<[QuantityKind, Vec]> {
  if (!references) {
    references = REFERENCE_CODES.map(([k, code]) => {
      const info = ucumUnitInfo(code);
      if (!info) throw new Error(`ucum-lhc does not know reference unit ${code}`);
      return [k, vecOf(info)];
    });
    kgMagnitude = ucumUnitInfo('kg')?.magnitude ?? NaN;
    m2Magnitude = ucumUnitInfo('m2')?.magnitude ?? NaN;
  }
  return references;
}

function sameVec(a: Vec, b: Vec): boolean {
  return a.mole === b.mole && a.eq === b.eq && a.dim.length === b.dim.length && a.dim.every((x, i) => x === b.dim[i]);
}

function isZero(v: Vec): boolean {
  return v.mole === 0 && v.eq === 0 && v.dim.every((x) => x === 0);
}

function kindOfVec(v: Vec): QuantityKind | null {
  for (const [k, r] of refs()) if (sameVec(v, r)) return k;
  return null;
}

/** All non-zero exponents negative: this factor divides. */
function isInverse(v: Vec): boolean {
  const all = [...v.dim, v.mole, v.eq];
  return all.some((x) => x !== 0) && all.every((x) => x <= 0);
}

/** Annotation that stands for a body-surface normalisation, e.g. {1.73_m2}, {1.73m2}, {BSA}. */
const SURFACE_ANNOTATION = /^\{\s*(?:\d+(?:[.,]\d+)?[_ ]?m(?:2|²)|BSA|body[_ ]surface(?:[_ ]area)?)\s*\}$/i;

const cache = new Map<string, UnitDimension | null>();

/** Classify a UCUM code (must be valid UCUM; returns null otherwise). Results are cached and frozen. */
export function classifyDimension(code: string): UnitDimension | null {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const result = compute(code);
  if (cache.size > 2000) cache.clear();
  cache.set(code, result);
  return result;
}

function compute(code: string): UnitDimension | null {
  const whole = ucumUnitInfo(code);
  if (!whole) return null;
  const terms = splitTerms(code);
  if (!terms) return null;
  refs();

  const num: Vec = { dim: [0, 0, 0, 0, 0, 0, 0], mole: 0, eq: 0 };
  let arbitrary = false;
  let fraction = false;
  let basis: Basis = null;
  let basisByAnnotation = false;
  let perTime = false;
  let perVolume = false;
  let perMass = false;
  let perOther = false;

  for (const t of terms) {
    if (t.sign < 0 && SURFACE_ANNOTATION.test(t.text)) {
      basis = 'surface';
      basisByAnnotation = true;
      continue;
    }
    const info = ucumUnitInfo(t.text);
    if (!info) return null;
    const v = vecOf(info, t.sign);
    if (isZero(v)) {
      // Numbers, annotations, %, arbitrary units.
      if (t.sign > 0) {
        arbitrary ||= info.arbitrary;
        fraction ||= info.property === 'fraction';
      } else if (info.arbitrary) {
        perOther = true;
      }
      continue;
    }
    if (!isInverse(v)) {
      for (let i = 0; i < num.dim.length; i++) num.dim[i] += v.dim[i];
      num.mole += v.mole;
      num.eq += v.eq;
      arbitrary ||= info.arbitrary;
      continue;
    }
    // A divisor: classify what it divides by.
    const divisor = vecOf(info, -t.sign);
    const k = kindOfVec(divisor);
    const scale = Math.abs(info.magnitude);
    if (k === 'mass') {
      const rel = scale / kgMagnitude;
      if (rel >= 0.1 && rel <= 10 && basis === null) basis = 'weight';
      else perMass = true;
    } else if (k === 'area') {
      const rel = scale / m2Magnitude;
      if (rel >= 0.1 && rel <= 10 && basis === null) basis = 'surface';
      else perOther = true;
    } else if (k === 'time') perTime = true;
    else if (k === 'volume') perVolume = true;
    else perOther = true;
  }

  let kind: QuantityKind;
  if (isZero(num)) kind = arbitrary ? 'arbitrary' : fraction ? 'fraction' : 'count';
  else if (arbitrary) kind = 'other';
  else kind = kindOfVec(num) ?? 'other';

  const noOtherPer = !perMass && !perOther;
  const isDoseAmount = DOSE_KINDS.has(kind) && !perVolume && noOtherPer && !basisByAnnotation;
  const isTime = kind === 'time' && basis === null && !perTime && !perVolume && noOtherPer;
  const isRatePerTime = kind === 'count' && perTime && basis === null && !perVolume && noOtherPer;
  const isCountPerVolume = kind === 'count' && perVolume && !perTime && basis === null && noOtherPer;
  const isVolumePerTimePerSurface = kind === 'volume' && perTime && basis === 'surface' && !perVolume && noOtherPer;
  const isMassPerTime = kind === 'mass' && perTime && basis === null && !perVolume && noOtherPer;
  const isConcentration = DOSE_KINDS.has(kind) && perVolume && !perTime && basis === null && noOtherPer;
  const isRatio =
    (kind === 'fraction' && basis === null && !perTime && !perVolume && noOtherPer) ||
    (DOSE_KINDS.has(kind) && perMass && basis === null && !perTime && !perVolume && !perOther);

  const d: UnitDimension = {
    kind,
    basis,
    basisByAnnotation,
    perTime,
    perVolume,
    perMass,
    perOther,
    isDoseAmount,
    isTime,
    isRatePerTime,
    isCountPerVolume,
    isVolumePerTimePerSurface,
    isMassPerTime,
    isConcentration,
    isRatio,
    label: '',
  };
  return Object.freeze({ ...d, label: labelOf(d) });
}

const KIND_WORDS: Record<QuantityKind, string> = {
  mass: 'mass',
  volume: 'volume',
  substance: 'amount of substance',
  equivalents: 'equivalents',
  arbitrary: 'arbitrary (activity) units',
  catalytic: 'catalytic activity',
  count: 'count',
  fraction: 'fraction',
  time: 'time',
  length: 'length',
  area: 'area',
  pressure: 'pressure',
  temperature: 'temperature',
  other: 'other quantity',
};

function labelOf(d: UnitDimension): string {
  if (d.isTime) return 'time (duration)';
  if (d.isRatePerTime) return 'rate per time (frequency)';
  if (d.isCountPerVolume) return 'count per volume';
  if (d.isVolumePerTimePerSurface) return 'volume per time per body surface';
  if (d.isConcentration) return `${d.kind === 'substance' ? 'substance' : d.kind === 'mass' ? 'mass' : KIND_WORDS[d.kind]} concentration`;
  if (d.isRatio) return d.kind === 'fraction' ? 'fraction' : `${KIND_WORDS[d.kind]} ratio`;
  const per: string[] = [];
  if (d.basis === 'weight') per.push('body weight');
  if (d.basis === 'surface') per.push('body surface');
  if (d.perMass) per.push('mass');
  if (d.perVolume) per.push('volume');
  if (d.perOther) per.push('other unit');
  if (d.perTime) per.push('time');
  if (d.isDoseAmount) {
    if (d.basis) return ['dose', ...per].join(' per ');
    if (d.perTime) return `${KIND_WORDS[d.kind]} per time (dose rate)`;
    return `${KIND_WORDS[d.kind]} (dose amount)`;
  }
  return [KIND_WORDS[d.kind], ...per].join(' per ');
}
