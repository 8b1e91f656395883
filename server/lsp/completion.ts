/**
 * Completion that knows where the cursor is (see context.ts): statement heads by block, registry
 * values after the words that take them, identifiers in scope, units suited to the place, routes and
 * frequencies in a dose, and snippets for whole blocks. Identifiers come from the latest analysis,
 * which may lag the text by a keystroke; the context itself never needs a parse.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FREQUENCIES, ROUTES } from '../../grammar/vocabulary';
import type { TrialModel } from '../model';
import { wordsFor } from '../model';
import { ENUMS, enumMeaning, type EnumName } from '../registry/enums';
import { commensurable, describeUnit, suggestUnits, type UnitPlace } from '../units';
import { cursorContext, kinds, type BlockKind, type CursorContext } from './context';
import { HEADS } from './keywords';
import { documentUsage } from './usage';

/**
 * Characters that open completion as the writer types. A space opens it only where a value is
 * expected (after `type `, `status `, a dose amount, a dose unit, `receives ` …): see `complete`.
 */
export const COMPLETION_TRIGGERS = [' ', '/'];

export interface CompletionInputs {
  doc: TextDocument;
  position: { line: number; character: number };
  /** The latest model (possibly of an older version), for identifiers. */
  model?: TrialModel;
  /** Whether the client accepts snippets (`completionItem.snippetSupport`); without, no snippet items. */
  snippets?: boolean;
  /** The trigger character typed, when completion opened on its own. */
  trigger?: string;
}

const usageCache = new Map<string, { version: number; counts: Map<string, number> }>();

/** Word-sequence counts of this document version (one entry per document; replaced on a new version). */
function usageOf(doc: TextDocument): Map<string, number> {
  const hit = usageCache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.counts;
  const counts = documentUsage(doc.getText());
  if (usageCache.size > 100) usageCache.clear();
  usageCache.set(doc.uri, { version: doc.version, counts });
  return counts;
}

export function complete({ doc, position, model, snippets = true, trigger }: CompletionInputs): CompletionList {
  const lineAt = (i: number): string => {
    const text = doc.getText({ start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } });
    return text.replace(/(?:\r\n|\r|\n)$/, '');
  };
  // A position past the end (a client may send any number) is clamped to the document first, so
  // no work is proportional to the number sent.
  const offset = doc.offsetAt(position);
  const at = doc.positionAt(offset);
  const full = doc.getText();
  const ctx = cursorContext(lineAt, at.line, at.character, insideTripleText(full, offset));
  const valuesOnly = trigger === ' ';
  let items = itemsFor(ctx, model, valuesOnly);
  if (!snippets) items = items.filter((i) => i.insertTextFormat !== InsertTextFormat.Snippet);
  if (items.length === 0) return { isIncomplete: false, items };
  return { isIncomplete: false, items: rankByUse(items, usageOf(doc)) };
}

/**
 * Values the document already uses come first, the most used first; the rest keep their order.
 * Keywords and snippets keep their place (only values are ranked).
 */
function rankByUse(items: CompletionItem[], usage: Map<string, number>): CompletionItem[] {
  return items.map((item) => {
    const isValue = item.kind === CompletionItemKind.EnumMember || item.kind === CompletionItemKind.Unit
      || item.kind === CompletionItemKind.Value || item.kind === CompletionItemKind.Variable || item.kind === CompletionItemKind.Function;
    const count = isValue ? usage.get(item.label.toLowerCase()) ?? 0 : 0;
    const sortText = item.sortText ?? item.label;
    return { ...item, sortText: count > 0 ? `0${String(99999 - Math.min(count, 99999)).padStart(5, '0')}${sortText}` : `1${sortText}` };
  });
}

/** True when an odd number of `"""` precede the offset (the cursor is inside a triple text). */
export function insideTripleText(text: string, offset: number): boolean {
  let n = 0;
  for (let i = text.indexOf('"""'); i >= 0 && i + 3 <= offset; i = text.indexOf('"""', i + 3)) n++;
  return n % 2 === 1;
}

/**
 * `valuesOnly`: completion opened by a typed space. Then only the places that expect a value answer
 * (registry values, units, routes and frequencies, declared names): statement heads, snippets and
 * the optional words that may continue a statement stay for Ctrl+Space, so a space never pops a list
 * where the writer is just typing on.
 */
