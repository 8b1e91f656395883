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

/** How one list of the text is written, and its items (criterion texts). */
export interface CriteriaList {
  /** True when the protocol states the list (`inclusion criteria …`): its heading is then written even with no items of its own. */
  stated?: boolean;
  heading?: string;
  numbered?: boolean;
  bullet?: string;
  items: string[];
}

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
}

const DEFAULT_HEADING = { include: INCLUSION_HEADER, exclude: EXCLUSION_HEADER } as const;
const LISTS = ['include', 'exclude'] as const;

/** The items with their markers: numbered, the list's bullet, else the fallback list's style, else `*`. */
function renderItems(list: CriteriaList, fallback?: CriteriaList): string {
  const own = list.numbered || list.bullet !== undefined;
  const style = own ? list : fallback ?? list;
  const marker = (i: number) => (style.numbered ? `${i + 1}. ` : style.bullet === '' ? '' : `${style.bullet ?? '*'} `);
  return list.items.map((t, i) => `${marker(i)}${t}`).join('\n');
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
    parts.push(list.heading ?? defaultHeading);
    if (list.items.length > 0) parts.push(renderItems(list, fallback));
  };
  if (layout.byPopulation) {
    for (const s of LISTS) if (study[s].items.length > 0 || study[s].stated) writeList(study[s], DEFAULT_HEADING[s]);
    for (const p of populations) {
      if (LISTS.every((s) => p[s].items.length === 0)) continue;
      parts.push(p.title ?? '');
      for (const s of LISTS) if (p[s].items.length > 0 || p[s].stated) writeList(p[s], DEFAULT_HEADING[s], study[s]);
    }
  } else {
    for (const s of LISTS) {
      const inList = populations.filter((p) => p[s].items.length > 0);
      if (study[s].items.length > 0 || study[s].stated || inList.some((p) => p[s].heading === undefined)) writeList(study[s], DEFAULT_HEADING[s]);
      for (const p of inList) writeList(p[s], p.title ?? '', study[s]);
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function listOf(statements: readonly A.PopulationStatement[] | readonly A.EligibilityStatement[], polarity: 'include' | 'exclude', measures?: MeasureLabels): CriteriaList {
  const list: CriteriaList = { items: [] };
  for (const s of statements) {
    if (s.kind === 'Criterion' && s.polarity.value === polarity) list.items.push(renderCriterion(s, measures));
    // The first statement of a list counts, as for every statement of a block.
    if (s.kind === 'CriteriaList' && s.list.value === polarity && !list.stated) {
      list.stated = true;
      if (s.heading) list.heading = s.heading.value;
      if (s.numbered) list.numbered = true;
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
  return layoutCriteria({ study, populations, byPopulation: statements.some((s) => s.kind === 'CriteriaLayout') });
}
