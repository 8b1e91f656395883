/**
 * Does a kept wording still say its structure? A dose or criterion imported from the registry keeps
 * its sentence (`as "…"`); the export writes that sentence only while reading it again gives exactly
 * the structure written now, otherwise it renders the structure (so an edit to the structure is what
 * the registry receives). Deterministic: the same reader as the import, no fingerprints.
 *
 *   doseWordingAgrees(dose, names)         → boolean
 *   criterionWordingAgrees(criterion, label) → boolean
 *
 * Shared by the export (server/wording/kept-wording.ts) and the check kept-wording-disagrees.
 */
import type * as A from '../../../grammar/ast';
import { parse } from '../../../grammar/parse';
import { analyzeUnit, timeUnitCode } from '../../units';
import { extractDoses } from './dose';
import { doseBody, thresholdBody } from './emit';
import { measureByLabel } from './measures';
import { extractThreshold } from './threshold';

const unitCode = (u: string) => timeUnitCode(u) ?? analyzeUnit(u).code ?? u.toLowerCase();
/** A quantity by meaning: weeks as days (`every 3 weeks` = `every 21 days`), so a respelt interval still agrees. */
const quantity = (q: A.Quantity | undefined) => {
  if (!q) return null;
  const code = unitCode(q.unit.value);
  return code === 'wk' ? [q.value.value * 7, 'd'] : [q.value.value, code];
};

/** The meaning of a dose statement, as a comparable string (units by UCUM code, spellings aside). */
export function doseMeaning(d: A.DoseStmt): string {
  return JSON.stringify([
    d.amount?.low?.value ?? null,
    d.amount?.value.value ?? null,
    d.amount ? unitCode(d.amount.unit.value) : null,
    d.route?.value ?? null,
    d.frequency ? (d.frequency.kind === 'named' ? d.frequency.code : ['every', quantity(d.frequency.interval)]) : null,
    d.divided?.value ?? null,
    d.schedule ? [d.schedule.days.map((x) => x.value), d.schedule.from?.value ?? null, d.schedule.to?.value ?? null, quantity(d.schedule.for)] : null,
    quantity(d.infusion),
    d.condition ? [d.condition.measure.value, d.condition.comparator?.value ?? null, quantity(d.condition.threshold)] : null,
  ]);
}

/** The dose statement a wording says on its own, without `dose` (`75 mg/m2 iv on day 1`), or undefined when it is not exactly one dose. */
export function doseOfWordingBody(wording: string, names: string[]): string | undefined {
  const { doses } = extractDoses(wording.trim(), { candidates: [{ id: 'x', names }], foreign: [], attributed: true });
  return doses.length === 1 ? doseBody(doses[0]!) : undefined;
}

/** The dose a wording says on its own (read as the named intervention's), or undefined when it is not exactly one dose. */
export function doseOfWording(wording: string, names: string[]): A.DoseStmt | undefined {
  const body = doseOfWordingBody(wording, names);
  if (body === undefined) return undefined;
  const parsed = parse(`intervention x {\n  dose ${body}\n}\n`);
  const item = parsed.ast.items[0];
  if (parsed.diagnostics.length > 0 || item?.kind !== 'InterventionBlock') return undefined;
  return item.statements.find((s): s is A.DoseStmt => s.kind === 'Dose');
}

export function doseWordingAgrees(dose: A.DoseStmt, names: string[]): boolean {
  if (!dose.wording) return false;
  const said = doseOfWording(dose.wording.value, names);
  return said !== undefined && doseMeaning(said) === doseMeaning(dose);
}

/** The criterion a wording says, written on `measureId` (`alt <= 2.5 x ULN`), or undefined when it reads as no threshold. */
export function criterionOfWording(wording: string, measureId: string): string | undefined {
  const r = extractThreshold(wording);
  return 'threshold' in r ? thresholdBody(r.threshold, measureId) : undefined;
}

/** The names a dose's wording may use for its intervention: its name and other names. */
export function interventionNames(iv: A.InterventionBlock): string[] {
  return iv.statements
    .filter((s): s is A.TextStmt => s.kind === 'Text' && (s.field === 'name' || s.field === 'otherName'))
    .map((s) => s.text.value);
}

/** `label`: the declared label of the criterion's measure (how the measure is recognised, whatever its id). */
export function criterionWordingAgrees(c: A.CriterionStmt, label: string | undefined): boolean {
  if (!c.wording || !c.measure || !(c.comparator || c.low) || c.note) return false;
  const r = extractThreshold(c.wording.value);
  if (!('threshold' in r)) return false;
  const t = r.threshold;
  const measure = (label !== undefined ? measureByLabel(label)?.id : undefined) ?? c.measure.value;
  if (measure !== t.measure.id || c.comparator?.value !== t.comparator || c.low?.value !== t.low) return false;
  if (c.limit) return !!t.limit && c.limit.of.value === t.limit && c.limit.multiple.value === t.value;
  if (!c.threshold || t.limit || t.unit === undefined) return false;
  return c.threshold.value.value === t.value && unitCode(c.threshold.unit.value) === unitCode(t.unit);
}