function itemsFor(ctx: CursorContext, model: TrialModel | undefined, valuesOnly = false): CompletionItem[] {
  if (ctx.inTextOrComment) return [];
  let { before } = ctx;
  let start = ctx.partialStart;
  // A unit being typed (`10 mg/k`): the lexer already took `mg/` as a unit; complete the whole unit.
  const last = before[before.length - 1];
  if (last && last.tokenType.name === 'Unit' && last.startOffset + last.image.length === ctx.partialStart) {
    start = last.startOffset;
    before = before.slice(0, -1);
  }
  const c: CursorContext = { ...ctx, before, words: before.map((t) => t.image.toLowerCase()) };
  const range: Range = { start: { line: ctx.line, character: start }, end: { line: ctx.line, character: ctx.character } };
  if (ctx.block === 'unknown') return [];

  const out: CompletionItem[] = [];
  if (!valuesOnly && (c.words.length === 0 || isHeadPrefix(c))) {
    out.push(...headItems(c, ctx.block));
    out.push(...snippetItems(ctx.block, c.before[0] ? { ...range, start: { line: ctx.line, character: c.before[0].startOffset } } : range));
    if (c.words.length === 0) return out;
  }
  const registry = registryContext(c);
  if (registry) {
    const valueStart = registry.start ?? start;
    const r = { ...range, start: { line: ctx.line, character: valueStart } };
    out.push(...registry.items.map((item) => ({ ...item, textEdit: { range: r, newText: item.insertText ?? item.label } })));
    return out;
  }
  out.push(...identifierItems(c, model, range));
  out.push(...unitItems(c, model, range));
  out.push(...dosingItems(c, range));
  if (!valuesOnly) out.push(...followKeywords(c, range));
  return dedupe(out);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind}:${i.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// --- statement heads and snippets ----------------------------------------------------------------

function isHeadPrefix(c: CursorContext): boolean {
  if (c.before.some((t) => t.tokenType.name !== 'Identifier' && !t.tokenType.name.startsWith('Kw'))) return false;
  const typed = c.words.join(' ') + ' ';
  const heads = HEADS[c.block as Exclude<BlockKind, 'unknown'>] ?? [];
  return heads.some((head) => (head.words + ' ').startsWith(typed) && head.words.split(' ').length > c.words.length);
}

function headItems(c: CursorContext, block: BlockKind): CompletionItem[] {
  const heads = HEADS[block as Exclude<BlockKind, 'unknown'>] ?? [];
  const typed = c.words.length ? c.words.join(' ') + ' ' : '';
  const startChar = c.before[0]?.startOffset ?? c.partialStart;
  return heads
    .filter((head) => (head.words + ' ').startsWith(typed) && head.words !== typed.trim())
    .map((head, i) => ({
      label: head.words,
      kind: CompletionItemKind.Keyword,
      detail: `${block === 'top' ? 'block' : block + ' statement'}`,
      documentation: { kind: MarkupKind.Markdown, value: head.doc },
      sortText: `1${String(i).padStart(3, '0')}`,
      textEdit: {
        range: { start: { line: c.line, character: startChar }, end: { line: c.line, character: c.character } },
        newText: head.words,
      },
    }));
}

interface Snippet {
  label: string;
  detail: string;
  body: string;
}

const SNIPPETS: Partial<Record<BlockKind, Snippet[]>> = {
  top: [
    {
      label: 'arm block',
      detail: 'A new arm with its label, type and interventions',
      body: 'arm ${1:name} {\n  label "${2:Arm label}"\n  type ${3|experimental,active comparator,placebo comparator,sham comparator,no intervention,other|}\n  description "${4:What participants in this arm receive}"\n  receives ${5:intervention}\n}\n$0',
    },
    {
      label: 'intervention block with a dose',
      detail: 'A new intervention with one dose and its schedule',
      body: 'intervention ${1:name} {\n  type ${2|drug,biological,device,procedure,radiation,behavioral,genetic,dietary supplement,combination product,diagnostic test,other|}\n  name "${3:Generic name}"\n  dose ${4:1000} ${5:mg} ${6|iv,oral,sc,im|} on days ${7:1} and ${8:15}\n}\n$0',
    },
    {
      label: 'eligibility block',
      detail: 'Age, sex, healthy volunteers and criteria',
      body: 'eligibility {\n  age ${1:18} years to ${2:80} years\n  sex ${3|all,female,male|}\n  healthy volunteers ${4|no,yes|}\n\n  include "${5:inclusion criterion}"\n  exclude "${6:exclusion criterion}"\n}\n$0',
    },
    {
      label: 'measure line',
      detail: 'A measure for doses and criteria',
      body: 'measure ${1:name} "${2:Label}" unit ${3:mg/dL}\n$0',
    },
    {
      label: 'primary outcome block',
      detail: 'A primary outcome with a description and time frame',
      body: 'primary outcome "${1:Title}" {\n  description "${2:What is measured}"\n  at ${3|day,week,month|} ${4:12}\n}\n$0',
    },
  ],
  intervention: [
    {
      label: 'dose line',
      detail: 'A dose with route and schedule',
      body: 'dose ${1:3} ${2:mg/kg/d} ${3|oral,iv,sc,im|} every ${4:12} ${5|h,d,wk|} from day ${6:1}',
    },
  ],
  receives: [{ label: 'dose line', detail: 'A dose for this arm', body: 'dose ${1:1000} ${2:mg} ${3|iv,oral,sc,im|} on days ${4:1}' }],
  eligibility: [
    {
      label: 'inclusion criterion',
      detail: 'An inclusion criterion on a declared measure',
      body: 'include ${1:measure} ${2|>=,>,<=,<,=|} ${3:40} ${4:mL/min/1.73m2}${5: "${6:further conditions}"}',
    },
    { label: 'exclusion criterion', detail: 'An exclusion criterion in words', body: 'exclude "${1:condition that excludes a participant}"' },
  ],
};

function snippetItems(block: BlockKind, range: Range): CompletionItem[] {
  return (SNIPPETS[block] ?? []).map((s, i) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `2${String(i).padStart(3, '0')}`,
    filterText: s.label.split(' ')[0],
    textEdit: { range, newText: s.body },
    documentation: { kind: MarkupKind.Markdown, value: '```trial\n' + s.body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '') + '\n```' },
  }));
}

