/**
 * Incremental checking of per-item rules (types.ts `ItemRule`).
 *
 * parse.ts reuses the AST objects of the segments an edit did not touch, and moves their positions
 * in place. So an item object that survives an edit has the same content; only where it sits
 * changed. The engine keeps, per rule and per item object (a WeakMap: a dropped item frees its
 * entry), the diagnostics the rule reported on it together with what they were computed from: the
 * rule's document-wide `facts` and the item's `deps`, compared element by element with `===`.
 * When both are unchanged the item is not checked again.
 *
 * A cached diagnostic must follow its item when an edit above moves it. Every position in it (the
 * range and any range inside `data`, such as quick-fix edits) either is a segment's position
 * already (line-index.ts `RelativePosition`, as the AST's are) or is stored relative to the start
 * of the item, or of the dependency item that contains it, as a `RelativePosition` on that item's
 * start: it reads the item's current place, so nothing is rebuilt when items move. Items start at
 * column 0 and move by whole lines, so characters never change. A diagnostic with a position
 * outside every anchor item is not cached: that item is checked again next time.
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic } from '../../grammar/diagnostic';
import { RelativePosition as SegmentPosition, type PositionBase } from '../../grammar/line-index';
import { editOf, type ParseResult } from '../../grammar/parse';
import { modelEditOf, type TrialModel } from '../model';
import { ALL_RULES } from './rules';
import type { ItemKind, ItemRule, RuleContext } from './types';

/** Whether per-item rules see this item: the first `trial`, `design` … block, the first declaration of each name, every outcome, site and reference. */
function isModelItem(model: TrialModel, item: A.TopItem): boolean {
  switch (item.kind) {
    case 'TrialBlock': return model.trial === item;
    case 'DesignBlock': return model.design === item;
    case 'SponsorsBlock': return model.sponsors === item;
    case 'EligibilityBlock': return model.eligibility === item;
    case 'ScheduleBlock': return model.schedule === item;
    case 'OversightBlock': return model.oversight === item;
    case 'IpdSharingBlock': return model.ipdSharing === item;
    case 'MeasureDecl': return model.measures.get(item.id.value) === item;
    case 'InterventionBlock': return model.interventions.get(item.id.value) === item;
    case 'ArmBlock': return model.arms.get(item.id.value) === item;
    default: return true;
  }
}

interface Entry {
  facts: readonly unknown[];
  deps: readonly unknown[];
  /** The declaration state the deps were last computed or confirmed in (see `declarationState`). */
  state: DeclarationState | undefined;
  /** The diagnostics, every position in them tied to its segment or to an anchor item (it follows them). */
  stored: readonly Diagnostic[];
  /** For a rule whose messages name lines (`namesLines`): the item's line when checked. */
  line?: number;
}

const NONE: readonly unknown[] = Object.freeze([]);
const NO_ENTRIES: readonly Entry[] = Object.freeze([]);

