/**
 * The registry wording of a protocol's structure: how doses, conditions and eligibility criteria read as
 * ClinicalTrials.gov text, and where a kept sentence (`as "…"`) stands in for them. Shared by the export
 * (which writes these texts), the checks (which measure them against the registry's limits), the import
 * (which lays out criteria the way the export will write them back), the Trial view and hover. It lives
 * apart from server/export so that the checks never import export code. Pure core.
 */
import type { TrialModel } from '../model';
import type { MeasureLabels } from './render-dosing';

export * from './render-dosing';
export * from './render-criteria';
export { placeDoses } from './kept-wording';
export { renderArmSequence } from './arm-sequence';

/** Measure id → its label, as the registry texts name a measure. */
export function measureLabels(model: TrialModel): MeasureLabels & Map<string, string> {
  const m = new Map<string, string>();
  for (const [id, decl] of model.measures) m.set(id, decl.label.value);
  return m;
}