// --- registry values -------------------------------------------------------------------------------

interface RegistryContext {
  items: CompletionItem[];
  /** Character where the value words start (they are replaced as a whole). */
  start?: number;
}

const enumItemCache = new Map<string, CompletionItem[]>();

function enumItems(...names: EnumName[]): CompletionItem[] {
  const key = names.join('+');
  let items = enumItemCache.get(key);
  if (!items) {
    const seen = new Set<string>();
    items = [];
    for (const name of names) {
      for (const value of ENUMS[name] as readonly string[]) {
        const words = wordsFor(value);
        if (seen.has(words)) continue;
        seen.add(words);
        const meaning = enumMeaning(name, value) ?? '';
        items.push({
          label: words,
          kind: CompletionItemKind.EnumMember,
          detail: `${name} ${value}`,
          documentation: { kind: MarkupKind.Markdown, value: `**${value}** (${name})\n\n${meaning}` },
          sortText: `0${String(items.length).padStart(3, '0')}`,
        });
      }
    }
    enumItemCache.set(key, items);
  }
  return items;
}

function plainValues(values: [string, string][]): CompletionItem[] {
  return values.map(([label, doc], i) => ({
    label,
    kind: CompletionItemKind.EnumMember,
    documentation: doc,
    sortText: `0${String(i).padStart(3, '0')}`,
  }));
}

const PHASES = plainValues([
  ['1', 'PHASE1'],
  ['2', 'PHASE2'],
  ['3', 'PHASE3'],
  ['4', 'PHASE4'],
  ['1/2', 'PHASE1 and PHASE2'],
  ['2/3', 'PHASE2 and PHASE3'],
  ['early 1', 'EARLY_PHASE1: exploratory, before phase 1'],
  ['na', 'NA: not applicable (trials without phases, e.g. devices or behavioural interventions)'],
]);
const ACTUAL_ESTIMATED = plainValues([
  ['actual', 'The date or count has happened / is final.'],
  ['estimated', 'The date or count is anticipated.'],
]);
const YES_NO = plainValues([
  ['no', 'Healthy volunteers may not take part.'],
  ['yes', 'Healthy volunteers may take part.'],
]);

