/**
 * The dosing calendar of each arm, as data: per intervention a lane of administrations (a mark per
 * dose day, cycles numbered, conditional doses flagged), continuous dosing as spans, tapers as a
 * ramp down to zero, stops, and level-guided adjustment as a note. Every element names its source
 * line. Computed by the core from the model; rendered by render-calendar.ts (CLI and editor alike).
 */
import type * as A from '../../grammar/ast';
import { doseSpan, interventionFacts } from '../checks/facts';
import { armInterventions, armsReceiving, cycleDays, cycleLengthDays, dosesOf, statementsOf, studyCalendar, textField, wordsField, type PeriodSpan, type TrialModel } from '../model';
import { dayToLinear, linearToDay } from '../model';
import { measureLabels, renderDose } from '../wording';
import { type SourceRef, sourceOf } from './source';

export interface CalendarMark {
  day: number;
  /** 1-based cycle number when the dose runs in cycles. */
  cycle?: number;
  conditional: boolean;
  /** The dose in words ("1000 mg IV on Days 1 and 181"), for the label and tooltip. */
  label: string;
  source: SourceRef;
}

export interface CalendarSpan {
  from: number;
  to: number;
  /** `full`: at the written dose; `taper`: from the dose down to zero. */
  kind: 'full' | 'taper';
  conditional: boolean;
  /** No end written: the dosing runs on past the calendar's end. */
  openEnd: boolean;
  label: string;
  source: SourceRef;
}

export interface CalendarStop {
  day: number;
  label: string;
  source: SourceRef;
}

export interface CalendarLane {
  intervention: string;
  name: string;
  marks: CalendarMark[];
  spans: CalendarSpan[];
  stops: CalendarStop[];
  /** Level-guided adjustment, cycles, period … one short sentence each. */
  notes: { text: string; source: SourceRef }[];
  source: SourceRef;
}

export interface CalendarPeriod {
  name: string;
  kind: string;
  startDay: number;
  endDay: number;
  source: SourceRef;
}

export interface CalendarArm {
  /** "" for interventions no arm receives. */
  id: string;
  label: string;
  type?: string;
  lanes: CalendarLane[];
  periods: CalendarPeriod[];
  source?: SourceRef;
}

export interface DosingCalendar {
  arms: CalendarArm[];
  /** The axis: first and last study day shown (no day 0). */
  firstDay: number;
  lastDay: number;
}

const DEFAULT_DAYS = 28;

export function periodOf(p: PeriodSpan): CalendarPeriod {
  return { name: p.period.id.value, kind: p.kind, startDay: p.startDay, endDay: p.endDay, source: sourceOf(p.period.id.range) };
}

/** A day counted from a period's day 1 → a study day (no day 0). */
function shift(day: number, period: PeriodSpan | undefined): number {
  return period ? linearToDay(dayToLinear(period.startDay) + dayToLinear(day)) : day;
}