/** Item kinds, to tell dependency items (anchors) from other dependencies. */
const ITEM_KINDS = new Set<string>(['TrialBlock', 'DesignBlock', 'SponsorsBlock', 'MeasureDecl', 'InterventionBlock', 'ArmBlock', 'EligibilityBlock', 'OutcomeBlock', 'ScheduleBlock', 'SiteDecl', 'ReferenceDecl', 'LinkDecl', 'OversightBlock', 'IpdSharingBlock']);

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What the built-in rules' `deps` read besides the item itself: the declarations by name (the
 * measures, interventions, arms and visits maps), the single blocks, and what is derived from the
 * arms (facts' `receivers`). Two models with the same declaration objects get the same state
 * object, so an unchanged item's deps of a built-in rule need not be recomputed nor compared:
 * they are what they were. Only the last state is kept (interning by comparison with it).
 */
interface DeclarationState {
  maps: readonly ReadonlyMap<string, unknown>[];
  singles: readonly unknown[];
  /** The state this one follows, when it differs from it only by replaced measure, intervention or visit objects and single blocks. */
  previous?: DeclarationState;
  /** The objects of `previous` replaced in this state. */
  replaced?: Set<unknown>;
  /** The objects that took the place of the replaced ones. */
  incoming?: unknown[];
  /** Items whose derived inputs (the arms receiving them) may have changed: their deps are computed again. */
  affected?: Set<unknown>;
  /** The model the state was last computed or confirmed for (lets the next model derived from it skip the comparison). */
  model?: TrialModel;
}

let lastState: DeclarationState | undefined;

const ARMS = 2;

/** The objects of `a` replaced in `b` (same keys in the same order), or undefined when the keys differ. */
function replacedIn(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>, into: Set<unknown>, incoming: unknown[], pairs?: unknown[]): boolean {
  if (a.size !== b.size) return false;
  const aKeys = a.keys();
  const aValues = a.values();
  const bKeys = b.keys();
  const bValues = b.values();
  for (let i = 0; i < a.size; i++) {
    const v = aValues.next().value;
    if (aKeys.next().value !== bKeys.next().value) return false;
    const w = bValues.next().value;
    if (w !== v) {
      into.add(v);
      incoming.push(w);
      pairs?.push(v, w);
    }
  }
  return true;
}

/** The single blocks `DeclarationState` covers, by item kind. */
const SINGLES: Partial<Record<A.TopItem['kind'], 'trial' | 'design' | 'sponsors' | 'eligibility' | 'schedule'>> = {
  TrialBlock: 'trial',
  DesignBlock: 'design',
  SponsorsBlock: 'sponsors',
  EligibilityBlock: 'eligibility',
  ScheduleBlock: 'schedule',
};

function declarationState(model: TrialModel): DeclarationState {
  const maps = [model.measures, model.interventions, model.arms, model.visits] as ReadonlyMap<string, unknown>[];
  const singles = [model.trial, model.design, model.sponsors, model.eligibility, model.schedule];
  const last = lastState;
  const edit = modelEditOf(model);
  if (last && edit && last.model === edit.previous) {
    // A model derived from the last one: what the comparison below would find is what the edit
    // replaced (same names, so the same keys), read from the edit instead of every map entry.
    const replaced = new Set<unknown>();
    const incoming: unknown[] = [];
    const arms: A.ArmBlock[] = [];
    for (let i = 0; i < edit.paired; i++) {
      const old = edit.removed[i]!;
      const item = edit.added[i]!;
      const single = SINGLES[old.kind];
      if (single ? edit.previous[single] !== old : old.kind !== 'MeasureDecl' && old.kind !== 'InterventionBlock' && old.kind !== 'ArmBlock') continue;
      replaced.add(old);
      incoming.push(item);
      if (old.kind === 'ArmBlock') arms.push(old, item as A.ArmBlock);
    }
    return next(last, model, maps, singles, replaced, incoming, arms);
  }
  if (last) {
    const replaced = new Set<unknown>();
    const incoming: unknown[] = [];
    const arms: unknown[] = [];
    let sameKeys = true;
    for (let i = 0; sameKeys && i < singles.length; i++) {
      const a = last.singles[i];
      const b = singles[i];
      if (a !== b) {
        if (a === undefined || b === undefined) sameKeys = false;
        else {
          replaced.add(a);
          incoming.push(b);
        }
      }
    }
    for (let i = 0; sameKeys && i < maps.length; i++) sameKeys = replacedIn(last.maps[i]!, maps[i]!, replaced, incoming, i === ARMS ? arms : undefined);
    if (sameKeys) return next(last, model, maps, singles, replaced, incoming, arms as A.ArmBlock[]);
    lastState = { maps, singles, model };
    forget(last);
  } else lastState = { maps, singles, model };
  return lastState;
}

/** The state after `last` with the same keys and these objects replaced (`last` itself when none was). */
function next(last: DeclarationState, model: TrialModel, maps: DeclarationState['maps'], singles: DeclarationState['singles'], replaced: Set<unknown>, incoming: unknown[], arms: readonly A.ArmBlock[]): DeclarationState {
  if (replaced.size === 0) {
    last.model = model;
    return last;
  }
  // A replaced arm can change what is derived from the arms (facts' receivers) for the
  // interventions it named before or names now: those are checked again in full.
  let affected: Set<unknown> | undefined;
  for (const arm of arms) {
    for (const st of arm.statements) {
      if (st.kind !== 'Receives') continue;
      const iv = model.interventions.get(st.intervention.value);
      if (iv) (affected ??= new Set()).add(iv);
    }
  }
  lastState = { maps, singles, previous: last, replaced, incoming, model, ...(affected ? { affected } : {}) };
  forget(last);
  return lastState;
}

/** Only one step back is ever looked at: do not keep a chain of old states (and their ASTs, their model) alive. */
function forget(last: DeclarationState): void {
  last.previous = undefined;
  last.replaced = undefined;
  last.incoming = undefined;
  last.affected = undefined;
  last.model = undefined;
}

/** Whether deps computed in state `was` are still those of state `now` (deps name no replaced object). */
function stillValid(deps: readonly unknown[], was: DeclarationState | undefined, now: DeclarationState | undefined): boolean {
  if (now === undefined || was === undefined) return false;
  if (was === now) return true;
  if (now.previous !== was || !now.replaced) return false;
  for (let i = 0; i < deps.length; i++) if (now.replaced.has(deps[i])) return false;
  return true;
}

/** The rules whose `deps` are known to read only what `DeclarationState` covers. */
let builtIn: WeakSet<ItemRule> | undefined;
function isBuiltIn(rule: ItemRule): boolean {
  builtIn ??= new WeakSet(ALL_RULES as unknown as ItemRule[]);
  return builtIn.has(rule);
}

/** A per-item rule being run, with its slot (identity in a run's key) and its facts of this run. */
export interface RunningRule {
  rule: ItemRule;
  /**
   * The rule's functions and flag, read once: every rule object has its own shape, so reading them
   * from the rule at each item is a megamorphic load (a running rule has one shape).
   */
  checkItem: ItemRule['checkItem'];
  deps: ItemRule['deps'];
  namesLines: boolean;
  slot: number;
  facts: readonly unknown[];
  context: RuleContext;
  internalError: (e: unknown) => void;
  /** Set when the rule threw: it is not run on further items. */
  failed?: boolean;
  /** The run's declaration state, for built-in rules (undefined: always compute and compare deps). */
  state?: DeclarationState;
  /** Where recheck collects what the rule reports on one item. */
  sink?: ReportSink;
  /** The entry of every item this rule found nothing on, when the rule has no deps and names no lines (see `recheck`). */
  clean?: Entry;
}

/** Every item rule gets a slot: its identity in a run's key (`runKey`). */
const slots = new WeakMap<ItemRule, number>();
let nextSlot = 0;
function slotOf(rule: ItemRule): number {
  let slot = slots.get(rule);
  if (slot === undefined) {
    slot = nextSlot++;
    slots.set(rule, slot);
  }
  return slot;
}

/**
 * The place of each rule in the entry lists of one item kind: the rules of that kind only, so an
 * item's list holds a handful of entries, not one per item rule (a list per item lives as long
 * as the item). A kind's places are never reused, so an entry always belongs to the same rule.
 */
interface KindPlaces {
  places: WeakMap<ItemRule, number>;
  size: number;
}
const kindPlaces = new Map<string, KindPlaces>();
function placesOf(kind: string): KindPlaces {
  let k = kindPlaces.get(kind);
  if (!k) kindPlaces.set(kind, (k = { places: new WeakMap(), size: 0 }));
  return k;
}
function placeOf(k: KindPlaces, rule: ItemRule): number {
  let place = k.places.get(rule);
  if (place === undefined) {
    place = k.size++;
    k.places.set(rule, place);
  }
  return place;
}

/**
 * The cache of one item: its entry per rule (at the rule's place for the item's kind) and the summary of the built-in rules. Kept on
 * the item object itself under a symbol (non-enumerable: JSON and comparisons never see it), as
 * reading it is the one thing every item costs on a keystroke (a WeakMap lookup costs far more).
 */
interface ItemCache {
  list: (Entry | undefined)[];
  summary: ItemSummary | undefined;
}

const CACHE = Symbol('item-cache');

function cacheOf(item: A.TopItem, size: number): ItemCache {
  const holder = item as unknown as { [CACHE]?: ItemCache };
  let cache = holder[CACHE];
  if (!cache) {
    // Sized for the kind's rules at once (filled place by place, an empty list grew its backing store).
    cache = { list: new Array(size), summary: undefined };
    Object.defineProperty(item, CACHE, { value: cache, enumerable: false, writable: false, configurable: false });
  }
  return cache;
}

export function prepare(rule: ItemRule, model: TrialModel, context: RuleContext, internalError: (e: unknown) => void): RunningRule {
  const running: RunningRule = { rule, checkItem: rule.checkItem, deps: rule.deps, namesLines: rule.namesLines === true, slot: slotOf(rule), facts: NONE, context, internalError };
  try {
    if (rule.facts) running.facts = rule.facts(model);
  } catch (e) {
    running.failed = true;
    internalError(e);
  }
  return running;
}

/**
 * Run the per-item rules over the model's items: cached diagnostics for unchanged items, a fresh
 * check for the others. A throw stops that rule (one `internal-error`), as for a document rule; the
 * item that threw is not cached.
 *
 * After an incremental parse (grammar/parse.ts `editOf`) of the document the last run checked,
 * with the same rules and facts, not every item is visited: only the items the edit added, the
 * items whose deps name a declaration the edit replaced (the `dependents` index), the items that
 * took a replaced declaration's place, and the items that had diagnostics (`noisy`, to emit them
 * at their current place). Every other item had no diagnostic and still has none.
 */
export function runItemRules(running: readonly RunningRule[], model: TrialModel, found: Diagnostic[]): void {
  if (running.length === 0) return;
  let state: DeclarationState | undefined;
  for (const r of running) if (isBuiltIn(r.rule)) r.state = state ??= declarationState(model);
  const byKind = new Map<string, KindRules>();
  let allBuiltIn = true;
  for (const r of running) {
    for (const kind of r.rule.kinds as readonly string[]) {
      let lists = byKind.get(kind);
      if (!lists) byKind.set(kind, (lists = { builtIn: [], builtInPlaces: [], other: [], otherPlaces: [], size: 0 }));
      const places = placesOf(kind);
      const place = placeOf(places, r.rule);
      if (r.state) {
        lists.builtIn.push(r);
        lists.builtInPlaces.push(place);
      } else {
        lists.other.push(r);
        lists.otherPlaces.push(place);
      }
      lists.size = places.size;
      if (!r.state) allBuiltIn = false;
    }
  }
  const key = runKey(running);
  const edit = editOf(model.parse);
  const prior = edit && runs.get(edit.previous);
  if (edit) runs.delete(edit.previous);
  const noisy = new Set<A.TopItem>();
  if (prior && allBuiltIn && !anyFailed && prior.key === key && state !== undefined && (prior.state === state || state.previous === prior.state)) {
    for (const item of edit.removed) unlink(item);
    const removed = new Set(edit.removed);
    const visit = new Set<A.TopItem>();
    for (const item of prior.noisy) if (!removed.has(item)) visit.add(item);
    for (const item of edit.added) visit.add(item);
    if (state !== prior.state) {
      for (const old of state.replaced ?? NONE_SET) for (const item of dependents.get(old as object) ?? NONE_SET) visit.add(item as A.TopItem);
      for (const item of state.incoming ?? NONE) if (isTopItem(item)) visit.add(item);
      for (const item of state.affected ?? NONE_SET) visit.add(item as A.TopItem);
    }
    for (const item of visit) {
      const rules = byKind.get(item.kind);
      if (!rules || removed.has(item) || !isModelItem(model, item)) continue;
      if (visitItem(item, rules, model, key, state, found)) noisy.add(item);
    }
  } else {
    const items = model.document.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const rules = byKind.get(item.kind);
      if (!rules || !isModelItem(model, item)) continue;
      if (visitItem(item, rules, model, key, state, found)) noisy.add(item);
    }
  }
  if (allBuiltIn && !anyFailed) runs.set(model.parse, { key, state, noisy });
  anyFailed = false;
}