function registryContext(c: CursorContext): RegistryContext | undefined {
  const w = c.words;
  const k = kinds(c);
  const after = (n: number): number | undefined => c.before[n]?.startOffset;
  const hasText = k.some((x) => x === 'Text' || x === 'TripleText');
  /** Value words after the keyword at index `i` (the value starts right after it). */
  const valueAfter = (i: number, items: CompletionItem[]): RegistryContext => ({ items, start: after(i + 1) });
  const idx = (word: string): number => w.lastIndexOf(word);

  switch (c.block) {
    case 'trial':
      if (w[0] === 'study' && w[1] === 'type') return valueAfter(1, enumItems('StudyType'));
      if (w[0] === 'status') return valueAfter(0, enumItems('Status'));
      if (w[0] === 'phase' && w.length === 1) return { items: PHASES };
      if (w[0] === 'phase' && w.length === 2 && w[1] === 'early') return { items: PHASES, start: after(1) };
      if (w[0] === 'secondary' && idx('type') > 0 && idx('domain') < 0) return valueAfter(idx('type'), enumItems('SecondaryIdType'));
      if ((w[0] === 'start' || w[0] === 'completion' || (w[0] === 'primary' && w[1] === 'completion') || w[0] === 'enrollment') &&
        ['DateLiteral', 'NumberLiteral'].includes(k[k.length - 1])) return { items: ACTUAL_ESTIMATED };
      break;
    case 'design':
      if (w[0] === 'allocation') return valueAfter(0, enumItems('DesignAllocation'));
      if (w[0] === 'model' && !hasText) return valueAfter(0, enumItems('InterventionalAssignment', 'ObservationalModel'));
      if (w[0] === 'purpose') return valueAfter(0, enumItems('PrimaryPurpose'));
      if (w[0] === 'masking' && !hasText) {
        if (w.length === 1) return { items: enumItems('DesignMasking') };
        const comma = k.lastIndexOf('Comma');
        return { items: enumItems('WhoMasked'), start: comma >= 0 ? after(comma + 1) : after(2) };
      }
      break;
    case 'sponsors':
      if ((w[0] === 'lead' || w[0] === 'collaborator') && idx('class') > 0) return valueAfter(idx('class'), enumItems('AgencyClass'));
      if (w[0] === 'responsible' && w[1] === 'party' && !hasText && idx('title') < 0) return valueAfter(1, enumItems('ResponsiblePartyType'));
      if (w[0] === 'official' && idx('role') > 0 && idx('affiliation') < 0) return valueAfter(idx('role'), enumItems('OfficialRole'));
      if (w[0] === 'contact' && idx('role') > 0 && idx('phone') < 0 && idx('email') < 0) return valueAfter(idx('role'), enumItems('ContactRole'));
      break;
    case 'intervention':
      if (w[0] === 'type') return valueAfter(0, enumItems('InterventionType'));
      break;
    case 'arm':
      if (w[0] === 'type') return valueAfter(0, enumItems('ArmGroupType'));
      break;
    case 'eligibility':
      if (w[0] === 'sex') return valueAfter(0, enumItems('Sex'));
      if (w[0] === 'healthy' && w[1] === 'volunteers') return valueAfter(1, YES_NO);
      if (w[0] === 'gender' && w[1] === 'based') return valueAfter(1, YES_NO);
      break;
    case 'top':
      if (w[0] === 'site' && idx('status') > 0) return valueAfter(idx('status'), enumItems('RecruitmentStatus'));
      if (w[0] === 'reference' && !hasText && idx('pmid') < 0) return valueAfter(0, enumItems('ReferenceType'));
      break;
  }
  return undefined;
}

// --- identifiers ----------------------------------------------------------------------------------

function identifierItems(c: CursorContext, model: TrialModel | undefined, range: Range): CompletionItem[] {
  if (!model) return [];
  const w = c.words;
  const lastWord = w[w.length - 1];
  const measures = (): CompletionItem[] =>
    [...model.measures.values()].map((m) => ({
      label: m.id.value,
      kind: CompletionItemKind.Variable,
      detail: `measure${m.unit ? ` (${m.unit.value})` : ''}`,
      documentation: m.label.value,
      sortText: '0' + m.id.value,
      textEdit: { range, newText: m.id.value },
    }));
  if (c.block === 'arm' && w.length === 1 && lastWord === 'receives') {
    return [...model.interventions.values()].map((i) => ({
      label: i.id.value,
      kind: CompletionItemKind.Function,
      detail: 'intervention',
      documentation: describeIntervention(i),
      sortText: '0' + i.id.value,
      textEdit: { range, newText: i.id.value },
    }));
  }
  if (lastWord === 'if' && isDoseLine(c)) return measures();
  if (w.length >= 2 && w[w.length - 2] === 'depending' && lastWord === 'on') return measures();
  if (w.length === 2 && w[0] === 'adjust' && w[1] === 'by') return measures();
  if (c.block === 'eligibility' && w.length === 1 && (lastWord === 'include' || lastWord === 'exclude')) return measures();
  return [];
}

