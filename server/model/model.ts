/**
 * The semantic model: the parsed document seen as a trial. Built once per parse and shared by the
 * checks, the exporter and every editor feature, so none of them walks the AST on its own.
 *
 * - Blocks by kind, statements by field (the first one wins; later ones are listed as duplicates
 *   for the checks to report).
 * - A symbol table of every identifier (measures, interventions, arms, visits) with its declaration
 *   and every reference, for go-to-definition, references, rename and "undefined name" checks.
 * - Doses per arm: the intervention's doses, or the arm's own override.
 *
 * After an incremental parse (grammar/parse.ts `editOf`) the model is derived from the previous
 * one when the edit replaced items by items of the same kind and name (the common keystroke):
 * the replaced item's entry is swapped in place of the old one, its declaration object is
 * updated in place (so every reference to it stays right), and only its own references are
 * resolved again. Outcomes, sites and references (list entries) may also be removed and added, as
 * when a paste adds sites or a typed character joins a site to the item above. Anything else (a
 * name added, removed or renamed, an item kind the update does not know, the schedule) builds the
 * model afresh. `modelEditOf` tells the checks what changed.
 */
import type * as A from '../../grammar/ast';
import { editOf, type ParseEdit, type ParseResult } from '../../grammar/parse';
import { criteriaOf } from './criteria';

export type SymbolKind = 'measure' | 'intervention' | 'arm' | 'visit' | 'period';

export interface SymbolDeclaration {
  kind: SymbolKind;
  name: string;
  /** The identifier's range in its declaration. */
  nameRange: A.Range;
  /** The whole declaring block or statement. */
  node: A.MeasureDecl | A.InterventionBlock | A.ArmBlock | A.Visit | A.PeriodStmt;
}

export interface SymbolReference {
  kind: SymbolKind;
  name: string;
  range: A.Range;
  /** Undefined when nothing of that kind has the name. */
  declaration?: SymbolDeclaration;
}

/** An arm's view of one intervention it receives, with the doses that apply in that arm. */
export interface ArmIntervention {
  receives: A.ReceivesStmt;
  intervention?: A.InterventionBlock;
  doses: A.DoseStmt[];
  /** True when the arm gives its own doses instead of the intervention's. */
  overridden: boolean;
}

export interface TrialModel {
  parse: ParseResult;
  document: A.Document;
  trial?: A.TrialBlock;
  design?: A.DesignBlock;
  sponsors?: A.SponsorsBlock;
  eligibility?: A.EligibilityBlock;
  schedule?: A.ScheduleBlock;
  oversight?: A.OversightBlock;
  ipdSharing?: A.IpdSharingBlock;
  /** Second and later blocks of a kind that may appear once (`trial`, `design` …). */
  extraBlocks: (A.TrialBlock | A.DesignBlock | A.SponsorsBlock | A.EligibilityBlock | A.ScheduleBlock | A.OversightBlock | A.IpdSharingBlock)[];
  measures: Map<string, A.MeasureDecl>;
  interventions: Map<string, A.InterventionBlock>;
  arms: Map<string, A.ArmBlock>;
  visits: Map<string, A.Visit>;
  /** The periods of the schedule (first declaration of each name), in the order written. */
  periods: Map<string, A.PeriodStmt>;
  /** The `assess` lines of the schedule, in the order written. */
  assessments: A.AssessStmt[];
  outcomes: A.OutcomeBlock[];
  sites: A.SiteDecl[];
  references: A.ReferenceDecl[];
  /** Web links beside the protocol (`link "…" url "…"`), in the order written. */
  links: A.LinkDecl[];
  declarations: SymbolDeclaration[];
  /** Declarations whose name was already declared for the same kind. */
  duplicateDeclarations: { first: SymbolDeclaration; duplicate: SymbolDeclaration }[];
  /** Every reference, in the order: interventions, arms, eligibility, schedule (built on first use after an incremental update). */
  readonly symbolReferences: SymbolReference[];
  /** The references that name nothing declared. */
  readonly unresolvedReferences: readonly SymbolReference[];
}

/**
 * What an incremental update of the model changed: the previous model, the items replaced and
 * their replacements (the first `paired` of `removed` and `added`: same kind and name, pairwise),
 * then the list entries (outcomes, sites, references) removed and added.
 */
export interface ModelEdit {
  previous: TrialModel;
  parse: ParseEdit;
  removed: readonly A.TopItem[];
  added: readonly A.TopItem[];
  paired: number;
}