function lane(model: TrialModel, iv: A.InterventionBlock | undefined, name: string, doses: A.DoseStmt[], period: PeriodSpan | undefined): CalendarLane {
  const measures = measureLabels(model);
  const out: CalendarLane = {
    intervention: iv?.id.value ?? name,
    name: (iv && textField(iv, 'name')?.text.value) ?? name,
    marks: [],
    spans: [],
    stops: [],
    notes: [],
    source: sourceOf((iv?.id ?? { range: doses[0]?.range })?.range),
  };
  if (period) out.notes.push({ text: `in period ${period.period.id.value} (its day 1 is study day ${period.startDay})`, source: sourceOf(period.period.id.range) });
  const tapers = iv ? interventionFacts(iv).tapers : [];
  for (const dose of doses) {
    const label = renderDose(dose, measures);
    const source = sourceOf(dose.range);
    const conditional = dose.condition !== undefined;
    const listed = dose.schedule?.days.length ? (cycleDays(dose) ?? dose.schedule.days.map((d) => d.value)) : undefined;
    if (listed) {
      const perCycle = dose.schedule!.days.length;
      const cyclic = cycleDays(dose) !== null;
      listed.forEach((day, i) => out.marks.push({ day: shift(day, period), conditional, label, source, ...(cyclic ? { cycle: Math.floor(i / perCycle) + 1 } : {}) }));
      if (cyclic) out.notes.push({ text: `${dose.schedule!.for!.value.value} cycles of ${Math.round(cycleLengthDays(dose)!)} days`, source });
      continue;
    }
    const span = doseSpan(dose, iv);
    const once = span.end === span.start;
    if (once) {
      out.marks.push({ day: shift(span.start, period), conditional, label, source });
      continue;
    }
    const open = span.end === Infinity;
    // A taper written on the intervention starts where full dosing ends.
    const taper = tapers.find((t) => t.stmt.kind === 'Taper' && t.end > t.start && Math.round(t.start) > span.start);
    const fullEnd = taper && (open || Math.round(span.end) >= Math.round(taper.end)) ? Math.round(taper.start) - 1 : open ? Infinity : Math.round(span.end);
    out.spans.push({ from: shift(span.start, period), to: fullEnd === Infinity ? Infinity : shift(fullEnd, period), kind: 'full', conditional, openEnd: fullEnd === Infinity, label, source });
    if (taper && fullEnd !== Infinity) {
      const t = taper.stmt as A.TaperStmt;
      out.spans.push({
        from: shift(Math.round(taper.start), period),
        to: shift(Math.round(taper.end), period),
        kind: 'taper',
        conditional,
        openEnd: false,
        label: `tapered to zero after ${t.after.value.value} ${t.after.unit.value}${t.over ? ` over ${t.over.value.value} ${t.over.unit.value}` : ''}`,
        source: sourceOf(t.range),
      });
    }
  }
  for (const t of tapers) {
    if (t.stmt.kind !== 'Stop') continue;
    out.stops.push({ day: shift(Math.round(t.start), period), label: `stopped after ${t.stmt.after.value.value} ${t.stmt.after.unit.value}`, source: sourceOf(t.stmt.range) });
  }
  for (const a of iv ? statementsOf(iv, 'Adjust') : []) {
    const target = a.target ? ` to ${a.target.low ? `${a.target.low.value} to ` : ''}${a.target.value.value} ${a.target.unit.value}` : '';
    const label = measures.get(a.measure.value) ?? a.measure.value;
    out.notes.push({ text: `level-guided: adjusted by ${label}${target}`, source: sourceOf(a.range) });
  }
  return out;
}

/** The calendar of every arm (and of interventions no arm receives). */
export function dosingCalendar(model: TrialModel): DosingCalendar {
  const calendar = studyCalendar(model);
  const arms: CalendarArm[] = [];
  for (const arm of model.arms.values()) {
    const lanes = armInterventions(model, arm).map((ai) => {
      const period = ai.receives.period ? calendar.periodByName.get(ai.receives.period.value) : undefined;
      return lane(model, ai.intervention, ai.receives.intervention.value, ai.doses, period);
    });
    const type = wordsField(arm, 'armType')?.words.value;
    arms.push({
      id: arm.id.value,
      label: textField(arm, 'label')?.text.value ?? arm.id.value,
      ...(type ? { type } : {}),
      lanes,
      periods: calendar.periods.map(periodOf),
      source: sourceOf(arm.id.range),
    });
  }
  const unused = [...model.interventions.values()].filter((iv) => armsReceiving(model, iv.id.value).length === 0 && dosesOf(iv).length > 0);
  if (unused.length) {
    arms.push({ id: '', label: 'Not received by any arm', lanes: unused.map((iv) => lane(model, iv, iv.id.value, dosesOf(iv), undefined)), periods: calendar.periods.map(periodOf) });
  }
  const days: number[] = [];
  for (const a of arms) {
    for (const l of a.lanes) {
      for (const m of l.marks) days.push(m.day);
      for (const s of l.spans) days.push(s.from, ...(s.to === Infinity ? [] : [s.to]));
      for (const s of l.stops) days.push(s.day);
    }
  }
  for (const p of calendar.periods) days.push(p.startDay, p.endDay);
  const firstDay = Math.min(1, ...days);
  let lastDay = days.length ? Math.max(...days) : DEFAULT_DAYS;
  // Open-ended dosing runs on a little past the last day written, so the arrow shows.
  if (arms.some((a) => a.lanes.some((l) => l.spans.some((s) => s.openEnd)))) lastDay = Math.max(lastDay + 14, DEFAULT_DAYS);
  return { arms, firstDay, lastDay: Math.max(lastDay, firstDay + 1) };
}
