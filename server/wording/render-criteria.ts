/**
 * Eligibility criteria → the registry's customary free-text layout:
 *
 *   Inclusion Criteria:
 *
 *   * idiopathic MN with or without diagnostic biopsy
 *   * Proteinuria ≥ 4 g/24 h using the average from …
 *
 *   Exclusion Criteria:
 *
 *   * pregnancy or breast feeding
 *
 * The headings, markers and populations follow the protocol's `inclusion criteria …`,
 * `exclusion criteria …`, `population "…" { … }` and `criteria by population` (layoutCriteria).
 * A free-text criterion is written as is (continuation lines of a multi-line text stay as they
 * are, so nested lists survive). A structured one reads: measure label, comparator (≥ ≤ > < =),
 * value and unit as clinicians write them (`g/24 h`, `mL/min/1.73 m²`, `1 month`), then the note;
 * a range reads `HbA1c 7.0–10.5%`.
 * A section with no criteria is left out. Pure core.
 */
import type * as A from '../../grammar/ast';
import { formatNumber, formatQuantity, writtenNumber } from '../units';
import type { MeasureLabels } from './render-dosing';
import { criterionWordingAgrees } from '../import/extract/agree';

export const INCLUSION_HEADER = 'Inclusion Criteria:';
export const EXCLUSION_HEADER = 'Exclusion Criteria:';

const COMPARATOR_SYMBOLS: Readonly<Record<A.Comparator, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };

function labelOf(measures: MeasureLabels | undefined, id: string): string {
  const label = measures instanceof Map ? measures.get(id) : (measures as Record<string, string> | undefined)?.[id];
  return label ?? id.replace(/_/g, ' ');
}

/** One criterion as a line of text (without the list marker). */
export function renderCriterion(c: A.CriterionStmt, measures?: MeasureLabels): string {
  if (c.text !== undefined && c.measure === undefined) return c.text.value;
  // The criterion's own sentence, while it still says this criterion (docs/export.md, kept wordings).
  if (c.wording && c.measure) {
    const label = measures instanceof Map ? measures.get(c.measure.value) : (measures as Record<string, string> | undefined)?.[c.measure.value];
    if (criterionWordingAgrees(c, label)) return c.wording.value;
  }
  const parts: string[] = [];
  if (c.measure) parts.push(labelOf(measures, c.measure.value));
  if (c.comparator) parts.push(COMPARATOR_SYMBOLS[c.comparator.value]);
  if (c.threshold) parts.push(`${c.low ? `${writtenNumber(c.low)}–` : ''}${formatQuantity(c.threshold.value, c.threshold.unit.value)}`);
  if (c.limit) parts.push(`${formatNumber(c.limit.multiple.value)} × ${c.limit.of.value}`);
  if (c.note) parts.push(c.note.value);
  if (c.text) parts.push(c.text.value);
  return parts.join(' ');
}

/** The marker one item is written with instead of its list's (`numbered "7."`, `bullet ""`). */
export interface ItemMarker {
  numbered: boolean;
  written: string;
}

/** How one list of the text is written, and its items (criterion texts). */
export interface CriteriaList {
  /** True when the protocol states the list (`inclusion criteria …`): its heading is then written even with no items of its own. */
  stated?: boolean;
  /** The heading line(s) as written; '' writes none. */
  heading?: string;
  numbered?: boolean;
  /** `numbered "7."`: the first number and its form; absent: `1.`. */
  firstNumber?: string;
  bullet?: string;
  items: string[];
  /** Per item, the marker it is written with instead of the list's (absent: the list's). */
  markers?: (ItemMarker | undefined)[];
}

/** A number marker's form and value: `7.` → 7, `b)` → 2, `(iv)` is no number form. */
export interface NumberForm {
  open: '' | '(';
  kind: 'digit' | 'lower' | 'upper';
  close: '.' | ')';
  value: number;
}

const NUMBER_MARKER = /^(\(?)(\d{1,3}|[a-z]|[A-Z])([.)])$/;