/** Internal state carried from a model to the one derived from it. */
interface ModelState {
  firstDeclarations: FirstDeclarations;
  /** The unresolved references written in each item (only items that have some). */
  unresolvedByItem: Map<A.TopItem, SymbolReference[]>;
}

const states = new WeakMap<TrialModel, ModelState>();
const modelEdits = new WeakMap<TrialModel, ModelEdit>();
const byParse = new WeakMap<ParseResult, TrialModel>();

/** How a model differs from the one it was derived from; undefined when it was built afresh. */
export function modelEditOf(model: TrialModel): ModelEdit | undefined {
  return modelEdits.get(model);
}

export function buildModel(parse: ParseResult): TrialModel {
  const known = byParse.get(parse);
  if (known) return known;
  const edit = editOf(parse);
  const previous = edit && byParse.get(edit.previous);
  let model: TrialModel | undefined;
  if (edit && previous) {
    model = updateModel(previous, parse, edit);
    // One step back only: the spent model (and its AST) is not kept alive by the chain.
    byParse.delete(edit.previous);
    modelEdits.delete(previous);
  }
  model ??= freshModel(parse);
  byParse.set(parse, model);
  return model;
}

function freshModel(parse: ParseResult): TrialModel {
  const model = {
    parse,
    document: parse.ast,
    extraBlocks: [],
    measures: new Map(),
    interventions: new Map(),
    arms: new Map(),
    visits: new Map(),
    periods: new Map(),
    assessments: [],
    outcomes: [],
    sites: [],
    references: [],
    links: [],
    declarations: [],
    duplicateDeclarations: [],
    symbolReferences: [],
    unresolvedReferences: [],
  } as Omit<TrialModel, 'symbolReferences' | 'unresolvedReferences'> as TrialModel;

  // First declaration of each kind and name, so lookups stay linear in the size of the document
  // (one map per kind: no key string is built per name).
  const firstDeclarations: FirstDeclarations = { measure: new Map(), intervention: new Map(), arm: new Map(), visit: new Map(), period: new Map() };
  const declare = (kind: SymbolKind, name: A.Located<string>, node: SymbolDeclaration['node'], into: Map<string, typeof node>): void => {
    const declaration = declarationOf(kind, name, node);
    const byName = firstDeclarations[kind];
    const first = byName.get(name.value);
    model.declarations.push(declaration);
    if (first) model.duplicateDeclarations.push({ first, duplicate: declaration });
    else {
      byName.set(name.value, declaration);
      into.set(name.value, node);
    }
  };

  const single = <K extends 'trial' | 'design' | 'sponsors' | 'eligibility' | 'schedule' | 'oversight' | 'ipdSharing'>(key: K, block: NonNullable<TrialModel[K]>): void => {
    if (model[key]) model.extraBlocks.push(block as TrialModel['extraBlocks'][number]);
    else (model as unknown as Record<string, unknown>)[key] = block;
  };

  for (const item of parse.ast.items) {
    switch (item.kind) {
      case 'TrialBlock': single('trial', item); break;
      case 'DesignBlock': single('design', item); break;
      case 'SponsorsBlock': single('sponsors', item); break;
      case 'EligibilityBlock': single('eligibility', item); break;
      case 'OversightBlock': single('oversight', item); break;
      case 'IpdSharingBlock': single('ipdSharing', item); break;
      case 'ScheduleBlock':
        single('schedule', item);
        // Only the first schedule block declares (later ones are reported as extra blocks).
        if (model.schedule !== item) break;
        for (const stmt of item.statements) {
          if (stmt.kind === 'Visit') declare('visit', stmt.id, stmt, model.visits as Map<string, SymbolDeclaration['node']>);
          else if (stmt.kind === 'Period') declare('period', stmt.id, stmt, model.periods as Map<string, SymbolDeclaration['node']>);
          else model.assessments.push(stmt);
        }
        break;
      case 'MeasureDecl': declare('measure', item.id, item, model.measures as Map<string, SymbolDeclaration['node']>); break;
      case 'InterventionBlock': declare('intervention', item.id, item, model.interventions as Map<string, SymbolDeclaration['node']>); break;
      case 'ArmBlock': declare('arm', item.id, item, model.arms as Map<string, SymbolDeclaration['node']>); break;
      case 'OutcomeBlock': model.outcomes.push(item); break;
      case 'SiteDecl': model.sites.push(item); break;
      case 'ReferenceDecl': model.references.push(item); break;
      case 'LinkDecl': model.links.push(item); break;
    }
  }

  const unresolvedByItem = new Map<A.TopItem, SymbolReference[]>();
  const all: SymbolReference[] = [];
  eachReferringItem(model, (item) => {
    const before = all.length;
    itemReferences(item, firstDeclarations, all);
    for (let i = before; i < all.length; i++) if (!all[i]!.declaration) pushTo(unresolvedByItem, item, all[i]!);
  });
  (model as { symbolReferences: SymbolReference[] }).symbolReferences = all;
  (model as { unresolvedReferences: readonly SymbolReference[] }).unresolvedReferences = flatten(unresolvedByItem);
  states.set(model, { firstDeclarations, unresolvedByItem });
  return model;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function flatten(byItem: ReadonlyMap<A.TopItem, SymbolReference[]>): SymbolReference[] {
  const out: SymbolReference[] = [];
  for (const list of byItem.values()) for (const r of list) out.push(r);
  return out;
}

/** The items whose references the model collects, in the order of `symbolReferences`. */
function eachReferringItem(model: TrialModel, visit: (item: A.TopItem) => void): void {
  for (const intervention of model.interventions.values()) visit(intervention);
  for (const item of model.document.items) if (item.kind === 'ArmBlock') visit(item);
  if (model.eligibility) visit(model.eligibility);
  if (model.schedule) visit(model.schedule);
}

/** The single blocks by item kind (a second block of the kind is an extra block). */
const SINGLE_KEYS: Partial<Record<A.TopItem['kind'], 'trial' | 'design' | 'sponsors' | 'eligibility' | 'oversight' | 'ipdSharing'>> = {
  TrialBlock: 'trial',
  DesignBlock: 'design',
  SponsorsBlock: 'sponsors',
  EligibilityBlock: 'eligibility',
  OversightBlock: 'oversight',
  IpdSharingBlock: 'ipdSharing',
};
const DECLARED: Partial<Record<A.TopItem['kind'], { kind: SymbolKind; map: 'measures' | 'interventions' | 'arms' }>> = {
  MeasureDecl: { kind: 'measure', map: 'measures' },
  InterventionBlock: { kind: 'intervention', map: 'interventions' },
  ArmBlock: { kind: 'arm', map: 'arms' },
};
const LISTED: Partial<Record<A.TopItem['kind'], 'outcomes' | 'sites' | 'references' | 'links'>> = {
  OutcomeBlock: 'outcomes',
  SiteDecl: 'sites',
  ReferenceDecl: 'references',
  LinkDecl: 'links',
};

/**
 * The model of `parse` derived from `previous` (the model of the parse it was reparsed from), or
 * undefined when the edit is not one the update handles (the caller then builds afresh): every
 * removed item must be replaced, in order, by an added item of the same kind and name that takes
 * the same place in the model (the first declaration of its name, the first block of its kind),
 * except list entries (outcomes, sites, references), which may be removed and added in any number;
 * the schedule (visits, periods) and item kinds not listed here are rebuilt.
 */
function updateModel(previous: TrialModel, parse: ParseResult, edit: ParseEdit): TrialModel | undefined {
  const state = states.get(previous);
  if (!state) return undefined;
  // Outcomes, sites and references are entries of lists only (no name, no reference in them): an
  // edit may remove and add any number of them. Every other item must be replaced by its pair.
  const removed = edit.removed.filter((x) => !LISTED[x.kind]);
  const added = edit.added.filter((x) => !LISTED[x.kind]);
  if (removed.length !== added.length) return undefined;
  const removedEntries = edit.removed.filter((x) => LISTED[x.kind]);
  const addedEntries = edit.added.filter((x) => LISTED[x.kind]);
  // The fields this update knows; a model with any other (a field added to buildModel but not
  // here) is built afresh, so a new field is never carried over stale.
  const model = {} as Record<string, unknown>;
  for (const key of Object.keys(previous)) {
    if (!UPDATED_FIELDS.has(key)) return undefined;
    if (key !== 'symbolReferences') model[key] = previous[key as keyof TrialModel];
  }
  model.parse = parse;
  model.document = parse.ast;
  const copied = new Set<string>();
  const copy = <K extends keyof TrialModel>(key: K): TrialModel[K] => {
    if (!copied.has(key)) {
      copied.add(key);
      const value = previous[key];
      model[key] = value instanceof Map ? new Map(value) : (value as unknown[]).slice();
    }
    return model[key] as TrialModel[K];
  };
  const replaced: [A.TopItem, A.TopItem][] = [];
  for (let i = 0; i < removed.length; i++) {
    const old = removed[i]!;
    const item = added[i]!;
    if (old.kind !== item.kind) return undefined;
    const single = SINGLE_KEYS[item.kind];
    const declared = DECLARED[item.kind];
    if (single) {
      if (previous[single] === old) model[single] = item;
      else {
        const extra = copy('extraBlocks');
        const at = extra.indexOf(old as TrialModel['extraBlocks'][number]);
        if (at === -1) return undefined;
        extra[at] = item as TrialModel['extraBlocks'][number];
      }
    } else if (declared) {
      const id = (old as A.MeasureDecl).id.value;
      if ((item as A.MeasureDecl).id.value !== id || previous[declared.map].get(id) !== old) return undefined;
      (copy(declared.map) as Map<string, A.TopItem>).set(id, item);
      const declaration = state.firstDeclarations[declared.kind].get(id);
      if (!declaration || declaration.node !== old) return undefined;
      // The same declaration object, now naming the new item: every reference to it stays right.
      declaration.node = item as SymbolDeclaration['node'];
      declaration.nameRange = (item as A.MeasureDecl).id.range;
      declarations.set((item as A.MeasureDecl).id, declaration);
    } else return undefined;
    replaced.push([old, item]);
  }
  // List entries: the removed ones taken out, then the added ones put at their place in document
  // order (every entry left is an item of the new parse, at its current offset).
  for (const old of removedEntries) {
    const list = copy(LISTED[old.kind]!) as A.TopItem[];
    const at = list.indexOf(old);
    if (at === -1) return undefined;
    list.splice(at, 1);
  }
  for (const item of addedEntries) insertInDocumentOrder(copy(LISTED[item.kind]!) as A.TopItem[], item);
  // The references written in the replaced items, resolved against the unchanged declarations.
  let unresolvedByItem = state.unresolvedByItem;
  let unresolvedChanged = false;
  for (const [old, item] of replaced) {
    if (!refersIn(model as unknown as TrialModel, item)) continue;
    const refs: SymbolReference[] = [];
    itemReferences(item, state.firstDeclarations, refs);
    const unresolved = refs.filter((r) => !r.declaration);
    if (unresolved.length === 0 && !unresolvedByItem.has(old)) continue;
    if (!unresolvedChanged) unresolvedByItem = new Map(unresolvedByItem);
    unresolvedChanged = true;
    unresolvedByItem.delete(old);
    if (unresolved.length > 0) unresolvedByItem.set(item, unresolved);
  }
  for (const [old] of replaced) {
    if (unresolvedByItem.has(old)) {
      if (!unresolvedChanged) unresolvedByItem = new Map(unresolvedByItem);
      unresolvedChanged = true;
      unresolvedByItem.delete(old);
    }
  }
  model.unresolvedReferences = unresolvedChanged ? flatten(unresolvedByItem) : previous.unresolvedReferences;
  const result = model as unknown as TrialModel;
  lazySymbolReferences(result, state.firstDeclarations);
  states.set(result, { firstDeclarations: state.firstDeclarations, unresolvedByItem });
  modelEdits.set(result, { previous, parse: edit, removed: [...replaced.map((r) => r[0]), ...removedEntries], added: [...replaced.map((r) => r[1]), ...addedEntries], paired: replaced.length });
  return result;
}

/**
 * Every reference in order, only when asked for (semantic tokens, references): not per keystroke.
 * Defined outside updateModel on purpose: a getter made there would share its scope, which holds
 * the previous model, so every model would keep the one before it (and its parse, its text) alive,
 * a chain as long as the editing session.
 */
function lazySymbolReferences(model: TrialModel, firstDeclarations: FirstDeclarations): void {
  let all: SymbolReference[] | undefined;
  Object.defineProperty(model, 'symbolReferences', {
    get() {
      if (!all) {
        all = [];
        const into = all;
        eachReferringItem(model, (item) => itemReferences(item, firstDeclarations, into));
      }
      return all;
    },
    enumerable: true,
    configurable: true,
  });
}

/** Put `item` into `list`, whose items are in document order (by their current offsets), at its place. */
export function insertInDocumentOrder<T extends { range: A.Range }>(list: T[], item: T): void {
  const offset = item.range.start.offset;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.range.start.offset < offset) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}