interface KindRules {
  builtIn: RunningRule[];
  /** Each rule's place in the kind's entry lists (`placeOf`), parallel to `builtIn`. */
  builtInPlaces: number[];
  other: RunningRule[];
  otherPlaces: number[];
  /** How many places the kind has (the length of a new item's list). */
  size: number;
}

/** What a run left for the next run of the same document (keyed by its parse). */
interface Run {
  key: RunKey;
  state: DeclarationState | undefined;
  /** The items that must be visited again: they had diagnostics, or a result that could not be cached. */
  noisy: ReadonlySet<A.TopItem>;
}

const runs = new WeakMap<ParseResult, Run>();
const NONE_SET: ReadonlySet<unknown> = new Set();

/** Dependency object (a declaration, a single block) → the items whose summarised deps name it. */
const dependents = new WeakMap<object, Set<A.TopItem>>();

function link(item: A.TopItem, deps: readonly unknown[]): void {
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i];
    if (d === null || typeof d !== 'object' || d === item) continue;
    let set = dependents.get(d);
    if (!set) dependents.set(d, (set = new Set()));
    set.add(item);
  }
}

function unlink(item: A.TopItem): void {
  const summary = (item as unknown as { [CACHE]?: ItemCache })[CACHE]?.summary;
  if (!summary) return;
  const deps = summary.deps;
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i];
    if (d !== null && typeof d === 'object') dependents.get(d)?.delete(item);
  }
}