/** `1.`, `7)`, `(2)`, `a.`, `B)` → its form and value; anything else → undefined. */
export function readNumberMarker(marker: string): NumberForm | undefined {
  const m = NUMBER_MARKER.exec(marker);
  if (!m || (m[1] === '(' && m[3] !== ')')) return undefined;
  const v = m[2]!;
  const kind = /\d/.test(v) ? 'digit' : /[a-z]/.test(v) ? 'lower' : 'upper';
  const value = kind === 'digit' ? Number(v) : v.charCodeAt(0) - (kind === 'lower' ? 96 : 64);
  return { open: m[1] as '' | '(', kind, close: m[3] as '.' | ')', value };
}

/** The marker of number `value` in `form` (letters past z go on as numbers: they have no letter). */
export function writeNumberMarker(form: Omit<NumberForm, 'value'>, value: number): string {
  const v = form.kind === 'digit' || value < 1 || value > 26 ? String(value) : String.fromCharCode(value + (form.kind === 'lower' ? 96 : 64));
  return `${form.open}${v}${form.close}`;
}

const sameForm = (a: NumberForm, b: NumberForm) => a.open === b.open && a.kind === b.kind && a.close === b.close;

/** The study's lists (no title) or one population's. */
export interface CriteriaPart {
  title?: string;
  include: CriteriaList;
  exclude: CriteriaList;
}

export interface CriteriaLayout {
  study: CriteriaPart;
  populations: CriteriaPart[];
  /** `criteria by population`: each population's title, then its own lists; else populations inside the study's lists. */
  byPopulation: boolean;
  /** Per list, how many of the populations (in order) come before the study's own part of it (default 0). */
  studyAfter?: { include?: number; exclude?: number };
}

const DEFAULT_HEADING = { include: INCLUSION_HEADER, exclude: EXCLUSION_HEADER } as const;
const LISTS = ['include', 'exclude'] as const;

/**
 * The marker of each item: its own where it has one, else the list's — numbered (from the list's
 * first number, counting on from an item's own number in the list's form; items with another
 * marker are not counted), the list's bullet, else the fallback list's style, else `*`.
 */
export function itemMarkers(list: CriteriaList, fallback?: CriteriaList): string[] {
  const counter = markerCounter(list, fallback);
  return list.items.map((_, i) => counter.take(list.markers?.[i]));
}

/** The list's markers one item at a time: `next` is the marker the list gives the coming item, `take` writes it (or the item's own). */
export interface MarkerCounter {
  next(): string;
  take(own?: ItemMarker): string;
}

/** The style of a list's markers (itemMarkers), item by item; the import asks it which items need their own marker. */
export function markerCounter(list: Omit<CriteriaList, 'items'>, fallback?: Omit<CriteriaList, 'items'>): MarkerCounter {
  const own = list.numbered || list.bullet !== undefined;
  const style = own ? list : fallback ?? list;
  const form = style.numbered ? readNumberMarker(style.firstNumber ?? '1.') ?? readNumberMarker('1.')! : undefined;
  let count = form?.value ?? 1;
  const next = () => (form ? writeNumberMarker(form, count) : style.bullet ?? '*');
  return {
    next,
    take(mine) {
      if (!mine) {
        const m = next();
        count++;
        return m;
      }
      const n = mine.numbered && form ? readNumberMarker(mine.written) : undefined;
      if (n && sameForm(n, form!)) count = n.value + 1;
      return mine.written;
    },
  };
}

function renderItems(list: CriteriaList, fallback?: CriteriaList): string {
  const markers = itemMarkers(list, fallback);
  return list.items.map((t, i) => (markers[i] === '' ? t : `${markers[i]} ${t}`)).join('\n');
}

/**
 * The criteria text from its parts (docs/language.md, the layout of the criteria text). By section:
 * "Inclusion Criteria:", the study's items, then each population's items under its title (or under
 * its own heading line for the list, `inclusion criteria "Donor Inclusion Criteria"`); the same for
 * the exclusions. The study's heading is left out only when the study has no items of its own in the
 * list, does not state the list, and every population there has its own heading line. By population:
 * the study's lists, then each population's title followed by its own lists.
 */
