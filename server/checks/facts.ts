/**
 * Derived facts the rules share: study days of doses, taper/stop days, the planned study
 * duration, the units written in the document with their place. Schedule math: Day 1 is the first
 * day of treatment, there is no Day 0, a month is 30.4375 days and a year 365.25 days (UCUM `mo`,
 * `a`, through the units module).
 *
 * Two levels, both cached so a keystroke recomputes only what its edit touched:
 * - per item (`itemUnits`, `interventionFacts`, `doseSpan`): a function of one AST object only,
 *   cached in a WeakMap keyed by that object. parse.ts reuses the objects of unchanged segments
 *   (moving their positions in place), so these entries stay right for as long as the object lives;
 * - per model (`facts(model)`): the few document-wide values (study duration, intervention types,
 *   which arms receive each intervention), built once per model in one linear pass.
 */
import type * as A from '../../grammar/ast';
import { administrationsPerDay } from '../../grammar/vocabulary';
import { criteriaOf, cycleDays, dosesOf, forDays, insertInDocumentOrder, modelEditOf, registryValue, statementsOf, wordsField, type TrialModel } from '../model';
import { analyzeUnit, compareUnits, toDays, type UnitAnalysis, type UnitComparison } from '../units';

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

/** What one intervention block says on its own. */
export interface InterventionFacts {
  /** Taper and stop statements, in days. */
  tapers: TaperSpan[];
  /** The dose statements. */
  doses: A.DoseStmt[];
  /** The first `max dose` statement. */
  maxDose?: A.MaxDoseStmt;
  /** The first `max cumulative dose` statement. */
  maxCumulativeDose?: A.MaxDoseStmt;
  /** Registry intervention type (undefined when unknown). */
  type?: string;
}

/** Document-wide facts, built once per model. */
export interface Facts {
  /** Planned study duration in days, when `duration` is written and is a time. */
  studyDays?: number;
  durationStmt?: A.DurationStmt;
  /** Intervention types by intervention id (registry values; undefined when unknown). */
  interventionTypes: Map<string, string | undefined>;
  /** The arms (first declarations, in document order) with a `receives` of each intervention id. */
  receivers: Map<string, A.ArmBlock[]>;
}

const cache = new WeakMap<TrialModel, Facts>();

export function facts(model: TrialModel): Facts {
  let f = cache.get(model);
  if (!f) {
    f = derived(model) ?? compute(model);
    cache.set(model, f);
  }
  return f;
}

/**
 * The facts of a model derived incrementally (model.ts `modelEditOf`) from the previous model's:
 * the same object when the edit replaced no trial, intervention or arm; the intervention types
 * updated for replaced interventions and the receivers for replaced arms (the edit replaces an
 * item by one of the same name, so only the lists of the interventions the old or new arm names
 * change); undefined (compute afresh) when the trial was replaced.
 */
function derived(model: TrialModel): Facts | undefined {
  const edit = modelEditOf(model);
  const before = edit && cache.get(edit.previous);
  if (!edit || !before) return undefined;
  let types: Map<string, string | undefined> | undefined;
  let receivers: Map<string, A.ArmBlock[]> | undefined;
  // The pairs only: list entries (outcomes, sites, references) are no part of the facts.
  for (let i = 0; i < edit.paired; i++) {
    const item = edit.added[i]!;
    if (item.kind === 'TrialBlock') return undefined;
    if (item.kind === 'InterventionBlock') {
      types ??= new Map(before.interventionTypes);
      types.set(item.id.value, interventionFacts(item).type);
    } else if (item.kind === 'ArmBlock') {
      const old = edit.removed[i] as A.ArmBlock;
      receivers ??= new Map(before.receivers);
      replaceReceiver(receivers, old, item, model);
    }
  }
  if (!types && !receivers) return before;
  return { ...before, ...(types ? { interventionTypes: types } : {}), ...(receivers ? { receivers } : {}) };
}

