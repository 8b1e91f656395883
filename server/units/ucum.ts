/**
 * Typed wrapper around `@lhncbc/ucum-lhc` (CommonJS, no type declarations).
 *
 * This is the ONLY file that touches the library. Everything else in
 * `server/units/` asks questions through the functions below, so validation,
 * conversion and commensurability always come from the library, never from a
 * hand-made table.
 *
 * Library facts this wrapper hides (measured with ucum-lhc 7.1.10):
 *  - `getSpecifiedUnit` writes to `console.log` when its parser throws (e.g. for
 *    any unit text containing a blank). An LSP server speaks JSON-RPC on
 *    stdout, so every library call here runs with `console.log` muted.
 *  - One `UcumLhcUtils` instance is created lazily and reused (≈ 50 ms once).
 *  - Arbitrary units (`[IU]`, `[iU]`, `[USP'U]`…) are refused by
 *    `convertUnitTo` even when converting a unit to itself; callers handle
 *    identity themselves.
 *
 * API:
 *   ucumValidate(text, suggest?)  → UcumValidation (status, code, name, messages, suggestions)
 *   ucumUnitInfo(code)            → UcumUnitInfo | null (dimension vector, mole/equivalent exponents, arbitrary…)
 *   ucumConvert(value, from, to, {molecularWeight?, charge?}) → UcumConversion
 *   ucumBaseUnitName(index)       → UCUM code of the base unit for a dimension-vector index
 *   setUcumAnswerStore(store)     → keep the answers of the functions above beyond one run
 */

/* eslint-disable @typescript-eslint/no-require-imports */

/** Suggested unit from the library: code, name and (optional) guidance text. */
export interface UcumSuggestedUnit {
  readonly code: string;
  readonly name: string;
  readonly guidance: string | null;
}

export interface UcumValidation {
  /** 'valid': the text is valid UCUM as written; 'invalid': not valid (the library may still substitute a code); 'error': empty / unparsable input. */
  readonly status: 'valid' | 'invalid' | 'error';
  /** Code the library resolved the text to (may be a substitution such as `mg/kg/day` → `mg/kg/d`), or null. */
  readonly code: string | null;
  /** Library's unit name for the resolved code (may be composed, e.g. `[milligram/kilogram]/day`). */
  readonly name: string | null;
  /** Library messages, verbatim. */
  readonly messages: readonly string[];
  /** Library suggestions (flattened), when requested and found. */
  readonly suggestions: readonly UcumSuggestedUnit[];
}

/** What the library knows about a parsed unit: the facts commensurability is decided on. */
export interface UcumUnitInfo {
  readonly code: string;
  readonly name: string;
  /** Exponents of the 7 UCUM base dimensions, in library order (m, s, g, rad, K, C, cd). */
  readonly dim: readonly number[];
  /** Exponent of mol (tracked separately by the library: mol is dimensionless in UCUM). */
  readonly moleExp: number;
  /** Exponent of equivalents (eq). */
  readonly equivalentExp: number;
  /** Arbitrary unit (e.g. [IU]): never convertible to anything else. */
  readonly arbitrary: boolean;
  /** Special (non-ratio) unit such as Cel or [pH]. */
  readonly special: boolean;
  /** Magnitude relative to the coherent base units (g, not kg, for mass). */
  readonly magnitude: number;
  /** Library "property" text, e.g. 'mass', 'fraction', 'catalytic activity' ('' when unknown). */
  readonly property: string;
}

export interface UcumConversion {
  readonly status: 'succeeded' | 'failed' | 'error';
  readonly value: number | null;
  readonly messages: readonly string[];
  /** The library refused because mass↔substance needs a molecular weight. */
  readonly needsMolecularWeight: boolean;
  /** The library refused because equivalents need a charge. */
  readonly needsCharge: boolean;
}

interface RawUnit {
  csCode_: string;
  name_: string;
  dim_?: { dimVec_?: number[] } | null;
  moleExp_?: number;
  equivalentExp_?: number;
  isArbitrary_?: boolean;
  isSpecial_?: boolean;
  magnitude_?: number;
  property_?: string;
}

interface RawSpecified {
  status: 'valid' | 'invalid' | 'error';
  unit?: RawUnit | null;
  origString?: string;
  retMsg?: string[];
  suggestions?: Array<{ msg: string; invalidUnit: string; units: Array<[string, string, string | null]> }>;
}

interface RawConvert {
  status: 'succeeded' | 'failed' | 'error';
  toVal: number | null;
  msg: string[];
}

interface RawUtils {
  getSpecifiedUnit(text: string, valConv: 'validate' | 'convert', suggest: boolean): RawSpecified;
  convertUnitTo(from: string, value: number, to: string, options: { molecularWeight?: number; charge?: number }): RawConvert;
}

interface RawTables {
  getInstance(): { dimVecIndexToBaseUnit_: Record<number, string> };
}

/**
 * Where the library's answers may be kept beyond one run (server/io/ucum-answers.ts keeps them in
 * the code cache folder, for one build of a bundle): the library is deterministic, and loading it
 * (building its unit tables) is a large part of a `trial check`'s start. None by default: every
 * question goes to the library. An answer is what the functions below return, as plain data.
 */
export interface UcumAnswerStore {
  get(key: string): unknown;
  set(key: string, answer: unknown): void;
}

let answers: UcumAnswerStore | undefined;

/** Keep the answers in `store` (undefined: ask the library every time). */
export function setUcumAnswerStore(store: UcumAnswerStore | undefined): void {
  answers = store;
}

/** The answer to the question `key` from the store, else computed (and stored unless it threw). */
function remembered<T>(key: string, compute: () => T): T {
  if (answers === undefined) return compute();
  const kept = answers.get(key);
  if (kept !== undefined) return kept as T;
  const answer = compute();
  answers.set(key, answer);
  return answer;
}

