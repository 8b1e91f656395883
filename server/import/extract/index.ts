/**
 * The import extractor: registry free text → structured doses and thresholds, only where certain.
 * Pure core (no export, LSP or editor imports), so the checks may use it too.
 *
 *   extractDoses(text, context)  → doses with the span each was read from, and the amounts skipped with why   dose.ts
 *   extractThreshold(text)       → one measure threshold of a criterion, or why it stays text                   threshold.ts
 *   MEASURES                     → the measures criteria name (id, label, unit, spellings)                       measures.ts
 */
export { extractDoses, type DoseCandidate, type DoseContext, type DoseExtraction, type ExtractedDose, type SkippedAmount, type TimeQuantity } from './dose';
export { extractThreshold, type ExtractedThreshold, type ThresholdResult } from './threshold';
export { MEASURES, measureByLabel, type MeasureEntry } from './measures';
export { doseBody, thresholdBody, grammarHasDoseCount } from './emit';
export { doseWordingAgrees, criterionWordingAgrees, doseMeaning, doseOfWording } from './agree';