function isTopItem(v: unknown): v is A.TopItem {
  return v !== null && typeof v === 'object' && ITEM_KINDS.has((v as { kind?: string }).kind ?? '');
}

/**
 * One item through its rules: the summary when it still holds, else each rule's entry (checked
 * again where needed). True when the item must be visited on the next run as well (it has
 * diagnostics, or no summary).
 */
function visitItem(item: A.TopItem, rules: KindRules, model: TrialModel, key: RunKey, state: DeclarationState | undefined, found: Diagnostic[]): boolean {
  const before = found.length;
  const cache = cacheOf(item, rules.size);
  const list = cache.list;
  // The built-in rules all at once: the item, the rules and their facts are those of the
  // item's summary, and its deps name no replaced declaration, so every entry still holds.
  const summary = cache.summary;
  const affected = state?.affected?.has(item) === true;
  if (summary && summary.key === key && !anyFailed && !affected && stillValid(summary.deps, summary.state, state) && !linesMoved(summary.noisy, item)) {
    summary.state = state;
    const noisy = summary.noisy;
    for (let i = 0; i < noisy.length; i++) emit(noisy[i]!, found);
  } else {
    const builtIn = rules.builtIn;
    for (let i = 0; i < builtIn.length; i++) {
      const r = builtIn[i]!;
      if (r.failed) continue;
      checkOne(r, rules.builtInPlaces[i]!, item, model, list, found);
    }
    const next = summarize(rules.builtIn, rules.builtInPlaces, list, key, state);
    // The reverse index changes only when the deps do (most re-summaries find the same deps).
    if (!summary || !next || !sameList(summary.deps, next.deps)) {
      if (summary) unlink(item);
      if (next) link(item, next.deps);
    }
    cache.summary = next;
  }
  const other = rules.other;
  for (let i = 0; i < other.length; i++) {
    const r = other[i]!;
    if (r.failed) continue;
    checkOne(r, rules.otherPlaces[i]!, item, model, list, found);
  }
  return found.length > before || cache.summary === undefined;
}