const UPDATED_FIELDS = new Set(['parse', 'document', 'trial', 'design', 'sponsors', 'eligibility', 'schedule', 'oversight', 'ipdSharing', 'extraBlocks', 'measures', 'interventions', 'arms', 'visits', 'periods', 'assessments', 'outcomes', 'sites', 'references', 'links', 'declarations', 'duplicateDeclarations', 'symbolReferences', 'unresolvedReferences']);

/** Whether the model collects the references written in `item` (see eachReferringItem). */
function refersIn(model: TrialModel, item: A.TopItem): boolean {
  switch (item.kind) {
    case 'InterventionBlock': return model.interventions.get(item.id.value) === item;
    case 'ArmBlock': return true;
    case 'EligibilityBlock': return model.eligibility === item;
    case 'ScheduleBlock': return model.schedule === item;
    default: return false;
  }
}

type FirstDeclarations = Record<SymbolKind, Map<string, SymbolDeclaration>>;

/**
 * Declarations and references by the AST object naming them. An incremental parse reuses the AST
 * objects of unchanged segments (moving their ranges in place), so the symbol objects built from
 * them can be reused as well: equal content, no new garbage on every keystroke.
 */
const declarations = new WeakMap<A.Located<string>, SymbolDeclaration>();
const references = new WeakMap<A.Located<string>, SymbolReference>();