function describeIntervention(i: { statements: { kind: string }[]; id: { value: string } }): string {
  const name = i.statements.find((s) => s.kind === 'Text' && (s as unknown as { field: string }).field === 'name') as { text?: { value: string } } | undefined;
  const doses = i.statements.filter((s) => s.kind === 'Dose').length;
  return `${name?.text?.value ?? i.id.value}${doses ? ` — ${doses} dose${doses > 1 ? 's' : ''}` : ''}`;
}

function isDoseLine(c: CursorContext): boolean {
  return (c.block === 'intervention' || c.block === 'receives') && c.words[0] === 'dose';
}

// --- units ----------------------------------------------------------------------------------------

const TIME_WORDS: [string, string][] = [
  ['days', 'days'],
  ['weeks', 'weeks'],
  ['months', 'months'],
  ['years', 'years'],
];

function unitChoiceItems(places: UnitPlace[], range: Range, extraWords: [string, string][] = []): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const place of places) {
    for (const u of suggestUnits(place)) {
      items.push({
        label: u.code,
        kind: CompletionItemKind.Unit,
        detail: u.name,
        documentation: `${u.code} — ${u.name}${u.label ? `; ${u.label}` : ''}`,
        sortText: `0${String(items.length).padStart(3, '0')}`,
        textEdit: { range, newText: u.code },
      });
    }
  }
  for (const [word, doc] of extraWords) {
    items.push({ label: word, kind: CompletionItemKind.Unit, detail: doc, sortText: `1${word}`, textEdit: { range, newText: word } });
  }
  return items;
}

const LAB_PLACES: UnitPlace[] = [
  'lab-count', 'lab-mass-concentration', 'lab-substance-concentration', 'lab-activity', 'lab-ratio', 'renal-function', 'proteinuria',
  'blood-pressure', 'duration', 'dose', 'dose-per-weight', 'dose-rate',
];

const commensurableCache = new Map<string, string[]>();

/** The units a value of this measure may be written in: its own first, then the commensurable ones. */
function measureUnits(unit: string): string[] {
  let list = commensurableCache.get(unit);
  if (!list) {
    const d = describeUnit(unit);
    const own = d?.code ?? unit;
    const candidates = [...new Set(LAB_PLACES.flatMap((p) => suggestUnits(p).map((u) => u.code)))];
    list = [own, ...candidates.filter((code) => code !== own && safeCommensurable(own, code))];
    commensurableCache.set(unit, list);
  }
  return list;
}

function safeCommensurable(a: string, b: string): boolean {
  try {
    return commensurable(a, b);
  } catch {
    return false;
  }
}

function measureUnitItems(model: TrialModel | undefined, measureId: string | undefined, range: Range): CompletionItem[] {
  const decl = measureId ? model?.measures.get(measureId) : undefined;
  if (!decl?.unit) return unitChoiceItems(LAB_PLACES.filter((p) => p.startsWith('lab')), range);
  const declared = decl.unit.value;
  return measureUnits(declared).map((code, i) => {
    const d = describeUnit(code);
    return {
      label: i === 0 ? declared : code,
      kind: CompletionItemKind.Unit,
      detail: d?.name ?? code,
      documentation: i === 0 ? `The unit ${measureId} is declared in.` : `${d?.text ?? code} (converted from ${declared} by the checks).`,
      sortText: `0${String(i).padStart(3, '0')}`,
      preselect: i === 0,
      textEdit: { range, newText: i === 0 ? declared : code },
    };
  });
}