/** Whether an entry of a rule whose messages name lines was made with the item on another line. */
function linesMoved(entries: readonly Entry[], item: A.TopItem): boolean {
  for (let i = 0; i < entries.length; i++) {
    const line = entries[i]!.line;
    if (line !== undefined && line !== item.range.start.line) return true;
  }
  return false;
}

/**
 * What the built-in rules found on one item, together: the run it was checked in (`key`: the
 * same rules with the same facts), the declaration state, every rule's deps, and the entries with
 * diagnostics. An unchanged item whose summary holds costs one comparison per keystroke, not one
 * per rule.
 */
interface ItemSummary {
  key: RunKey;
  state: DeclarationState | undefined;
  deps: readonly unknown[];
  noisy: readonly Entry[];
}


/** Set when a rule throws during a run: its remaining items then take the per-rule path, which skips it. */
let anyFailed = false;

function summarize(rules: readonly RunningRule[], places: readonly number[], list: (Entry | undefined)[], key: RunKey, state: DeclarationState | undefined): ItemSummary | undefined {
  // Most rules have no deps and most items no diagnostics: the shared empty lists stand for those.
  let deps: unknown[] | undefined;
  let noisy: Entry[] | undefined;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const entry = list[places[i]!];
    // A rule that threw, or a result that could not be cached: no summary, check again next time.
    if (r.failed || !entry) {
      anyFailed ||= r.failed === true;
      return undefined;
    }
    const entryDeps = entry.deps;
    if (entryDeps.length > 0) {
      deps ??= [];
      for (let j = 0; j < entryDeps.length; j++) deps.push(entryDeps[j]);
    }
    if (entry.stored.length > 0) (noisy ??= []).push(entry);
  }
  return { key, state, deps: deps ?? NONE, noisy: noisy ?? NO_ENTRIES };
}

