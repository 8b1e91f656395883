/**
 * Completion lists and hover text.
 *
 * The lists below are the GOOD UCUM codes to offer at each place in a protocol
 * (a curated choice, not a conversion table); names and dimensions come from
 * the library through unitName / classifyDimension, so a code the library
 * rejected would show up in the tests immediately.
 *
 * API:
 *   UNIT_PLACES                      → readonly list of places
 *   suggestUnits(place)              → UnitChoice[]  ({ code, display, name, dimension label })
 *   describeUnit(text)               → UnitDescription | null
 *       e.g. describeUnit('mg/kg/d').text === 'mg/kg/d — milligram per kilogram per day; dose per body weight per time'
 */

import { analyzeUnit } from './analyze';
import type { UnitDimension } from './dimensions';
import { displayUnit } from './display';

export const UNIT_PLACES = [
  'dose',
  'dose-per-weight',
  'dose-per-surface',
  'dose-rate',
  'lab-count',
  'lab-mass-concentration',
  'lab-substance-concentration',
  'lab-activity',
  'lab-ratio',
  'renal-function',
  'proteinuria',
  'blood-pressure',
  'duration',
  'age',
  'interval',
] as const;

export type UnitPlace = (typeof UNIT_PLACES)[number];

const CODES: Record<UnitPlace, readonly string[]> = {
  dose: ['mg', 'g', 'ug', 'mL', '[IU]', 'mmol', 'U'],
  'dose-per-weight': ['mg/kg', 'ug/kg', '[IU]/kg', 'mL/kg', 'mg/kg/d', 'mg/kg/h', 'ug/kg/min'],
  'dose-per-surface': ['mg/m2', 'ug/m2', '[IU]/m2', 'mg/(m2.d)'],
  'dose-rate': ['mg/d', 'g/d', 'mg/h', 'ug/h', 'mL/h', '[IU]/h', 'mg/wk'],
  'lab-count': ['10*9/L', '10*3/uL', '10*12/L', '10*6/uL', '/uL'],
  'lab-mass-concentration': ['mg/dL', 'g/dL', 'g/L', 'mg/L', 'ug/L', 'ng/mL', 'pg/mL'],
  'lab-substance-concentration': ['mmol/L', 'umol/L', 'nmol/L', 'pmol/L', 'meq/L'],
  'lab-activity': ['U/L', '[IU]/L', 'm[IU]/mL'],
  'lab-ratio': ['mg/g', 'g/g', 'mg/mmol', '%'],
  'renal-function': ['mL/min/{1.73_m2}', 'mL/min'],
  proteinuria: ['g/(24.h)', 'mg/(24.h)', 'g/g', 'mg/g'],
  'blood-pressure': ['mm[Hg]'],
  duration: ['d', 'wk', 'mo', 'a', 'h', 'min'],
  age: ['a', 'mo', 'wk', 'd'],
  interval: ['h', 'd', 'wk', 'min'],
};

export interface UnitChoice {
  /** UCUM code to insert. */
  readonly code: string;
  /** Clinician spelling (for the completion label detail). */
  readonly display: string;
  /** Human name from the library. */
  readonly name: string;
  /** Dimension phrase, e.g. "dose per body weight". */
  readonly label: string;
}

export interface UnitDescription {
  readonly code: string;
  readonly display: string;
  readonly name: string;
  readonly dimension: UnitDimension | null;
  /** One line for a hover: "mg/kg/d — milligram per kilogram per day; dose per body weight per time". */
  readonly text: string;
}

const choiceCache = new Map<UnitPlace, readonly UnitChoice[]>();

export function suggestUnits(place: UnitPlace): readonly UnitChoice[] {
  const hit = choiceCache.get(place);
  if (hit) return hit;
  const list = Object.freeze(
    (CODES[place] ?? []).flatMap((code) => {
      const d = describeUnit(code);
      return d ? [Object.freeze({ code: d.code, display: d.display, name: d.name, label: d.dimension?.label ?? '' })] : [];
    }),
  );
  choiceCache.set(place, list);
  return list;
}

/** Hover description of a unit (clinical spellings accepted); null when the text is not a unit. */
export function describeUnit(text: string): UnitDescription | null {
  const a = analyzeUnit(text);
  if (!a.code) return null;
  const name = a.name ?? a.code;
  const label = a.dimension?.label;
  return {
    code: a.code,
    display: displayUnit(a.code),
    name,
    dimension: a.dimension,
    text: `${a.code} — ${name}${label ? `; ${label}` : ''}`,
  };
}
