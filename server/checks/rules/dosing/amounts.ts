/**
 * Dose arithmetic the dosing rules share, all unit reasoning through UCUM (server/units): the amount
 * of one administration or of one day at the reference body size (70 kg, 1.73 m²:
 * units-and-schedules.md §3.2 "Plausibility"), and the number of administrations a schedule gives.
 */
import type * as A from '../../../../grammar/ast';
import { doseCount, intervalDays } from '../../../model';
import { analyzeUnit, REFERENCE_SURFACE_M2, REFERENCE_WEIGHT_KG } from '../../../units';
import { perDay, type DoseSpan } from '../../facts';

export interface ReferenceAmount {
  /** The amount, in the UCUM code `code` (per-kg and per-m² already multiplied out). */
  value: number;
  code: string;
  /** True when the amount is per day (`mg/d`, `mg/kg/d`): a daily total. */
  daily: boolean;
  assumptions: string[];
}

/**
 * The dose's amount at the reference body size, or null when it has no amount or an unknown unit.
 * `keep` leaves a per-kg or per-m² amount as it is, to compare it with a cap of the same basis.
 */
export function referenceAmount(dose: A.DoseStmt, keep: 'weight' | 'surface' | null = null): ReferenceAmount | null {
  if (!dose.amount) return null;
  const a = analyzeUnit(dose.amount.unit.value);
  if (!a.code || !a.dimension || !a.dimension.isDoseAmount) return null;
  let code = a.code;
  let value = dose.amount.value.value;
  const assumptions: string[] = [];
  if (a.dimension.basis === keep) {
    // compared per kg or per m² as written
  } else if (a.dimension.basis === 'weight') {
    code = `(${code}).kg`;
    value *= REFERENCE_WEIGHT_KG;
    assumptions.push(`for a ${REFERENCE_WEIGHT_KG} kg adult`);
  } else if (a.dimension.basis === 'surface') {
    code = `(${code}).m2`;
    value *= REFERENCE_SURFACE_M2;
    assumptions.push(`for a body surface of ${REFERENCE_SURFACE_M2} m²`);
  }
  return { value, code, daily: a.dimension.perTime, assumptions };
}

/**
 * A per-time amount (`mg/d`, `mg/kg/d`) as the amount of one administration: divided into
 * `in N divided doses`, or into the frequency's administrations a day. Null when the number a day is
 * not known; an amount that is not per time comes back as it is.
 */
export function oneAdministration(dose: A.DoseStmt, value: number, code: string, perTime: boolean): { value: number; code: string; perDayCount: number | null } | null {
  if (!perTime) return { value, code, perDayCount: null };
  const n = dose.divided?.value ?? perDay(dose);
  if (!n) return null;
  return { value: value / n, code: `(${code}).d`, perDayCount: n };
}

/** How many administrations the dose's schedule gives, from its span; null when it runs on with no end. */
export function administrations(dose: A.DoseStmt, span: DoseSpan): number | null {
  const n = doseCount(dose);
  if (n !== null) return n;
  const perDayCount = perDay(dose);
  if (span.days) return span.days.length * (perDayCount && perDayCount > 1 ? perDayCount : 1);
  if (!Number.isFinite(span.end)) return null;
  const days = span.end - span.start + 1;
  if (days < 1) return null;
  const interval = intervalDays(dose);
  if (interval === null) return 1;
  return Math.floor((days - 1) / interval + 1e-9) + 1;
}

/** The number of treatment days of a dose (for daily amounts). */
export function treatmentDays(span: DoseSpan): number | null {
  if (span.days) return new Set(span.days).size;
  return Number.isFinite(span.end) && span.end >= span.start ? span.end - span.start + 1 : null;
}
