/**
 * Derived facts the rules share, computed once per model (WeakMap cache): study days of doses,
 * taper/stop days, the planned study duration, the units written in the document with their
 * place. Schedule math: Day 1 is the first day of treatment, there is no Day 0, a month is
 * 30.4375 days and a year 365.25 days (UCUM `mo`, `a`, through the units module).
 */
import type * as A from '../../grammar/ast';
import { administrationsPerDay } from '../../grammar/vocabulary';
import { armInterventions, dosesOf, registryValue, statementsOf, wordsField, type TrialModel } from '../model';
import { analyzeUnit, toDays, type UnitAnalysis } from '../units';

/** Where a unit is written: decides which dimension it must have. */
export type UnitPlace =
  | 'dose'
  | 'max-dose'
  | 'target'
  | 'condition-threshold'
  | 'criterion-threshold'
  | 'measure'
  | 'age'
  | 'duration'
  | 'interval'
  | 'schedule-for';

export interface UnitUse {
  unit: A.Located<string>;
  place: UnitPlace;
  analysis: UnitAnalysis;
  /** The measure a threshold or target is compared with. */
  measure?: string;
}

/** The study days a dose covers. `end` is Infinity when the dosing runs on with no end written. */
export interface DoseSpan {
  dose: A.DoseStmt;
  intervention?: A.InterventionBlock;
  start: number;
  end: number;
  /** Listed days (`on days 1, 8 and 15`), when the schedule lists them. */
  days?: number[];
}

export interface TaperSpan {
  stmt: A.TaperStmt | A.StopStmt;
  /** First day of the taper (or the stop day). */
  start: number;
  /** Last day of dosing. */
  end: number;
}

export interface Facts {
  units: UnitUse[];
  /** Planned study duration in days, when `duration` is written and is a time. */
  studyDays?: number;
  durationStmt?: A.DurationStmt;
  /** Taper and stop statements of each intervention, in days. */
  tapers: Map<A.InterventionBlock, TaperSpan[]>;
  /** Every dose statement (interventions' and arms' overrides) with its span. */
  spans: Map<A.DoseStmt, DoseSpan>;
  /** Intervention types by intervention id (registry values; undefined when unknown). */
  interventionTypes: Map<string, string | undefined>;
}

const cache = new WeakMap<TrialModel, Facts>();

export function facts(model: TrialModel): Facts {
  let f = cache.get(model);
  if (!f) {
    f = compute(model);
    cache.set(model, f);
  }
  return f;
}

export function quantityDays(q: A.Quantity | undefined): number | undefined {
  if (!q) return undefined;
  const d = toDays(q.value.value, q.unit.value);
  return d === null ? undefined : d;
}

/** Administrations per day of a dose's frequency, when fixed. */
export function perDay(dose: A.DoseStmt): number | undefined {
  const f = dose.frequency;
  if (!f) return undefined;
  if (f.kind === 'named') return administrationsPerDay(f.code) ?? undefined;
  const days = quantityDays(f.interval);
  return days && days > 0 ? 1 / days : undefined;
}

