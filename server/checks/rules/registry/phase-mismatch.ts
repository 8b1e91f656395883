import { phaseValue, statementsOf } from '../../../model';
import { facts, isInterventional } from '../../facts';
import type { Rule } from '../../types';
import { hasDrug } from './missing-element';

/**
 * Intervention types whose trials are often phased although they are not typed DRUG or BIOLOGICAL:
 * a combination product contains a drug or biological (21 CFR 3.2(e)), a genetic intervention is
 * regulated as a biological, radiation trials are conventionally numbered (often given with a
 * drug), and a dietary supplement studied to treat a disease is studied as a drug (21 U.S.C.
 * 321(g)(1)(B): an article intended for the treatment of disease). A numbered phase with one of
 * them is not contradicted by the types.
 */
const MAY_BE_PHASED = new Set(['COMBINATION_PRODUCT', 'GENETIC', 'RADIATION', 'DIETARY_SUPPLEMENT']);

/** The types of a drug trial in the definitions' sense: nothing but drugs and biologicals. */
const DRUG_TYPES = new Set(['DRUG', 'BIOLOGICAL']);

export const phaseMismatch: Rule = {
  code: 'phase-mismatch',
  group: 'registry',
  // A warning: the registry accepts any phase with any intervention type (its definitions only say N/A is
  // for trials without phases, e.g. devices or behavioural interventions); see docs/diagnostics.md.
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A study with a drug or biological gives phase `na`, or a study with none states a numbered phase.' },
  check(model, report, ctx) {
    if (!isInterventional(model)) return;
    const stmt = statementsOf(model.trial, 'Phase')[0];
    if (!stmt) return;
    ctx.at(stmt.range);
    const types = [...facts(model).interventionTypes.values()];
    if (types.length === 0 || types.some((t) => t === undefined)) return;
    const values = stmt.phases.map((p) => phaseValue(p.value));
    const drug = hasDrug(model);
    const na = stmt.phases.find((_, i) => values[i] === 'NA');
    // `na` is contradicted only when every intervention is a drug or biological: beside a device,
    // procedure, behavioural or other intervention the drug may be background care or what a
    // procedure injects, and the definitions give N/A to device and behavioural studies.
    if (drug && na && types.every((t) => DRUG_TYPES.has(t!))) {
      report(na.range, 'every intervention of this study is a drug or biological, and the registry\'s definitions give such trials a phase (1, 2, 3, 4 or early 1), not na', {});
    } else if (!drug && !types.some((t) => MAY_BE_PHASED.has(t!)) && values.some((v) => v && v !== 'NA')) {
      const first = stmt.phases[0]!;
      const last = stmt.phases[stmt.phases.length - 1]!;
      const range = { start: first.range.start, end: last.range.end };
      report(range, 'no intervention of this study is a drug or biological, so the registry\'s definitions give it phase na (phases are for drug and biological trials)', {
        fixes: [{ title: "Change to 'phase na'", edits: [{ range, newText: 'na' }], isPreferred: true }],
      });
    }
  },
};
