/**
 * Does a kept wording still say its structure? A dose or criterion imported from the registry keeps
 * its sentence (`as "…"`); the export writes that sentence only while reading it again gives exactly
 * the structure written now, otherwise it renders the structure (so an edit to the structure is what
 * the registry receives). Deterministic: the same reader as the import, no fingerprints.
 *
 *   doseWordingAgrees(dose, names)         → boolean
 *   criterionWordingAgrees(criterion, label) → boolean
 */
import type * as A from '../../../grammar/ast';
import { parse } from '../../../grammar/parse';
import { analyzeUnit, timeUnitCode } from '../../units';
import { extractDoses } from './dose';
import { doseBody } from './emit';
import { measureByLabel } from './measures';
import { extractThreshold } from './threshold';

const unitCode = (u: string) => timeUnitCode(u) ?? analyzeUnit(u).code ?? u.toLowerCase();
const quantity = (q: A.Quantity | undefined) => (q ? [q.value.value, unitCode(q.unit.value)] : null);

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

/** The dose a wording says on its own (read as the named intervention's), or undefined when it is not exactly one dose. */
export function doseOfWording(wording: string, names: string[]): A.DoseStmt | undefined {
  const text = wording.trim();
  const { doses } = extractDoses(text, { candidates: [{ id: 'x', names }], foreign: [], attributed: true });
  if (doses.length !== 1) return undefined;
  const parsed = parse(`intervention x {\n  dose ${doseBody(doses[0]!)}\n}\n`);
  const item = parsed.ast.items[0];
  if (parsed.diagnostics.length > 0 || item?.kind !== 'InterventionBlock') return undefined;
  return item.statements.find((s): s is A.DoseStmt => s.kind === 'Dose');
}

export function doseWordingAgrees(dose: A.DoseStmt, names: string[]): boolean {
  if (!dose.wording) return false;
  const said = doseOfWording(dose.wording.value, names);
  return said !== undefined && doseMeaning(said) === doseMeaning(dose);
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
