/**
 * The measures eligibility criteria name, as registry text writes them: an identifier for the
 * `measure` declaration, its label, the unit it is declared in (thresholds in other units are
 * converted by the checks; a threshold whose unit cannot be compared with it is not structured), and
 * the spellings that name it. Collected from the criteria of ../shared/registry-records.
 */
export interface MeasureEntry {
  id: string;
  label: string;
  /** UCUM unit of the declaration; a `{…}` annotation for scores and ratios. */
  unit: string;
  /** Whether a threshold may be written without a unit (scores, ratios). */
  unitless?: boolean;
  /** Whether `x ULN` thresholds make sense for it (laboratory values with a normal range). */
  normalRange?: boolean;
  pattern: RegExp;
}

export const MEASURES: readonly MeasureEntry[] = [
  { id: 'anc', label: 'Absolute neutrophil count (ANC)', unit: '10*9/L', pattern: /absolute neutrophil count|\bANC\b|neutrophil count|absolute granulocyte count|\bAGC\b/i },
  { id: 'platelets', label: 'Platelet count', unit: '10*9/L', pattern: /platelet count|\bplatelets\b|\bPLT\b/i },
  { id: 'wbc', label: 'White blood cell count (WBC)', unit: '10*9/L', pattern: /white blood cell count|\bWBC\b|leukocyte count/i },
  { id: 'hemoglobin', label: 'Hemoglobin', unit: 'g/dL', pattern: /ha?emoglobin(?! A1c)|\bHgb\b|\bHb\b/i },
  { id: 'hba1c', label: 'HbA1c', unit: '%', pattern: /\bHbA1c\b|\bA1c\b|glycated ha?emoglobin|glycosylated ha?emoglobin/i },
  { id: 'egfr', label: 'Estimated glomerular filtration rate (eGFR)', unit: 'mL/min/{1.73_m2}', pattern: /\beGFR\b|estimated glomerular filtration rate/i },
  { id: 'crcl', label: 'Creatinine clearance', unit: 'mL/min', pattern: /creatinine clearance|\bCrCl\b|\bCCr\b/i },
  { id: 'creatinine', label: 'Serum creatinine', unit: 'mg/dL', normalRange: true, pattern: /(?<!(?:protein|albumin|albumin-to|protein-to)[- ]?)creatinine(?! clearance|[- ]ratio)/i },
  { id: 'direct_bilirubin', label: 'Direct bilirubin', unit: 'mg/dL', normalRange: true, pattern: /(?:direct|conjugated) bilirubin/i },
  { id: 'bilirubin', label: 'Total bilirubin', unit: 'mg/dL', normalRange: true, pattern: /(?<!(?:direct|conjugated|indirect) )bilirubin/i },
  { id: 'alt', label: 'Alanine aminotransferase (ALT)', unit: 'U/L', normalRange: true, pattern: /\bALT\b|alanine (?:amino)?transferase|alanine (?:amino)?transaminase|\bSGPT\b/i },
  { id: 'ast', label: 'Aspartate aminotransferase (AST)', unit: 'U/L', normalRange: true, pattern: /\bAST\b|aspartate (?:amino)?transferase|aspartate (?:amino)?transaminase|\bSGOT\b/i },
  { id: 'amylase', label: 'Serum amylase', unit: 'U/L', normalRange: true, pattern: /\bamylase\b/i },
  { id: 'lipase', label: 'Serum lipase', unit: 'U/L', normalRange: true, pattern: /\blipase\b/i },
  { id: 'albumin', label: 'Serum albumin', unit: 'g/dL', pattern: /\balbumin\b/i },
  { id: 'lvef', label: 'Left ventricular ejection fraction (LVEF)', unit: '%', pattern: /left ventricular ejection fraction|\bLVEF\b|ejection fraction/i },
  { id: 'dlco', label: 'Diffusing capacity of the lung for carbon monoxide (DLCO)', unit: '%', pattern: /\bDLCO\b|diffusing capacity/i },
  { id: 'inr', label: 'International normalized ratio (INR)', unit: '{ratio}', unitless: true, pattern: /international normali[sz]ed ratio|\bINR\b/i },
  { id: 'ecog', label: 'ECOG performance status', unit: '{score}', unitless: true, pattern: /\bECOG\b|Eastern Cooperative Oncology Group/i },
  { id: 'bmi', label: 'Body mass index (BMI)', unit: 'kg/m2', pattern: /body mass index|\bBMI\b/i },
  { id: 'life_expectancy', label: 'Life expectancy', unit: 'mo', pattern: /life expectancy|expected survival(?: time)?/i },
  { id: 'qtcf', label: 'QTcF interval', unit: 'ms', pattern: /\bQTc[FB]?\b/i },
  { id: 'oxygen_saturation', label: 'Oxygen saturation', unit: '%', pattern: /oxygen saturation|\bSpO2\b/i },
];

/** The entry whose label is `label` (how a declared measure is recognised again). */
export function measureByLabel(label: string): MeasureEntry | undefined {
  return MEASURES.find((m) => m.label === label);
}