function declarationOf(kind: SymbolKind, name: A.Located<string>, node: SymbolDeclaration['node']): SymbolDeclaration {
  let declaration = declarations.get(name);
  if (!declaration || declaration.kind !== kind || declaration.node !== node || declaration.name !== name.value || declaration.nameRange !== name.range) {
    declaration = { kind, name: name.value, nameRange: name.range, node };
    declarations.set(name, declaration);
  }
  return declaration;
}

/** The references written in one item (of those `eachReferringItem` visits), resolved against the first declarations. */
function itemReferences(item: A.TopItem, firstDeclarations: FirstDeclarations, into: SymbolReference[]): void {
  const refer = (kind: SymbolKind, name: A.Located<string>): void => {
    const declaration = firstDeclarations[kind].get(name.value);
    // The same reference object as last time when it is unchanged (the AST object is reused by an
    // incremental parse and its declaration resolved to the same object): less garbage per keystroke.
    let reference = references.get(name);
    if (!reference || reference.kind !== kind || reference.declaration !== declaration || reference.name !== name.value || reference.range !== name.range) {
      reference = { kind, name: name.value, range: name.range };
      if (declaration) reference.declaration = declaration;
      references.set(name, reference);
    }
    into.push(reference);
  };
  const referDose = (dose: A.DoseStmt): void => {
    if (dose.condition) refer('measure', dose.condition.measure);
  };
  switch (item.kind) {
    case 'InterventionBlock':
      for (const stmt of item.statements) {
        if (stmt.kind === 'Dose') referDose(stmt);
        if (stmt.kind === 'Adjust') refer('measure', stmt.measure);
      }
      break;
    case 'ArmBlock':
      for (const stmt of item.statements) {
        if (stmt.kind === 'ArmPeriods') stmt.periods.forEach((p) => refer('period', p));
        if (stmt.kind !== 'Receives') continue;
        refer('intervention', stmt.intervention);
        if (stmt.period) refer('period', stmt.period);
        stmt.doses.forEach(referDose);
      }
      break;
    case 'EligibilityBlock':
      // The populations' criteria too.
      for (const stmt of criteriaOf(item)) if (stmt.measure) refer('measure', stmt.measure);
      break;
    case 'ScheduleBlock':
      for (const stmt of item.statements) {
        if (stmt.kind === 'Visit' && stmt.period) refer('period', stmt.period);
        if (stmt.kind !== 'Assess') continue;
        if (stmt.measure) refer('measure', stmt.measure);
        stmt.visits.forEach((v) => refer('visit', v));
      }
      break;
  }
}

