/**
 * Units module: UCUM for clinical-trial protocols. Pure core code (no vscode /
 * LSP imports); every validation, conversion and commensurability answer comes
 * from @lhncbc/ucum-lhc (ucum.ts is the only file that touches it).
 *
 *   analyzeUnit(text)                    → UnitAnalysis (code, status, traps, suggestions, dimension…)   analyze.ts
 *   classifyDimension(code)              → UnitDimension | null                                            dimensions.ts
 *   compareUnits(a, b)                   → UnitComparison (status incl. 'needs-molecular-weight')         compare.ts
 *   commensurable(a, b)                  → boolean (strict: same annotations, same basis)                 compare.ts
 *   convert(value, from, to, options?)   → number | null                                                   compare.ts
 *   toDays(value, unit), convertTime(value, from, to), isTimeUnit(text), timeUnitCode(text)                time.ts
 *   displayUnit(text, value?), formatQuantity(value, text), formatNumber(value)                             display.ts
 *   suggestUnits(place), describeUnit(text), UNIT_PLACES                                                   suggest.ts
 *   rewriteClinicalSpelling(text), preferredSpelling(code)                                                 clinical-spellings.ts
 *   findTraps(code)                                                                                         traps.ts
 *   REFERENCE_WEIGHT_KG, REFERENCE_SURFACE_M2 (the 70 kg, 1.73 m² reference body)                           reference-body.ts
 */

export { analyzeUnit, clearUnitCache, type UnitAnalysis, type UnitStatus, type UnitSuggestion } from './analyze';
export { classifyDimension, type UnitDimension, type QuantityKind, type Basis } from './dimensions';
export { compareUnits, commensurable, convert, type UnitComparison, type CommensurabilityStatus, type ConvertOptions } from './compare';
export { toDays, convertTime, isTimeUnit, timeUnitCode } from './time';
export { displayUnit, formatQuantity, formatNumber, writtenNumber } from './display';
export { suggestUnits, describeUnit, UNIT_PLACES, type UnitPlace, type UnitChoice, type UnitDescription } from './suggest';
export { rewriteClinicalSpelling, preferredSpelling, type SpellingRewrite } from './clinical-spellings';
export { findTraps, type UnitTrap, type UnitTrapKind } from './traps';
export { unitName } from './names';
export { REFERENCE_WEIGHT_KG, REFERENCE_SURFACE_M2 } from './reference-body';