export function layoutCriteria(layout: CriteriaLayout): string | undefined {
  const parts: string[] = [];
  const { study, populations } = layout;
  const writeList = (list: CriteriaList, defaultHeading: string, fallback?: CriteriaList) => {
    const heading = list.heading ?? defaultHeading;
    if (heading !== '') parts.push(heading);
    if (list.items.length > 0) parts.push(renderItems(list, fallback));
  };
  if (layout.byPopulation) {
    for (const s of LISTS) if (study[s].items.length > 0 || study[s].stated) writeList(study[s], DEFAULT_HEADING[s]);
    for (const p of populations) {
      if (LISTS.every((s) => p[s].items.length === 0)) continue;
      const written = LISTS.filter((s) => p[s].items.length > 0 || p[s].stated);
      // A first heading that names the population ("Patient Inclusion Criteria:", also after lead
      // text before it) stands for its title.
      const first = p[written[0]!].heading ?? '';
      const names = !!p.title && first.split('\n').some((l) => l.trim().toLowerCase().startsWith(p.title!.toLowerCase()));
      if (!names) parts.push(p.title ?? '');
      for (const s of written) writeList(p[s], DEFAULT_HEADING[s], study[s]);
    }
  } else {
    for (const s of LISTS) {
      const after = layout.studyAfter?.[s] ?? 0;
      const inList = populations.filter((p, i) => p[s].items.length > 0 && i >= after);
      for (const p of populations.slice(0, after)) if (p[s].items.length > 0) writeList(p[s], p.title ?? '', study[s]);
      if (study[s].items.length > 0 || study[s].stated || inList.some((p) => p[s].heading === undefined)) writeList(study[s], DEFAULT_HEADING[s]);
      for (const p of inList) writeList(p[s], p.title ?? '', study[s]);
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function listOf(statements: readonly A.PopulationStatement[] | readonly A.EligibilityStatement[], polarity: 'include' | 'exclude', measures?: MeasureLabels): CriteriaList {
  const list: CriteriaList = { items: [], markers: [] };
  for (const s of statements) {
    if (s.kind === 'Criterion' && s.polarity.value === polarity) {
      list.items.push(renderCriterion(s, measures));
      list.markers!.push(s.marker ? { numbered: s.marker.numbered, written: s.marker.written.value } : undefined);
    }
    // The first statement of a list counts, as for every statement of a block.
    if (s.kind === 'CriteriaList' && s.list.value === polarity && !list.stated) {
      list.stated = true;
      if (s.heading) list.heading = s.heading.value;
      if (s.numbered) list.numbered = true;
      if (s.firstNumber) list.firstNumber = s.firstNumber.value;
      if (s.bullet) list.bullet = s.bullet.value;
    }
  }
  return list;
}

/** The whole `eligibilityCriteria` text of an eligibility block, or undefined when it has no criteria. */
export function renderEligibilityCriteria(block: A.EligibilityBlock | undefined, measures?: MeasureLabels): string | undefined {
  const statements = block?.statements ?? [];
  const populations: CriteriaPart[] = [];
  for (const s of statements) {
    if (s.kind === 'Population') populations.push({ title: s.title.value, include: listOf(s.statements, 'include', measures), exclude: listOf(s.statements, 'exclude', measures) });
  }
  const study: CriteriaPart = { include: listOf(statements, 'include', measures), exclude: listOf(statements, 'exclude', measures) };
  // A text with no criteria at all is no text, whatever its headings say.
  if (LISTS.every((l) => study[l].items.length === 0 && populations.every((p) => p[l].items.length === 0))) return undefined;
  return layoutCriteria({ study, populations, byPopulation: statements.some((s) => s.kind === 'CriteriaLayout'), studyAfter: studyAfter(statements) });
}

/** Per list, the populations written before the study's first statement of it: the text follows the document. */
function studyAfter(statements: readonly A.EligibilityStatement[]): { include: number; exclude: number } {
  const out = { include: 0, exclude: 0 };
  for (const s of LISTS) {
    let populations = 0;
    for (const x of statements) {
      if (x.kind === 'Population') populations++;
      else if ((x.kind === 'Criterion' && x.polarity.value === s) || (x.kind === 'CriteriaList' && x.list.value === s)) {
        out[s] = populations;
        break;
      }
    }
  }
  return out;
}