// --- views used by checks, export and editor features -----------------------------------------

/** Statements of one field in a block, in source order. */
export function statementsOf<S extends { kind: string }, K extends S['kind']>(
  block: { statements: S[] } | undefined,
  kind: K,
): Extract<S, { kind: K }>[] {
  // A loop rather than filter with a closure: the checks ask for some kind of statement of nearly every item.
  const out: Extract<S, { kind: K }>[] = [];
  if (!block) return out;
  const statements = block.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.kind === kind) out.push(s as Extract<S, { kind: K }>);
  }
  return out;
}

export function textStatements(block: { statements: { kind: string }[] } | undefined, field: A.TextField): A.TextStmt[] {
  return (block?.statements ?? []).filter((s): s is A.TextStmt => s.kind === 'Text' && (s as A.TextStmt).field === field);
}

export function textField(block: { statements: { kind: string }[] } | undefined, field: A.TextField): A.TextStmt | undefined {
  // The first of textStatements, without building the list (called per item on every check).
  return firstField(block, 'Text', field) as A.TextStmt | undefined;
}

export function wordsField(block: { statements: { kind: string }[] } | undefined, field: A.WordsField): A.WordsStmt | undefined {
  return firstField(block, 'Words', field) as A.WordsStmt | undefined;
}

/** The first statement of a kind with a field (`text name`, `words status`): an indexed loop, no closure. */
function firstField(block: { statements: { kind: string }[] } | undefined, kind: 'Text' | 'Words', field: string): { kind: string } | undefined {
  if (!block) return undefined;
  const statements = block.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.kind === kind && (s as { field?: string }).field === field) return s;
  }
  return undefined;
}

