/**
 * The dosing timeline: one row per dose line per arm (the arm's override where it has one), with
 * study days where they can be computed. Used by `trial timeline` and by the editor's timeline view.
 */
import type * as A from '../../grammar/ast';
import { armInterventions, armsReceiving, cycleDays, dosesOf, forDays, type TrialModel } from '../model';
import { formatNumber, writtenNumber } from '../units';
import { renderFrequency } from '../wording';

/** Zero-based, like LSP positions. */
export interface TimelineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface TimelineRow {
  /** Arm name as declared (`arm combination` → "combination"), or "" when the dose is not tied to an arm. */
  arm: string;
  /** Intervention name as declared (`intervention rituximab` → "rituximab"). */
  intervention: string;
  /** The dose as written, e.g. "1000 mg iv". */
  dose: string;
  /** Study day of the first administration (day 1 = first day), when it can be computed. */
  startDay?: number;
  /** Last study day, when bounded. */
  endDay?: number;
  /** Individual study days, for dosing on listed days. */
  days?: number[];
  /** The schedule in words, e.g. "on days 1 and 181", "every 12 h from day 1". */
  schedule: string;
  /** Conditions such as "depending on cd19_b_cells". */
  condition?: string;
  range?: TimelineRange;
}

function doseAsWritten(d: A.DoseStmt): string {
  const a = d.amount;
  const amount = a ? `${a.low ? `${writtenNumber(a.low)} to ` : ''}${writtenNumber(a.value)} ${a.unit.value}` : d.amountText?.value ?? '';
  return d.route ? `${amount} ${d.route.value}` : amount;
}

function scheduleWords(d: A.DoseStmt): string {
  const parts: string[] = [];
  if (d.divided) parts.push(`in ${d.divided.value} divided doses`);
  if (d.frequency) parts.push(renderFrequency(d.frequency));
  const s = d.schedule;
  if (s) {
    if (s.days.length === 1) parts.push(`on day ${s.days[0]!.value}`);
    if (s.days.length > 1) {
      const v = s.days.map((x) => String(x.value));
      parts.push(`on days ${v.slice(0, -1).join(', ')} and ${v[v.length - 1]}`);
    }
    if (s.from) parts.push(`from day ${s.from.value}`);
    if (s.to) parts.push(`to day ${s.to.value}`);
    if (s.for) parts.push(`for ${formatNumber(s.for.value.value)} ${s.for.unit.value}`);
  }
  return parts.join(' ');
}

function row(arm: string, intervention: string, d: A.DoseStmt): TimelineRow {
  const r: TimelineRow = { arm, intervention, dose: doseAsWritten(d), schedule: scheduleWords(d) };
  const s = d.schedule;
  if (s && s.days.length > 0) {
    const days = cycleDays(d) ?? s.days.map((x) => x.value);
    r.days = days;
    r.startDay = Math.min(...days);
    r.endDay = Math.max(...days);
  }
  if (s?.from) r.startDay = s.from.value;
  if (s?.to) r.endDay = s.to.value;
  // Repeated dosing with no stated start begins on Day 1, the first day of treatment.
  if (r.startDay === undefined && d.frequency && !(d.frequency.kind === 'named' && d.frequency.code === 'once')) r.startDay = 1;
  const length = forDays(d);
  if (length !== null && r.endDay === undefined) r.endDay = Math.round((r.startDay ?? 1) + length - 1);
  if (d.condition) {
    const c = d.condition;
    r.condition = c.comparator && c.threshold
      ? `if ${c.measure.value} ${c.comparator.value} ${formatNumber(c.threshold.value.value)} ${c.threshold.unit.value}`
      : `depending on ${c.measure.value}`;
  }
  r.range = { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } };
  return r;
}

export function timelineRows(model: TrialModel): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const arm of model.arms.values()) {
    for (const ai of armInterventions(model, arm)) {
      for (const d of ai.doses) rows.push(row(arm.id.value, ai.receives.intervention.value, d));
    }
  }
  for (const iv of model.interventions.values()) {
    if (armsReceiving(model, iv.id.value).length > 0) continue;
    for (const d of dosesOf(iv)) rows.push(row('', iv.id.value, d));
  }
  return rows;
}

/** A plain-text table of the rows (for the CLI). */
export function formatTimeline(rows: TimelineRow[]): string {
  const header = ['Arm', 'Intervention', 'Dose', 'Schedule', 'Study days', 'Condition'];
  const days = (r: TimelineRow) =>
    r.days ? r.days.join(', ') : r.startDay !== undefined ? `${r.startDay}–${r.endDay ?? '…'}` : '';
  const table = [header, ...rows.map((r) => [r.arm || '(no arm)', r.intervention, r.dose, r.schedule, days(r), r.condition ?? ''])];
  const widths = header.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n') + '\n';
}