function unitItems(c: CursorContext, model: TrialModel | undefined, range: Range): CompletionItem[] {
  const k = kinds(c);
  const w = c.words;
  if (k[k.length - 1] !== 'NumberLiteral') {
    if (w.length >= 3 && w[0] === 'measure' && w[w.length - 1] === 'unit') return unitChoiceItems(LAB_PLACES, range);
    return [];
  }
  const prev = w[w.length - 2];
  const n = w.length;
  const doseish = (c.block === 'intervention' || c.block === 'receives') && w[0] === 'dose';
  if (doseish && (n === 2 || (n === 4 && prev === 'to'))) {
    return unitChoiceItems(['dose', 'dose-per-weight', 'dose-per-surface', 'dose-rate'], range);
  }
  if (w[0] === 'max' && w[1] === 'cumulative' && w[2] === 'dose' && n === 4) return unitChoiceItems(['dose', 'dose-per-weight', 'dose-per-surface'], range);
  if (w[0] === 'max' && w[1] === 'dose' && n === 3) return unitChoiceItems(['dose', 'dose-per-weight', 'dose-per-surface'], range);
  if (prev === 'every') return unitChoiceItems(['interval'], range, TIME_WORDS);
  if (prev === 'for') return unitChoiceItems(['duration'], range, [...TIME_WORDS, ['cycles', 'treatment cycles']]);
  if (prev === 'after' || prev === 'over' || (w[0] === 'duration' && n === 2)) return unitChoiceItems(['duration'], range, TIME_WORDS);
  if (c.block === 'eligibility' && w[0] === 'age') return unitChoiceItems(['age'], range, TIME_WORDS);
  // A threshold: `include egfr >= 40 |`, `if anc > 1.5 |`, `target 5 to 8 |`.
  const comparator = k.length >= 3 && ['GreaterEqual', 'LessEqual', 'Greater', 'Less', 'Equals'].includes(k[k.length - 2]);
  if (comparator) return measureUnitItems(model, c.before[c.before.length - 3]?.image, range);
  const target = w.lastIndexOf('target');
  if (w[0] === 'adjust' && target > 0) return measureUnitItems(model, c.before[2]?.image, range);
  return [];
}

// --- routes, frequencies and the words that continue a statement ------------------------------------

const ROUTE_ITEMS: CompletionItem[] = Object.entries(ROUTES).map(([code, r], i) => ({
  label: code,
  kind: CompletionItemKind.Value,
  detail: `route: ${r.name}`,
  documentation: `Route of administration: ${r.name}. Also written ${r.spellings.filter((s) => s !== code).join(', ')}.`,
  sortText: `0${String(i).padStart(3, '0')}`,
}));

const FREQUENCY_ITEMS: CompletionItem[] = [
  ...Object.entries(FREQUENCIES).map(([code, f], i) => ({
    label: code,
    kind: CompletionItemKind.Value,
    detail: `frequency: ${f.name}`,
    documentation: `${f.name}${f.perDay ? ` (${Number(f.perDay.toFixed(3))} a day)` : ''}. Also written ${f.spellings.filter((s) => s !== code).join(', ') || '—'}.`,
    sortText: `1${String(i).padStart(3, '0')}`,
  })),
  ...[6, 8, 12, 24].map((h, i) => ({
    label: `q${h}h`,
    kind: CompletionItemKind.Value,
    detail: `frequency: every ${h} hours`,
    documentation: `Every ${h} hours (${24 / h} a day).`,
    sortText: `1${String(20 + i).padStart(3, '0')}`,
  })),
];

function withRange(items: CompletionItem[], range: Range): CompletionItem[] {
  return items.map((i) => ({ ...i, textEdit: { range, newText: i.label } }));
}

function keywordItems(words: string[], range: Range, detail = 'keyword'): CompletionItem[] {
  return words.map((word, i) => ({
    label: word,
    kind: CompletionItemKind.Keyword,
    detail,
    sortText: `5${String(i).padStart(3, '0')}`,
    textEdit: { range, newText: word },
  }));
}

const DOSE_CONTINUATIONS = ['in', 'every', 'on days', 'on day', 'from day', 'to day', 'for', 'if', 'depending on'];

function dosingItems(c: CursorContext, range: Range): CompletionItem[] {
  if (!isDoseLine(c)) return [];
  const k = kinds(c);
  // `dose 1000 mg |` or `dose 1 to 2 mg iv |`: the amount is complete, the rest is optional parts.
  const unitAt = k.findIndex((x, i) => i >= 2 && (x === 'Unit' || x.startsWith('Kw')) && k[i - 1] === 'NumberLiteral');
  if (unitAt < 0) return [];
  const rest = c.words.slice(unitAt + 1);
  if (rest.some((x) => ['in', 'every', 'on', 'from', 'to', 'for', 'if', 'depending'].includes(x))) return [];
  const hasRoute = rest.some((x) => ROUTES[x as keyof typeof ROUTES] || Object.values(ROUTES).some((r) => r.spellings.includes(x)));
  return [...(hasRoute ? [] : withRange(ROUTE_ITEMS, range)), ...withRange(FREQUENCY_ITEMS, range)];
}

