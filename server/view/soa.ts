/**
 * The schedule-of-activities grid as data: visits in calendar order (columns, with their period and
 * window) × what is assessed (rows: each `assess` line, then each outcome at the visits its time
 * frame falls on). Computed by the core; rendered by render-soa.ts.
 */
import { statementsOf, studyCalendar, timePointStudyDay, visitBounds, type TrialModel } from '../model';
import { measureLabels } from '../wording';
import { periodOf, type CalendarPeriod } from './calendar';
import { type SourceRef, sourceOf } from './source';

export interface SoaVisit {
  name: string;
  /** Study day; null when its period is not declared. */
  day: number | null;
  period?: string;
  /** "−3 to +3 days", when the visit has a window. */
  window?: string;
  source: SourceRef;
}

export interface SoaRow {
  kind: 'measure' | 'procedure' | 'outcome';
  label: string;
  /** One entry per visit (same order as `visits`): the source of the mark, or null. */
  cells: (SourceRef | null)[];
  source: SourceRef;
}

export interface ScheduleOfActivities {
  periods: CalendarPeriod[];
  visits: SoaVisit[];
  rows: SoaRow[];
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

export function scheduleOfActivities(model: TrialModel): ScheduleOfActivities {
  const calendar = studyCalendar(model);
  const timings = [...calendar.visits].sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || a.visit.range.start.offset - b.visit.range.start.offset);
  const visits: SoaVisit[] = timings.map((t) => ({
    name: t.visit.id.value,
    day: t.day,
    ...(t.period ? { period: t.period.period.id.value } : {}),
    ...(t.window ? { window: `${signed(Math.round(t.window.before))} to ${signed(Math.round(t.window.after))} days` } : {}),
    source: sourceOf(t.visit.id.range),
  }));
  const index = new Map(timings.map((t, i) => [t.visit.id.value, i]));
  const labels = measureLabels(model);
  const rows: SoaRow[] = [];
  for (const a of model.assessments) {
    const cells: (SourceRef | null)[] = visits.map(() => null);
    for (const v of a.visits) {
      const i = index.get(v.value);
      if (i !== undefined) cells[i] = sourceOf(v.range);
    }
    const label = a.measure ? (labels.get(a.measure.value) ?? a.measure.value) : (a.procedure?.value ?? '');
    rows.push({ kind: a.measure ? 'measure' : 'procedure', label, cells, source: sourceOf(a.range) });
  }
  const bounds = timings.map(visitBounds);
  for (const o of model.outcomes) {
    const points = statementsOf(o, 'TimeFrame').flatMap((tf) => tf.points);
    if (points.length === 0) continue;
    const cells: (SourceRef | null)[] = visits.map(() => null);
    for (const p of points) {
      const day = timePointStudyDay(p);
      bounds.forEach((b, i) => {
        if (b && b.first <= day && day <= b.last) cells[i] = sourceOf(p.range);
      });
    }
    rows.push({ kind: 'outcome', label: `${o.level.value[0]!.toUpperCase()}${o.level.value.slice(1)} outcome: ${o.title.value}`, cells, source: sourceOf(o.title.range) });
  }
  return { periods: calendar.periods.map(periodOf), visits, rows };
}