function compute(model: TrialModel): Facts {
  const units: UnitUse[] = [];
  const use = (unit: A.Located<string> | undefined, place: UnitPlace, measure?: string): void => {
    if (!unit) return;
    units.push({ unit, place, analysis: analyzeUnit(unit.value), ...(measure ? { measure } : {}) });
  };
  const useDose = (dose: A.DoseStmt): void => {
    use(dose.amount.unit, 'dose');
    if (dose.frequency?.kind === 'every') use(dose.frequency.interval.unit, 'interval');
    if (dose.schedule?.for && !/^cycles?$/i.test(dose.schedule.for.unit.value)) use(dose.schedule.for.unit, 'schedule-for');
    if (dose.condition?.threshold) use(dose.condition.threshold.unit, 'condition-threshold', dose.condition.measure.value);
  };

  const durationStmt = statementsOf(model.trial, 'Duration')[0];
  if (durationStmt) use(durationStmt.duration.unit, 'duration');
  const studyDays = quantityDays(durationStmt?.duration);

  for (const m of model.measures.values()) use(m.unit, 'measure');

  const tapers = new Map<A.InterventionBlock, TaperSpan[]>();
  const spans = new Map<A.DoseStmt, DoseSpan>();
  const interventionTypes = new Map<string, string | undefined>();

  for (const iv of model.interventions.values()) {
    const words = wordsField(iv, 'interventionType')?.words.value;
    interventionTypes.set(iv.id.value, words ? registryValue(words, 'InterventionType') : undefined);
    const list: TaperSpan[] = [];
    for (const s of iv.statements) {
      if (s.kind === 'Dose') useDose(s);
      else if (s.kind === 'MaxDose') use(s.amount.unit, 'max-dose');
      else if (s.kind === 'Adjust') use(s.target?.unit, 'target', s.measure.value);
      else if (s.kind === 'Taper') {
        use(s.after.unit, 'duration');
        use(s.over?.unit, 'duration');
        const after = quantityDays(s.after);
        const over = s.over ? quantityDays(s.over) : 0;
        if (after !== undefined && over !== undefined) list.push({ stmt: s, start: 1 + after, end: after + over });
      } else if (s.kind === 'Stop') {
        use(s.after.unit, 'duration');
        const after = quantityDays(s.after);
        if (after !== undefined) list.push({ stmt: s, start: after, end: after });
      }
    }
    tapers.set(iv, list);
  }

  for (const arm of model.arms.values()) {
    for (const r of statementsOf(arm, 'Receives')) r.doses.forEach(useDose);
  }

  for (const stmt of model.eligibility?.statements ?? []) {
    if (stmt.kind === 'Age') {
      use(stmt.min?.unit, 'age');
      use(stmt.max?.unit, 'age');
    } else if (stmt.kind === 'Criterion' && stmt.threshold) {
      use(stmt.threshold.unit, 'criterion-threshold', stmt.measure?.value);
    }
  }
  units.sort((a, b) => a.unit.range.start.offset - b.unit.range.start.offset);

  const spanOf = (dose: A.DoseStmt, iv: A.InterventionBlock | undefined): DoseSpan => {
    const s = dose.schedule;
    const base = { dose, ...(iv ? { intervention: iv } : {}) };
    if (s && s.days.length > 0) {
      const days = s.days.map((d) => d.value);
      return { ...base, start: Math.min(...days), end: Math.max(...days), days };
    }
    const start = s?.from?.value ?? 1;
    let end = Infinity;
    if (s?.to) end = s.to.value;
    else if (s?.for) {
      const d = quantityDays(s.for);
      if (d !== undefined) end = start + d - 1;
    } else if (dose.frequency?.kind === 'named' && dose.frequency.code === 'once') end = start;
    else if (!dose.frequency) end = start;
    if (end === Infinity && iv) {
      const t = tapers.get(iv) ?? [];
      if (t.length) end = Math.max(...t.map((x) => x.end));
    }
    return { ...base, start, end };
  };
  for (const iv of model.interventions.values()) for (const d of dosesOf(iv)) spans.set(d, spanOf(d, iv));
  for (const arm of model.arms.values()) {
    for (const ai of armInterventions(model, arm)) for (const d of ai.receives.doses) spans.set(d, spanOf(d, ai.intervention));
  }

  return { units, ...(studyDays !== undefined ? { studyDays } : {}), ...(durationStmt ? { durationStmt } : {}), tapers, spans, interventionTypes };
}

/** Every dose statement with the intervention it belongs to (interventions' own, then arms' overrides). */
export function allDoses(model: TrialModel): { dose: A.DoseStmt; intervention?: A.InterventionBlock; arm?: A.ArmBlock }[] {
  const out: { dose: A.DoseStmt; intervention?: A.InterventionBlock; arm?: A.ArmBlock }[] = [];
  for (const iv of model.interventions.values()) for (const dose of dosesOf(iv)) out.push({ dose, intervention: iv });
  for (const arm of model.arms.values()) {
    for (const r of statementsOf(arm, 'Receives')) {
      const iv = model.interventions.get(r.intervention.value);
      for (const dose of r.doses) out.push({ dose, ...(iv ? { intervention: iv } : {}), arm });
    }
  }
  return out;
}

/** Interventional unless the study type says otherwise. */
export function isInterventional(model: TrialModel): boolean {
  const w = wordsField(model.trial, 'studyType')?.words.value;
  const v = w ? registryValue(w, 'StudyType') : undefined;
  return v === undefined || v === 'INTERVENTIONAL';
}

export function overallStatus(model: TrialModel): string | undefined {
  const w = wordsField(model.trial, 'status')?.words.value;
  return w ? registryValue(w, 'Status') : undefined;
}