/**
 * The identity of a run's rules and facts: the same object as the last run's when the same rules
 * run (same slots, in order) with facts equal element by element, so an item summary can tell in
 * one comparison whether it was made under the same rules and facts.
 */
interface RunKey {
  slots: readonly number[];
  facts: readonly (readonly unknown[])[];
}

let lastKey: RunKey | undefined;

function runKey(running: readonly RunningRule[]): RunKey {
  const last = lastKey;
  if (last && last.slots.length === running.length) {
    let same = true;
    for (let i = 0; same && i < running.length; i++) same = last.slots[i] === running[i]!.slot && sameList(last.facts[i]!, running[i]!.facts);
    if (same) return last;
  }
  lastKey = { slots: running.map((r) => r.slot), facts: running.map((r) => r.facts) };
  return lastKey;
}

function checkOne(r: RunningRule, place: number, item: A.TopItem, model: TrialModel, list: (Entry | undefined)[], found: Diagnostic[]): void {
  const { rule, context } = r;
  const entry = list[place];
  // Same declarations as when the entry's deps were computed: the deps are the same (built-in rules).
  const moved = entry?.line !== undefined && entry.line !== item.range.start.line;
  if (entry && !moved && !r.state?.affected?.has(item) && stillValid(entry.deps, entry.state, r.state) && sameList(entry.facts, r.facts)) {
    entry.state = r.state;
    emit(entry, found);
    return;
  }
  let deps: readonly unknown[];
  try {
    deps = r.deps ? r.deps.call(rule, item, model) : NONE;
  } catch (e) {
    context.at(item.range);
    r.failed = true;
    r.internalError(e);
    return;
  }
  if (entry && !moved && sameList(entry.facts, r.facts) && sameList(entry.deps, deps)) {
    entry.state = r.state;
    emit(entry, found);
    return;
  }
  recheck(r, place, item, model, list, found, deps);
}

/**
 * Check an item again and cache the result. Kept out of checkOne: its closure would make every
 * call of checkOne, the cached path included, allocate a context (per item and rule, per keystroke).
 */
function recheck(r: RunningRule, place: number, item: A.TopItem, model: TrialModel, list: (Entry | undefined)[], found: Diagnostic[], deps: readonly unknown[]): void {
  const { rule, context } = r;
  // One report function and buffer per running rule, not a closure and an array per item: a full
  // check rechecks every item for every rule, and nearly every check reports nothing.
  const sink = (r.sink ??= reportSink(rule));
  const reported = sink.buffer;
  // Setting an array's length is a runtime call even when it is 0 already (nearly always).
  if (reported.length !== 0) reported.length = 0;
  context.at(item.range);
  try {
    r.checkItem.call(rule, item, model, sink.report, context);
  } catch (e) {
    list[place] = undefined;
    for (const d of reported) found.push(d);
    reported.length = 0;
    r.failed = true;
    r.internalError(e);
    return;
  }
  if (reported.length === 0 && r.deps === undefined && !r.namesLines) {
    // One entry for all of them: for a rule without deps an entry's state is never read to decide
    // (checkOne's two paths agree: the deps are NONE either way), so its items can share it.
    list[place] = r.clean ??= { facts: r.facts, deps: NONE, state: r.state, stored: NO_DIAGNOSTICS };
    return;
  }
  const taken = reported.length === 0 ? NO_REPORTS : reported.splice(0);
  const fresh = store(taken, item, r.facts, deps, r.state);
  if (fresh && r.namesLines) fresh.line = item.range.start.line;
  list[place] = fresh;
  if (fresh) emit(fresh, found);
  else for (const d of taken) found.push(d);
}