/** The intervention names an arm's `receives` name, each once. */
function receivedNames(arm: A.ArmBlock): Set<string> {
  const names = new Set<string>();
  for (const s of arm.statements) if (s.kind === 'Receives') names.add(s.intervention.value);
  return names;
}

/**
 * `receivers` (a copy of the previous model's map, whose lists are not yet copied) with arm `old`
 * replaced by `arm`, its replacement of the same name: each list touched is copied, the old arm
 * taken out and the new one put at its place in document order (the arms are the first
 * declarations of their names, in document order, and `arm` takes the place of `old`).
 */
function replaceReceiver(receivers: Map<string, A.ArmBlock[]>, old: A.ArmBlock, arm: A.ArmBlock, model: TrialModel): void {
  if (model.arms.get(arm.id.value) !== arm) return;
  const names = new Set([...receivedNames(old), ...receivedNames(arm)]);
  const now = receivedNames(arm);
  for (const name of names) {
    const list = (receivers.get(name) ?? []).filter((a) => a !== old);
    if (now.has(name)) insertInDocumentOrder(list, arm);
    if (list.length > 0) receivers.set(name, list);
    else receivers.delete(name);
  }
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
  const durationStmt = statementsOf(model.trial, 'Duration')[0];
  const studyDays = quantityDays(durationStmt?.duration);
  const interventionTypes = new Map<string, string | undefined>();
  for (const iv of model.interventions.values()) interventionTypes.set(iv.id.value, interventionFacts(iv).type);
  const receivers = new Map<string, A.ArmBlock[]>();
  for (const arm of model.arms.values()) {
    for (const s of arm.statements) {
      if (s.kind !== 'Receives') continue;
      const list = receivers.get(s.intervention.value);
      if (!list) receivers.set(s.intervention.value, [arm]);
      else if (list[list.length - 1] !== arm) list.push(arm);
    }
  }
  return { ...(studyDays !== undefined ? { studyDays } : {}), ...(durationStmt ? { durationStmt } : {}), interventionTypes, receivers };
}

// --- per item ---------------------------------------------------------------------------------

/** The items that write units (`itemUnits`). */
export const UNIT_ITEMS = ['TrialBlock', 'MeasureDecl', 'InterventionBlock', 'ArmBlock', 'EligibilityBlock'] as const;

