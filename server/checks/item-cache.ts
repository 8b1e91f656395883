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
 * range and any range inside `data`, such as quick-fix edits) is stored relative to the item — or
 * to the dependency item that contains it — as (line delta, offset delta, character), and rebuilt
 * from that item's current start when emitted. Items start at column 0 and move by whole lines, so
 * characters never change. The rebuilt diagnostics are kept and handed out again while the items
 * stay where they are. A diagnostic with a position outside every anchor item is not cached: that
 * item is checked again next time.
 */
import type * as A from '../../grammar/ast';
import type { Diagnostic } from '../../grammar/diagnostic';
import type { TrialModel } from '../model';
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
    case 'MeasureDecl': return model.measures.get(item.id.value) === item;
    case 'InterventionBlock': return model.interventions.get(item.id.value) === item;
    case 'ArmBlock': return model.arms.get(item.id.value) === item;
    default: return true;
  }
}

/** A position stored relative to the start of anchor `anchor` (0: the item, then its dependency items). */
class RelativePosition {
  constructor(
    readonly anchor: number,
    readonly lineDelta: number,
    readonly offsetDelta: number,
    readonly character: number,
  ) {}
}

interface Entry {
  facts: readonly unknown[];
  deps: readonly unknown[];
  /** The declaration state the deps were last computed or confirmed in (see `declarationState`). */
  state: DeclarationState | undefined;
  anchors: readonly A.TopItem[];
  /** Diagnostics with RelativePosition in place of every position. */
  stored: readonly unknown[];
  /** The last rebuilt diagnostics, and the anchors' start offsets and lines they were rebuilt for. */
  out: Diagnostic[];
  at: number[];
}

const NONE: readonly unknown[] = Object.freeze([]);

/** Item kinds, to tell dependency items (anchors) from other dependencies. */
const ITEM_KINDS = new Set<string>(['TrialBlock', 'DesignBlock', 'SponsorsBlock', 'MeasureDecl', 'InterventionBlock', 'ArmBlock', 'EligibilityBlock', 'OutcomeBlock', 'ScheduleBlock', 'SiteDecl', 'ReferenceDecl']);

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
}

let lastState: DeclarationState | undefined;

const ARMS = 2;

/** The objects of `a` replaced in `b` (same keys in the same order), or undefined when the keys differ. */
function replacedIn(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>, into: Set<unknown>): boolean {
  if (a.size !== b.size) return false;
  const aKeys = a.keys();
  const aValues = a.values();
  const bKeys = b.keys();
  const bValues = b.values();
  for (let i = 0; i < a.size; i++) {
    const v = aValues.next().value;
    if (aKeys.next().value !== bKeys.next().value) return false;
    if (bValues.next().value !== v) into.add(v);
  }
  return true;
}