const NO_REPORTS: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];

/** A rule's report function writing into its buffer (emptied by each recheck). */
function reportSink(rule: ItemRule): ReportSink {
  const buffer: Diagnostic[] = [];
  return {
    buffer,
    report: (range, message, data, severity) => {
      buffer.push({ code: rule.code, severity: severity ?? rule.defaultSeverity, message, range, ...(data ? { data } : {}) });
    },
  };
}

interface ReportSink {
  buffer: Diagnostic[];
  report: Parameters<ItemRule['checkItem']>[2];
}

function anchorsOf(item: A.TopItem, deps: readonly unknown[]): A.TopItem[] {
  const anchors = [item];
  for (const d of deps) {
    if (d && typeof d === 'object' && ITEM_KINDS.has((d as { kind?: string }).kind ?? '') && d !== item) anchors.push(d as A.TopItem);
  }
  return anchors;
}

class NoAnchor extends Error {}

/** The diagnostics of an entry with none, shared: most entries have none, and a full check makes one per item and rule. */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

function store(reported: Diagnostic[], item: A.TopItem, facts: readonly unknown[], deps: readonly unknown[], state: DeclarationState | undefined): Entry | undefined {
  if (reported.length === 0) return { facts, deps, state, stored: NO_DIAGNOSTICS };
  const anchors = anchorsOf(item, deps);
  let stored: Diagnostic[];
  try {
    stored = reported.length === 0 ? [] : reported.map((d) => relative(d, anchors) as Diagnostic);
  } catch (e) {
    if (e instanceof NoAnchor) return undefined;
    throw e;
  }
  return { facts, deps, state, stored };
}

function isPosition(v: object): v is A.Position {
  const p = v as Partial<A.Position>;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(v).length === 3;
}

function relative(value: unknown, anchors: readonly A.TopItem[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => relative(v, anchors));
  if (value instanceof SegmentPosition) {
    // Relative to its segment already: it follows the item when an edit moves it. Kept as is when
    // it lies in the item or a dependency item (an edit replacing those re-checks the item).
    for (const anchor of anchors) if (value.offset >= anchor.range.start.offset && value.offset <= anchor.range.end.offset) return value;
    throw new NoAnchor();
  }
  if (isPosition(value)) {
    for (let i = 0; i < anchors.length; i++) {
      const r = anchors[i]!.range;
      if (value.offset >= r.start.offset && value.offset <= r.end.offset) {
        return new SegmentPosition(anchorBase(anchors[i]!), value.line - r.start.line, value.character, value.offset - r.start.offset);
      }
    }
    throw new NoAnchor();
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = relative(v, anchors);
  return out;
}

/**
 * The start of an item as a base for positions (line-index.ts `PositionBase`): a position stored
 * on it reads the item's current place, so a cached diagnostic follows its item when an edit above
 * moves it, with nothing rebuilt (items start at column 0 and move by whole lines).
 */
const bases = new WeakMap<A.TopItem, PositionBase>();
function anchorBase(item: A.TopItem): PositionBase {
  let base = bases.get(item);
  if (!base) {
    base = {
      get start() {
        return item.range.start.offset;
      },
      get line() {
        return item.range.start.line;
      },
    };
    bases.set(item, base);
  }
  return base;
}

/** Push an entry's diagnostics (their positions read their anchors' current places). */
function emit(entry: Entry, found: Diagnostic[]): void {
  const stored = entry.stored;
  for (let i = 0; i < stored.length; i++) found.push(stored[i]!);
}