function followKeywords(c: CursorContext, range: Range): CompletionItem[] {
  const k = kinds(c);
  const w = c.words;
  const last = w[w.length - 1];
  const lastKind = k[k.length - 1];
  if (isDoseLine(c)) {
    if (last === 'on' && w[w.length - 2] === 'depending') return [];
    if (last === 'on') return keywordItems(['days', 'day'], range);
    if (last === 'from' || last === 'to') return keywordItems(['day'], range);
    if (last === 'depending') return keywordItems(['on'], range);
    if (last === 'in') return [];
    if (lastKind === 'NumberLiteral' && w[w.length - 2] === 'in') return keywordItems(['divided doses'], range);
    const unitAt = k.findIndex((x, i) => i >= 2 && (x === 'Unit' || x.startsWith('Kw')) && k[i - 1] === 'NumberLiteral');
    if (unitAt >= 0 && lastKind !== 'Comparator' && !['if', 'every', 'for'].includes(last)) {
      if (w.includes('if') || w.includes('depending')) return [];
      const afterDay = lastKind === 'NumberLiteral' && w.slice(-3).some((x) => x === 'days' || x === 'day' || x === 'and');
      return keywordItems(afterDay ? ['and', ...DOSE_CONTINUATIONS.filter((x) => !x.startsWith('on'))] : DOSE_CONTINUATIONS, range);
    }
    return [];
  }
  if (c.block === 'intervention') {
    if (w[0] === 'taper' && w.length === 1) return keywordItems(['after'], range);
    if (w[0] === 'stop' && w.length === 1) return keywordItems(['after'], range);
    if (w[0] === 'taper' && w.length === 4) return keywordItems(['over'], range);
    if (w[0] === 'adjust' && w.length === 1) return keywordItems(['by'], range);
    if (w[0] === 'adjust' && w.length === 3) return keywordItems(['target'], range);
    if (w[0] === 'basis' && w.length === 1) return keywordItems(['weight', 'surface'], range);
    if (w[0] === 'max' && w.length === 1) return keywordItems(['dose', 'cumulative'], range);
    if (w[0] === 'max' && w[1] === 'cumulative' && w.length === 2) return keywordItems(['dose'], range);
  }
  if (c.block === 'eligibility' && w[0] === 'age') {
    if (w.length === 1) return keywordItems(['any', 'up to'], range);
    if (w.length === 3 && lastKind !== 'NumberLiteral') return keywordItems(['to', 'or older'], range);
  }
  if (c.block === 'outcome' && (last === 'at' || last === 'and' || lastKind === 'Comma')) return keywordItems(['day', 'week', 'month', 'year'], range);
  if (c.block === 'outcome' && w[0] === 'at' && lastKind === 'NumberLiteral') return keywordItems(['and'], range);
  if (c.block === 'schedule' && w[0] === 'visit') {
    if (w.length === 2) return keywordItems(['at'], range);
    if (last === 'at') return keywordItems(['day', 'week', 'month', 'year'], range);
  }
  // A criterion or a list line ends with its marker (docs/language.md, the layout of the criteria text).
  if ((c.block === 'eligibility' || c.block === 'population') && !w.includes('numbered') && !w.includes('bullet')) {
    if ((w[0] === 'include' || w[0] === 'exclude') && w.length > 1 && lastKind === 'Text') return keywordItems(['numbered', 'bullet'], range);
    if ((w[0] === 'inclusion' || w[0] === 'exclusion') && w[1] === 'criteria' && (lastKind === 'Text' || w.length === 2)) return keywordItems(['numbered', 'bullet'], range);
  }
  if (c.block === 'top' && w[0] === 'measure' && (lastKind === 'Text')) return keywordItems(['unit'], range);
  if (c.block === 'top' && w[0] === 'site') {
    if (lastKind === 'Text' && !w.includes('in') && !w.includes('status')) return keywordItems(['in', 'status'], range);
    if (lastKind === 'Text' && w.includes('in') && !w.includes('status')) return keywordItems(['status'], range);
  }
  if (c.block === 'top' && w[0] === 'reference' && w.length >= 2 && lastKind !== 'Text' && !w.includes('pmid')) return keywordItems(['pmid'], range);
  return [];
}