function declarationState(model: TrialModel): DeclarationState {
  const maps = [model.measures, model.interventions, model.arms, model.visits] as ReadonlyMap<string, unknown>[];
  const singles = [model.trial, model.design, model.sponsors, model.eligibility, model.schedule];
  const last = lastState;
  if (last) {
    const replaced = new Set<unknown>();
    let sameKeys = true;
    for (let i = 0; sameKeys && i < singles.length; i++) {
      const a = last.singles[i];
      const b = singles[i];
      if (a !== b) {
        if (a === undefined || b === undefined) sameKeys = false;
        else replaced.add(a);
      }
    }
    for (let i = 0; sameKeys && i < maps.length; i++) sameKeys = replacedIn(last.maps[i]!, maps[i]!, replaced);
    if (sameKeys && replaced.size === 0) return last;
    // A replaced arm can change what is derived from the arms (facts' receivers): no shortcut then.
    let armsSame = sameKeys;
    if (armsSame) for (const arm of last.maps[ARMS]!.values()) if (replaced.has(arm)) armsSame = false;
    lastState = armsSame ? { maps, singles, previous: last, replaced } : { maps, singles };
    // Only one step back is ever looked at: do not keep a chain of old states (and their ASTs) alive.
    last.previous = undefined;
    last.replaced = undefined;
  } else lastState = { maps, singles };
  return lastState;
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

/** A per-item rule being run, with its slot in the items' entry lists and its facts of this run. */
export interface RunningRule {
  rule: ItemRule;
  slot: number;
  facts: readonly unknown[];
  context: RuleContext;
  internalError: (e: unknown) => void;
  /** Set when the rule threw: it is not run on further items. */
  failed?: boolean;
  /** The run's declaration state, for built-in rules (undefined: always compute and compare deps). */
  state?: DeclarationState;
}

/** Every item rule gets a slot in the per-item entry list (one WeakMap lookup per item, not per rule and item). */
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

const entries = new WeakMap<A.TopItem, (Entry | undefined)[]>();

export function prepare(rule: ItemRule, model: TrialModel, context: RuleContext, internalError: (e: unknown) => void): RunningRule {
  const running: RunningRule = { rule, slot: slotOf(rule), facts: NONE, context, internalError };
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
 */
export function runItemRules(running: readonly RunningRule[], model: TrialModel, found: Diagnostic[]): void {
  if (running.length === 0) return;
  let state: DeclarationState | undefined;
  for (const r of running) if (isBuiltIn(r.rule)) r.state = state ??= declarationState(model);
  const byKind = new Map<string, RunningRule[]>();
  for (const r of running) {
    for (const kind of r.rule.kinds as readonly string[]) {
      const list = byKind.get(kind);
      if (list) list.push(r);
      else byKind.set(kind, [r]);
    }
  }
  for (const item of model.document.items) {
    const rules = byKind.get(item.kind);
    if (!rules || !isModelItem(model, item)) continue;
    let list = entries.get(item);
    if (!list) {
      list = [];
      entries.set(item, list);
    }
    for (const r of rules) {
      if (r.failed) continue;
      checkOne(r, item, model, list, found);
    }
  }
}

function checkOne(r: RunningRule, item: A.TopItem, model: TrialModel, list: (Entry | undefined)[], found: Diagnostic[]): void {
  const { rule, context } = r;
  const entry = list[r.slot];
  // Same declarations as when the entry's deps were computed: the deps are the same (built-in rules).
  if (entry && stillValid(entry.deps, entry.state, r.state) && sameList(entry.facts, r.facts)) {
    entry.state = r.state;
    emit(entry, found);
    return;
  }
  let deps: readonly unknown[];
  try {
    deps = rule.deps ? rule.deps(item, model) : NONE;
  } catch (e) {
    context.at(item.range);
    r.failed = true;
    r.internalError(e);
    return;
  }
  if (entry && sameList(entry.facts, r.facts) && sameList(entry.deps, deps)) {
    entry.state = r.state;
    emit(entry, found);
    return;
  }
  recheck(r, item, model, list, found, deps);
}

/**
 * Check an item again and cache the result. Kept out of checkOne: its closure would make every
 * call of checkOne, the cached path included, allocate a context (per item and rule, per keystroke).
 */
function recheck(r: RunningRule, item: A.TopItem, model: TrialModel, list: (Entry | undefined)[], found: Diagnostic[], deps: readonly unknown[]): void {
  const { rule, context } = r;
  const reported: Diagnostic[] = [];
  context.at(item.range);
  try {
    rule.checkItem(
      item,
      model,
      (range, message, data, severity) => {
        reported.push({ code: rule.code, severity: severity ?? rule.defaultSeverity, message, range, ...(data ? { data } : {}) });
      },
      context,
    );
  } catch (e) {
    list[r.slot] = undefined;
    for (const d of reported) found.push(d);
    r.failed = true;
    r.internalError(e);
    return;
  }
  const fresh = store(reported, item, r.facts, deps, r.state);
  list[r.slot] = fresh;
  if (fresh) emit(fresh, found);
  else for (const d of reported) found.push(d);
}

function anchorsOf(item: A.TopItem, deps: readonly unknown[]): A.TopItem[] {
  const anchors = [item];
  for (const d of deps) {
    if (d && typeof d === 'object' && ITEM_KINDS.has((d as { kind?: string }).kind ?? '') && d !== item) anchors.push(d as A.TopItem);
  }
  return anchors;
}

class NoAnchor extends Error {}

function store(reported: Diagnostic[], item: A.TopItem, facts: readonly unknown[], deps: readonly unknown[], state: DeclarationState | undefined): Entry | undefined {
  const anchors = anchorsOf(item, deps);
  let stored: unknown[];
  try {
    stored = reported.length === 0 ? [] : reported.map((d) => relative(d, anchors));
  } catch (e) {
    if (e instanceof NoAnchor) return undefined;
    throw e;
  }
  return { facts, deps, state, anchors, stored, out: [], at: [] };
}

function isPosition(v: object): v is A.Position {
  const p = v as Partial<A.Position>;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(v).length === 3;
}

function relative(value: unknown, anchors: readonly A.TopItem[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => relative(v, anchors));
  if (isPosition(value)) {
    for (let i = 0; i < anchors.length; i++) {
      const r = anchors[i]!.range;
      if (value.offset >= r.start.offset && value.offset <= r.end.offset) {
        return new RelativePosition(i, value.line - r.start.line, value.offset - r.start.offset, value.character);
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

function absolute(value: unknown, anchors: readonly A.TopItem[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof RelativePosition) {
    const start = anchors[value.anchor]!.range.start;
    return { line: start.line + value.lineDelta, character: value.character, offset: start.offset + value.offsetDelta };
  }
  if (Array.isArray(value)) return value.map((v) => absolute(v, anchors));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = absolute(v, anchors);
  return out;
}

/** Push an entry's diagnostics at the anchors' current places (rebuilt only when an anchor moved). */
function emit(entry: Entry, found: Diagnostic[]): void {
  if (entry.stored.length === 0) return;
  const { anchors, at } = entry;
  let moved = at.length !== anchors.length * 2;
  for (let i = 0; !moved && i < anchors.length; i++) {
    const s = anchors[i]!.range.start;
    moved = at[2 * i] !== s.offset || at[2 * i + 1] !== s.line;
  }
  if (moved) rebuild(entry);
  for (const d of entry.out) found.push(d);
}

/** Rebuild an entry's diagnostics at its anchors' places (apart from emit: see recheck). */
function rebuild(entry: Entry): void {
  const anchors = entry.anchors;
  entry.out = entry.stored.map((d) => absolute(d, anchors) as Diagnostic);
  const at: number[] = new Array(anchors.length * 2);
  for (let i = 0; i < anchors.length; i++) {
    at[2 * i] = anchors[i]!.range.start.offset;
    at[2 * i + 1] = anchors[i]!.range.start.line;
  }
  entry.at = at;
}