/** A number in a key: exact (String gives the shortest text that reads back as the same number), -0 apart from 0. */
function numberKey(n: number | undefined): string {
  return n === undefined ? '' : Object.is(n, -0) ? '-0' : String(n);
}

let utils: RawUtils | null = null;
let tables: RawTables | null = null;

/** Thrown (not swallowed) when the library itself cannot be loaded: a deployment bug, not an invalid unit. */
export class UcumUnavailableError extends Error {}

function lib(): RawUtils {
  if (!utils) {
    let pkg: { UcumLhcUtils: { getInstance(): RawUtils }; UnitTables: RawTables };
    try {
      pkg = require('@lhncbc/ucum-lhc');
    } catch (err) {
      throw new UcumUnavailableError(`@lhncbc/ucum-lhc could not be loaded: ${String((err as Error)?.message ?? err)}`);
    }
    utils = muted(() => pkg.UcumLhcUtils.getInstance());
    tables = pkg.UnitTables;
  }
  return utils;
}

/** Run a library call with console.log silenced (the library logs parse exceptions to stdout). */
function muted<T>(fn: () => T): T {
  const saved = console.log;
  console.log = () => undefined;
  try {
    return fn();
  } finally {
    console.log = saved;
  }
}

/**
 * The longest unit text handed to the library. Real units are short (`mL/min/{1.73_m2}` is 16);
 * the library's parser is super-linear in the length (`mg/` repeated 16,000 times took seconds),
 * so longer text is refused here, at the one door to the library.
 */
export const MAX_UNIT_LENGTH = 100;

function tooLong(text: string): string {
  return `A unit of ${text.length} characters is longer than any UCUM unit (at most ${MAX_UNIT_LENGTH} are read).`;
}

function rawSpecified(text: string, suggest: boolean): RawSpecified {
  if (text.length > MAX_UNIT_LENGTH) return { status: 'invalid', unit: null, retMsg: [tooLong(text)] };
  const u = lib();
  try {
    return muted(() => u.getSpecifiedUnit(text, 'validate', suggest));
  } catch (err) {
    return { status: 'error', unit: null, retMsg: [String((err as Error)?.message ?? err)] };
  }
}

/** Validate unit text exactly as given (the library trims surrounding blanks itself). */
export function ucumValidate(text: string, suggest = false): UcumValidation {
  return remembered(`${suggest ? 'S' : 'V'}${text}`, () => validate(text, suggest));
}

function validate(text: string, suggest: boolean): UcumValidation {
  const r = rawSpecified(text, suggest);
  const suggestions: UcumSuggestedUnit[] = [];
  for (const group of r.suggestions ?? []) {
    for (const [code, name, guidance] of group.units ?? []) suggestions.push({ code, name, guidance: guidance ?? null });
  }
  return {
    status: r.status,
    code: r.unit ? (r.origString ?? r.unit.csCode_) : null,
    name: r.unit ? r.unit.name_ : null,
    messages: [...(r.retMsg ?? [])],
    suggestions,
  };
}

/** Library facts for a unit code (null when the library cannot parse it). */
export function ucumUnitInfo(code: string): UcumUnitInfo | null {
  return remembered(`I${code}`, () => unitInfo(code));
}

function unitInfo(code: string): UcumUnitInfo | null {
  const r = rawSpecified(code, false);
  const u = r.unit;
  if (!u) return null;
  const dim = u.dim_?.dimVec_ ? [...u.dim_.dimVec_] : [0, 0, 0, 0, 0, 0, 0];
  return {
    code: r.origString ?? u.csCode_,
    name: u.name_ ?? '',
    dim,
    moleExp: u.moleExp_ ?? 0,
    equivalentExp: u.equivalentExp_ ?? 0,
    arbitrary: !!u.isArbitrary_,
    special: !!u.isSpecial_,
    magnitude: typeof u.magnitude_ === 'number' ? u.magnitude_ : NaN,
    property: u.property_ ?? '',
  };
}

/** Convert through the library. Units are UCUM codes. */
export function ucumConvert(
  value: number,
  from: string,
  to: string,
  options: { molecularWeight?: number; charge?: number } = {},
): UcumConversion {
  const key = `C${numberKey(value)}\u0000${from}\u0000${to}\u0000${numberKey(options.molecularWeight)}\u0000${numberKey(options.charge)}`;
  return remembered(key, () => convert(value, from, to, options));
}

function convert(value: number, from: string, to: string, options: { molecularWeight?: number; charge?: number }): UcumConversion {
  let r: RawConvert;
  if (from.length > MAX_UNIT_LENGTH || to.length > MAX_UNIT_LENGTH) return { status: 'error', value: null, messages: [tooLong(from.length > to.length ? from : to)], needsMolecularWeight: false, needsCharge: false };
  const u = lib();
  try {
    r = muted(() => u.convertUnitTo(from, value, to, options));
  } catch (err) {
    r = { status: 'error', toVal: null, msg: [String((err as Error)?.message ?? err)] };
  }
  const messages = [...(r.msg ?? [])];
  const value2 = r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal) ? r.toVal : null;
  return {
    status: value2 === null && r.status === 'succeeded' ? 'failed' : r.status,
    value: value2,
    messages,
    needsMolecularWeight: messages.some((m) => /molecular weight/i.test(m)),
    needsCharge: messages.some((m) => /charge of the substance/i.test(m)),
  };
}

/** UCUM code of the base unit behind a dimension-vector index (from the library's tables). */
export function ucumBaseUnitName(index: number): string | null {
  return remembered(`B${numberKey(index)}`, () => {
    lib();
    return tables?.getInstance().dimVecIndexToBaseUnit_[index] ?? null;
  });
}
