/**
 * Inlay hints, for the items in the requested range only (linear in what is shown):
 *   - a study day as week and month: `on days 1 and 181` → `181 (wk 26 · mo 6)` (day 8 onwards);
 *   - a per-kg or per-m² dose at the reference body: `3 mg/kg/d` → `≈ 210 mg/d at 70 kg`;
 *   - the registry value behind words spelt differently: `type active comparator` → `ACTIVE_COMPARATOR`, `phase 2` → `PHASE2`.
 * The reference body (70 kg, 1.73 m²) is the one clinicians use for plausibility, and is named in each hint.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import { phaseValue, registryValue } from '../model';
import { describeUnit, REFERENCE_SURFACE_M2, REFERENCE_WEIGHT_KG } from '../units';
import type { AnyStatement } from './nodes';
import { registryWordPlaces } from './registry-word-places';
import type { Analysis } from './workspace';

const DAYS_PER_MONTH = 365.25 / 12;

export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const out: InlayHint[] = [];
  for (const item of analysis.parse.ast.items) {
    if (item.range.end.line < range.start.line || item.range.start.line > range.end.line) continue;
    for (const place of registryWordPlaces(item, undefined)) registryHint(place.written, place.enums, out);
    if (!('statements' in item)) continue;
    for (const s of item.statements as AnyStatement[]) {
      if (s.range.end.line < range.start.line || s.range.start.line > range.end.line) continue;
      statementHints(item, s, out);
      if (s.kind === 'Receives') for (const d of s.doses) statementHints(item, d, out);
    }
  }
  return out;
}

function statementHints(item: A.TopItem, s: AnyStatement, out: InlayHint[]): void {
  for (const place of registryWordPlaces(item, s)) registryHint(place.written, place.enums, out);
  if (s.kind === 'Phase') {
    for (const p of s.phases) {
      const v = phaseValue(p.value);
      if (v && v !== p.value.toUpperCase()) out.push(hint(p.range.end, v, InlayHintKind.Type));
    }
  }
  if (s.kind === 'Dose') {
    if (s.amount) perBodyHint(s.amount, out);
    const sch = s.schedule;
    if (sch) for (const d of [...sch.days, ...(sch.from ? [sch.from] : []), ...(sch.to ? [sch.to] : [])]) dayHint(d, out);
  }
  if (s.kind === 'Visit' && s.at.unit.value === 'day') dayHint(s.at.value, out);
}

function hint(at: A.Position | { line: number; character: number }, label: string, kind: InlayHintKind, tooltip?: string): InlayHint {
  return { position: { line: at.line, character: at.character }, label, kind, paddingLeft: true, ...(tooltip ? { tooltip } : {}) };
}

function registryHint(written: A.Located<string>, enums: Parameters<typeof registryValue>[1][], out: InlayHint[]): void {
  for (const name of enums) {
    const value = registryValue(written.value, name);
    // Only where the value is spelt differently (`active comparator` → ACTIVE_COMPARATOR), not `randomized` → RANDOMIZED.
    if (value === written.value.trim().toUpperCase()) return;
    if (value) {
      out.push(hint(written.range.end, value, InlayHintKind.Type, `The registry value (${name}) these words stand for.`));
      return;
    }
  }
}

/** Week and month of a study day (day 1 = first day of treatment); none for the first week, where it adds nothing. */
export function dayLabel(day: number): string | undefined {
  if (day < 8) return undefined;
  const week = Math.floor((day - 1) / 7) + 1;
  const month = Math.floor((day - 1) / DAYS_PER_MONTH) + 1;
  return `wk ${week} · mo ${month}`;
}

function dayHint(d: A.Located<number>, out: InlayHint[]): void {
  const label = dayLabel(d.value);
  if (label) out.push(hint(d.range.end, label, InlayHintKind.Parameter, `Study day ${d.value}: week ${label.split(' · ')[0].slice(3)}, month ${label.split(' · ')[1].slice(3)} (day 1 is the first day of treatment).`));
}

/**
 * `3 mg/kg/d` at 70 kg → `≈ 210 mg/d at 70 kg`. Only for UCUM codes of the form `<amount>/kg[/<per>]` or
 * `<amount>/m2[/<per>]` (what a weight- or surface-based dose is written as), so the arithmetic is exact.
 */
export function perBodyLabel(value: number, unit: string, low?: number): string | undefined {
  const code = describeUnit(unit)?.code;
  if (!code) return undefined;
  const m = /^([^/()]+)\/(kg|m2)(\/[^/()]+)?$/.exec(code);
  if (!m) return undefined;
  const [, amount, basis, per = ''] = m;
  const factor = basis === 'kg' ? REFERENCE_WEIGHT_KG : REFERENCE_SURFACE_M2;
  const resultUnit = `${amount}${per}`;
  if (!describeUnit(resultUnit)) return undefined;
  const show = (x: number) => String(Number((x * factor).toPrecision(3)));
  const at = basis === 'kg' ? `${REFERENCE_WEIGHT_KG} kg` : `${REFERENCE_SURFACE_M2} m²`;
  return `≈ ${low !== undefined ? `${show(low)} to ` : ''}${show(value)} ${resultUnit} at ${at}`;
}

function perBodyHint(a: A.Amount, out: InlayHint[]): void {
  const label = perBodyLabel(a.value.value, a.unit.value, a.low?.value);
  if (label) out.push(hint(a.unit.range.end, label, InlayHintKind.Parameter, 'The dose for a reference adult (70 kg, 1.73 m² body surface), to spot a tenfold slip.'));
}