/** `deps` of a rule comparing an item's thresholds with their measures: the measure each one names. */
export function measureDeps(item: A.TopItem, model: TrialModel): readonly (A.MeasureDecl | undefined)[] {
  const names = measureNames(item);
  if (names.length === 0) return NO_MEASURES;
  const out: (A.MeasureDecl | undefined)[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = model.measures.get(names[i]!);
  return out;
}

const NO_MEASURES: readonly (A.MeasureDecl | undefined)[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);
const measureNamesCache = new WeakMap<A.TopItem, readonly string[]>();

/** The measures an item's thresholds and targets name, in order (a function of the item). */
function measureNames(item: A.TopItem): readonly string[] {
  let names = measureNamesCache.get(item);
  if (!names) {
    const list: string[] = [];
    for (const u of itemUnits(item)) if (u.measure) list.push(u.measure);
    names = list.length ? list : NO_NAMES;
    measureNamesCache.set(item, names);
  }
  return names;
}

/** A threshold or target written in an item, with its measure's declared unit and how the two compare. */
export interface MeasuredUnit {
  use: UnitUse & { measure: string };
  measure: A.MeasureDecl & { unit: A.Located<string> };
  comparison: UnitComparison;
}

/**
 * Every valid threshold or target unit in an item whose measure declares a unit, compared with it
 * (the shared loop of the rules that judge thresholds against their measures). `at` marks the unit
 * being judged, so a rule that throws is reported there.
 */
export function measuredUnits(item: A.TopItem, model: TrialModel, at: (range: A.Range) => void): MeasuredUnit[] {
  const out: MeasuredUnit[] = [];
  for (const use of itemUnits(item)) {
    if (!use.measure || use.analysis.status === 'invalid') continue;
    at(use.unit.range);
    const measure = model.measures.get(use.measure);
    if (!measure?.unit) continue;
    out.push({
      use: use as UnitUse & { measure: string },
      measure: measure as A.MeasureDecl & { unit: A.Located<string> },
      comparison: compareUnits(use.unit.value, measure.unit.value),
    });
  }
  return out;
}

/** `for 6 cycles`, `for 4 doses`: counts, not times (their length comes from the interval). */
const CYCLES = /^(cycles?|doses)$/i;
const unitsCache = new WeakMap<A.TopItem, readonly UnitUse[]>();
const NO_UNITS: readonly UnitUse[] = Object.freeze([]);

/**
 * The units written in one item, in source order, with their place: the trial's `duration` (the
 * first one), a measure's unit, an intervention's doses, max dose, targets, tapers and stops, an
 * arm's own doses, eligibility ages and thresholds.
 */
export function itemUnits(item: A.TopItem): readonly UnitUse[] {
  let list = unitsCache.get(item);
  if (!list) {
    list = computeUnits(item);
    unitsCache.set(item, list);
  }
  return list;
}

function computeUnits(item: A.TopItem): readonly UnitUse[] {
  const units: UnitUse[] = [];
  const use = (unit: A.Located<string> | undefined, place: UnitPlace, measure?: string): void => {
    if (!unit) return;
    // Two literals rather than a spread (`measure` absent, not undefined, when there is none).
    units.push(measure ? { unit, place, analysis: analyzeUnit(unit.value), measure } : { unit, place, analysis: analyzeUnit(unit.value) });
  };
  const useDose = (dose: A.DoseStmt): void => {
    use(dose.amount?.unit, 'dose');
    if (dose.frequency?.kind === 'every') use(dose.frequency.interval.unit, 'interval');
    if (dose.schedule?.for && !CYCLES.test(dose.schedule.for.unit.value)) use(dose.schedule.for.unit, 'schedule-for');
    if (dose.condition?.threshold) use(dose.condition.threshold.unit, 'condition-threshold', dose.condition.measure.value);
  };
  switch (item.kind) {
    case 'TrialBlock': {
      const duration = statementsOf(item, 'Duration')[0];
      if (duration) use(duration.duration.unit, 'duration');
      break;
    }
    case 'MeasureDecl':
      use(item.unit, 'measure');
      break;
    case 'InterventionBlock':
      for (const s of item.statements) {
        if (s.kind === 'Dose') useDose(s);
        else if (s.kind === 'MaxDose') use(s.amount.unit, 'max-dose');
        else if (s.kind === 'Adjust') use(s.target?.unit, 'target', s.measure.value);
        else if (s.kind === 'Taper') {
          use(s.after.unit, 'duration');
          use(s.over?.unit, 'duration');
        } else if (s.kind === 'Stop') use(s.after.unit, 'duration');
      }
      break;
    case 'ArmBlock':
      for (const s of item.statements) if (s.kind === 'Receives') s.doses.forEach(useDose);
      break;
    case 'EligibilityBlock':
      for (const stmt of item.statements) {
        if (stmt.kind !== 'Age') continue;
        use(stmt.min?.unit, 'age');
        use(stmt.max?.unit, 'age');
      }
      // The populations' criteria too, in document order with the study's.
      for (const c of criteriaOf(item)) if (c.threshold) use(c.threshold.unit, 'criterion-threshold', c.measure?.value);
      break;
    default:
      return NO_UNITS;
  }
  if (units.length === 0) return NO_UNITS;
  units.sort((a, b) => a.unit.range.start.offset - b.unit.range.start.offset);
  return units;
}

const interventionCache = new WeakMap<A.InterventionBlock, InterventionFacts>();

export function interventionFacts(iv: A.InterventionBlock): InterventionFacts {
  let f = interventionCache.get(iv);
  if (f) return f;
  const tapers: TaperSpan[] = [];
  const doses: A.DoseStmt[] = [];
  let maxDose: A.MaxDoseStmt | undefined;
  let maxCumulativeDose: A.MaxDoseStmt | undefined;
  for (const s of iv.statements) {
    if (s.kind === 'Dose') doses.push(s);
    else if (s.kind === 'MaxDose' && !s.cumulative) maxDose ??= s;
    else if (s.kind === 'MaxDose') maxCumulativeDose ??= s;
    else if (s.kind === 'Taper') {
      const after = quantityDays(s.after);
      const over = s.over ? quantityDays(s.over) : 0;
      if (after !== undefined && over !== undefined) tapers.push({ stmt: s, start: 1 + after, end: after + over });
    } else if (s.kind === 'Stop') {
      const after = quantityDays(s.after);
      if (after !== undefined) tapers.push({ stmt: s, start: after, end: after });
    }
  }
  const words = wordsField(iv, 'interventionType')?.words.value;
  const type = words ? registryValue(words, 'InterventionType') : undefined;
  f = { tapers, doses, ...(maxDose ? { maxDose } : {}), ...(maxCumulativeDose ? { maxCumulativeDose } : {}), ...(type !== undefined ? { type } : {}) };
  interventionCache.set(iv, f);
  return f;
}

const spanCache = new WeakMap<A.DoseStmt, { intervention: A.InterventionBlock | undefined; span: DoseSpan }>();

/**
 * The study days a dose covers, given the intervention it belongs to (its tapers and stops end a
 * dosing written with no end). A function of the dose and the intervention objects only.
 */
export function doseSpan(dose: A.DoseStmt, iv: A.InterventionBlock | undefined): DoseSpan {
  const hit = spanCache.get(dose);
  if (hit && hit.intervention === iv) return hit.span;
  const span = computeSpan(dose, iv);
  spanCache.set(dose, { intervention: iv, span });
  return span;
}

function computeSpan(dose: A.DoseStmt, iv: A.InterventionBlock | undefined): DoseSpan {
  const s = dose.schedule;
  if (s && s.days.length > 0) {
    const days = cycleDays(dose) ?? s.days.map((d) => d.value);
    return span(dose, iv, Math.min(...days), Math.max(...days), days);
  }
  const start = s?.from?.value ?? 1;
  let end = Infinity;
  if (s?.to) end = s.to.value;
  else if (s?.for) {
    const d = forDays(dose);
    if (d !== null) end = start + d - 1;
  } else if (dose.frequency?.kind === 'named' && dose.frequency.code === 'once') end = start;
  else if (!dose.frequency) end = start;
  if (end === Infinity && iv) {
    const t = interventionFacts(iv).tapers;
    if (t.length) end = Math.max(...t.map((x) => x.end));
  }
  return span(dose, iv, start, end, undefined);
}

/** A span with the keys in the order they always had (`intervention` and `days` only when there is one), built without spreads. */
function span(dose: A.DoseStmt, iv: A.InterventionBlock | undefined, start: number, end: number, days: number[] | undefined): DoseSpan {
  if (days) return iv ? { dose, intervention: iv, start, end, days } : { dose, start, end, days };
  return iv ? { dose, intervention: iv, start, end } : { dose, start, end };
}

/**
 * The span of a dose of the model, as the checks see it: every dose of the model's interventions,
 * and the arms' own doses (`receives x { dose … }`) with the intervention they name. Undefined for
 * a dose no intervention or arm override of the model gives.
 */
export function modelSpan(model: TrialModel, dose: A.DoseStmt, iv: A.InterventionBlock | undefined, receives?: A.ReceivesStmt): DoseSpan | undefined {
  if (receives) return receives.overrideBlock !== undefined && receives.doses.length > 0 ? doseSpan(dose, iv) : undefined;
  return iv ? doseSpan(dose, iv) : undefined;
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

/**
 * The doses of one item with the intervention each belongs to: an intervention's own doses, or an
 * arm's override doses (with the intervention its `receives` names, from the model).
 */
export function itemDoses(item: A.InterventionBlock | A.ArmBlock, model: TrialModel): readonly ItemDose[] {
  // Seven rules ask for the doses of the same item one after the other (item-cache.ts runs an
  // item's rules together): built once per item and model.
  // By model, then item: nothing here keeps a model alive (an item outlives its model).
  let byItem = itemDosesCache.get(model);
  if (!byItem) itemDosesCache.set(model, (byItem = new WeakMap()));
  let doses = byItem.get(item);
  if (!doses) byItem.set(item, (doses = computeItemDoses(item, model)));
  return doses;
}

export interface ItemDose {
  readonly dose: A.DoseStmt;
  readonly intervention?: A.InterventionBlock;
  readonly receives?: A.ReceivesStmt;
}

const itemDosesCache = new WeakMap<TrialModel, WeakMap<A.InterventionBlock | A.ArmBlock, readonly ItemDose[]>>();

function computeItemDoses(item: A.InterventionBlock | A.ArmBlock, model: TrialModel): readonly ItemDose[] {
  const out: { dose: A.DoseStmt; intervention?: A.InterventionBlock; receives?: A.ReceivesStmt }[] = [];
  if (item.kind === 'InterventionBlock') {
    for (const s of item.statements) if (s.kind === 'Dose') out.push({ dose: s, intervention: item });
    return out;
  }
  for (const r of item.statements) {
    if (r.kind !== 'Receives' || r.doses.length === 0) continue;
    const iv = model.interventions.get(r.intervention.value);
    for (const dose of r.doses) out.push({ dose, ...(iv ? { intervention: iv } : {}), receives: r });
  }
  return out;
}

/** The interventions an arm's `receives` name (undefined where none is declared), for `deps`. */
export function receivedInterventions(arm: A.ArmBlock, model: TrialModel): (A.InterventionBlock | undefined)[] {
  const out: (A.InterventionBlock | undefined)[] = [];
  for (const s of arm.statements) if (s.kind === 'Receives') out.push(model.interventions.get(s.intervention.value));
  return out;
}

/** What `perArm` keeps per arm object: the finding and the interventions it was computed with. */
export type PerArmCache<T> = WeakMap<A.ArmBlock, { ivs: (A.InterventionBlock | undefined)[]; value: T; interventions: ReadonlyMap<string, A.InterventionBlock> }>;

/**
 * A document rule's finding for one arm, computed from the arm and the interventions it receives
 * only, and kept per arm object until one of them changes: a document rule that goes over every
 * arm then costs a lookup per unchanged arm on a keystroke. While the model's interventions map is
 * the one the entry was checked against (a model keeps the map when no intervention is replaced,
 * added or removed; it never changes a map in place), the arm's interventions are those of the
 * entry without looking them up; after an edit that replaced interventions, so are those of an arm
 * receiving none of them (`arm` is one of `model.arms`). Checking the entry allocates nothing.
 */
export function perArm<T>(cache: PerArmCache<T>, arm: A.ArmBlock, model: TrialModel, compute: () => T): T {
  const hit = cache.get(arm);
  if (hit) {
    if (hit.interventions === model.interventions) return hit.value;
    // Checked against the previous model's map, and receiving none of the interventions the edit replaced.
    const edit = modelEditOf(model);
    if (edit && hit.interventions === edit.previous.interventions && !armsReceivingReplaced(model, edit.added).has(arm)) {
      hit.interventions = model.interventions;
      return hit.value;
    }
    let k = 0;
    let same = true;
    for (const s of arm.statements) {
      if (s.kind !== 'Receives') continue;
      if (hit.ivs[k++] !== model.interventions.get(s.intervention.value)) {
        same = false;
        break;
      }
    }
    if (same && k === hit.ivs.length) {
      hit.interventions = model.interventions;
      return hit.value;
    }
  }
  const value = compute();
  cache.set(arm, { ivs: receivedInterventions(arm, model), value, interventions: model.interventions });
  return value;
}

/**
 * For a document rule over the arms whose findings are per arm (`perArm` with `cache`, `findings`
 * computing one arm's): whether the edit that derived `model` left every arm's findings as they
 * were on the previous model, because the arms it can have changed had none there and have none
 * now — the arms it replaced, and the arms receiving an intervention it replaced (every other arm
 * and the interventions it receives are the same objects). The rule's `unchangedBy`: its findings
 * on the previous model are then reused (document-cache.ts), and an edit of one arm or
 * intervention costs those arms, not a visit of every arm.
 */
export function armFindingsUnchanged<T>(cache: PerArmCache<readonly T[]>, model: TrialModel, findings: (arm: A.ArmBlock) => readonly T[]): boolean {
  const edit = modelEditOf(model);
  if (!edit) return false;
  // What the arm had on the previous model: its entry, when made with the interventions it received there.
  const hadNone = (arm: A.ArmBlock): boolean => {
    const hit = cache.get(arm);
    if (!hit || hit.value.length > 0) return false;
    const ivs = receivedInterventions(arm, edit.previous);
    return ivs.length === hit.ivs.length && ivs.every((iv, i) => iv === hit.ivs[i]);
  };
  for (let i = 0; i < edit.paired; i++) {
    const now = edit.added[i]!;
    if (now.kind !== 'ArmBlock') continue;
    if (!hadNone(edit.removed[i] as A.ArmBlock) || findings(now).length > 0) return false;
  }
  for (const arm of armsReceivingReplaced(model, edit.added)) {
    if (!edit.added.includes(arm) && (!hadNone(arm) || findings(arm).length > 0)) return false;
  }
  return true;
}

const receivingReplaced = new WeakMap<TrialModel, ReadonlySet<A.ArmBlock>>();

/** The arms (first declarations) receiving an intervention that the edit giving `model` replaced (`added`: the replacements, same names). */
function armsReceivingReplaced(model: TrialModel, added: readonly A.TopItem[]): ReadonlySet<A.ArmBlock> {
  let arms = receivingReplaced.get(model);
  if (!arms) {
    const set = new Set<A.ArmBlock>();
    const receivers = facts(model).receivers;
    for (const item of added) if (item.kind === 'InterventionBlock') for (const arm of receivers.get(item.id.value) ?? []) set.add(arm);
    arms = set;
    receivingReplaced.set(model, arms);
  }
  return arms;
}

/** Interventional unless the study type says otherwise. */
export function isInterventional(model: TrialModel): boolean {
  const w = wordsField(model.trial, 'studyType')?.words.value;
  const v = w ? registryValue(w, 'StudyType') : undefined;
  return v === undefined || v === 'INTERVENTIONAL';
}

export function overallStatus(model: TrialModel): string | undefined {
  return trialStatus(model.trial).status;
}

/**
 * The words of the trial block's `status` and the registry value they name: a function of the
 * trial block object, asked for every site of every check, so the last answer is kept (one
 * comparison instead of a scan of the trial's statements per site).
 */
export function trialStatus(trial: A.TrialBlock | undefined): { words: string | undefined; status: string | undefined } {
  if (lastStatus && lastStatus.trial === trial) return lastStatus;
  const words = wordsField(trial, 'status')?.words.value;
  lastStatus = { trial, words, status: words ? registryValue(words, 'Status') : undefined };
  return lastStatus;
}
let lastStatus: { trial: A.TrialBlock | undefined; words: string | undefined; status: string | undefined } | undefined;