/** How a message names a date of the trial block (`the primary completion date …`). */
export const DATE_FIELD_NAMES: Readonly<Record<A.DateField, string>> = { start: 'start date', primaryCompletion: 'primary completion date', completion: 'completion date' };

export function dateField(trial: A.TrialBlock | undefined, field: A.DateField): A.DateStmt | undefined {
  return trial?.statements.find((s): s is A.DateStmt => s.kind === 'Date' && s.field === field);
}

export function dosesOf(intervention: A.InterventionBlock): A.DoseStmt[] {
  return statementsOf(intervention, 'Dose');
}

/** Each intervention an arm receives, with the doses that apply in that arm. */
export function armInterventions(model: TrialModel, arm: A.ArmBlock): ArmIntervention[] {
  return statementsOf(arm, 'Receives').map((receives) => {
    const intervention = model.interventions.get(receives.intervention.value);
    const overridden = receives.overrideBlock !== undefined && receives.doses.length > 0;
    // Two literals rather than a spread (`intervention` is absent, not undefined, when unknown):
    // the exporter and the checks ask for every arm.
    const doses = overridden ? receives.doses : intervention ? dosesOf(intervention) : [];
    return intervention ? { receives, intervention, doses, overridden } : { receives, doses, overridden };
  });
}

/** The arms that receive an intervention (first declarations, in document order). */
export function armsReceiving(model: TrialModel, interventionId: string): A.ArmBlock[] {
  return receivingIndex(model).get(interventionId) ?? NO_ARMS;
}

const NO_ARMS: A.ArmBlock[] = [];
const receiving = new WeakMap<TrialModel, Map<string, A.ArmBlock[]>>();

/**
 * Intervention id → the arms receiving it, built once per model in one pass over the arms (the
 * exporter asks for every intervention: a scan of the arms each time is interventions × arms).
 */
function receivingIndex(model: TrialModel): Map<string, A.ArmBlock[]> {
  let index = receiving.get(model);
  if (!index) {
    index = new Map();
    for (const arm of model.arms.values()) {
      for (const s of arm.statements) {
        if (s.kind !== 'Receives') continue;
        const list = index.get(s.intervention.value);
        if (!list) index.set(s.intervention.value, [arm]);
        else if (list[list.length - 1] !== arm) list.push(arm);
      }
    }
    receiving.set(model, index);
  }
  return index;
}

/** The declaration or reference under a position, for definition, references, rename and hover. */
export function symbolAt(model: TrialModel, offset: number): { kind: SymbolKind; name: string; range: A.Range; declaration?: SymbolDeclaration } | undefined {
  const inside = (r: A.Range): boolean => r.start.offset <= offset && offset <= r.end.offset;
  const declaration = model.declarations.find((d) => inside(d.nameRange));
  if (declaration) return { kind: declaration.kind, name: declaration.name, range: declaration.nameRange, declaration };
  const reference = model.symbolReferences.find((r) => inside(r.range));
  return reference && { kind: reference.kind, name: reference.name, range: reference.range, ...(reference.declaration ? { declaration: reference.declaration } : {}) };
}

/** Every range where a symbol is named: its declaration(s) and its references. */
export function occurrencesOf(model: TrialModel, kind: SymbolKind, name: string): { declarations: A.Range[]; references: A.Range[] } {
  return {
    declarations: model.declarations.filter((d) => d.kind === kind && d.name === name).map((d) => d.nameRange),
    references: model.symbolReferences.filter((r) => r.kind === kind && r.name === name).map((r) => r.range),
  };
}
