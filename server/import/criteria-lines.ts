/**
 * The eligibility text of a record → the `.trial` statements that say it: the study's criteria,
 * `inclusion criteria …` / `exclusion criteria …` where the heading or the markers are not the
 * standard ones, `population "…" { … }` for each population and `criteria by population` for a text
 * laid out population by population (criteria.ts reads the text), each criterion with its own marker
 * where it differs from its list's (criteria-markers.ts). The same plan gives the text the export
 * will write, so the import notes say exactly where it differs from the record. Each criterion goes
 * through the structurer, which writes a threshold it can read as a structured criterion.
 */
import { INCLUSION_HEADER, EXCLUSION_HEADER, layoutCriteria, type CriteriaList, type CriteriaPart, type ItemMarker } from '../wording/render-criteria';
import { splitCriteria, type ImportedList, type ImportedPart, type SplitCriteria } from './criteria';
import { ownMarkerWords, planMarkers, styleWords, type MarkerPlan } from './criteria-markers';
import { quote, textValue } from './emit';
import type { Structurer } from './extract/structure';

const DEFAULT_HEADING = { include: INCLUSION_HEADER, exclude: EXCLUSION_HEADER } as const;
const LIST_WORD = { include: 'inclusion', exclude: 'exclusion' } as const;
const LISTS = ['include', 'exclude'] as const;
type Polarity = (typeof LISTS)[number];

interface PlannedList {
  list: ImportedList;
  plan: MarkerPlan;
  /** Its `inclusion criteria …` line, when the list needs one. */
  line?: string;
}
interface PlannedPart {
  part: ImportedPart;
  include: PlannedList;
  exclude: PlannedList;
}

/** The study's lists (the preamble that could not stay in place joins its inclusions) and each population's, with their markers planned. */
function planParts(split: SplitCriteria): { study: PlannedPart; populations: PlannedPart[] } {
  const include: ImportedList = { ...split.study.include, markers: [...split.preambleMarkers, ...split.study.include.markers], items: [...split.preamble, ...split.study.include.items] };
  const studyPart: ImportedPart = { ...split.study, include };
  const study: PlannedPart = { part: studyPart, include: { list: include, plan: planMarkers(include.markers) }, exclude: { list: studyPart.exclude, plan: planMarkers(studyPart.exclude.markers) } };
  const populations = split.populations.map((p): PlannedPart => ({
    part: p,
    include: { list: p.include, plan: planMarkers(p.include.markers, study.include.plan.style) },
    exclude: { list: p.exclude, plan: planMarkers(p.exclude.markers, study.exclude.plan.style) },
  }));
  return { study, populations };
}

/** Per list, how many populations (in order) the record writes before the study's own part of it. */
function studyAfter(study: PlannedPart, populations: PlannedPart[]): Record<Polarity, number> {
  const out = { include: 0, exclude: 0 };
  for (const s of LISTS) {
    const start = study[s].list.start;
    if (start === undefined) continue;
    while (out[s] < populations.length && (populations[out[s]]![s].list.start ?? Infinity) < start) out[s]++;
  }
  return out;
}

/** The text the export will write from these statements (layoutCriteria, as the export calls it). */
function plannedText(study: PlannedPart, populations: PlannedPart[], byPopulation: boolean, after: Record<Polarity, number>): string | undefined {
  const list = (p: PlannedList): CriteriaList => ({
    stated: p.line !== undefined,
    ...(p.list.heading !== undefined ? { heading: p.list.heading } : {}),
    ...p.plan.style,
    items: p.list.items,
    markers: p.plan.own,
  });
  const part = (p: PlannedPart): CriteriaPart => ({ title: p.part.title, include: list(p.include), exclude: list(p.exclude) });
  return layoutCriteria({ study: part(study), populations: populations.map(part), byPopulation, studyAfter: after });
}

/** `inclusion criteria "…" numbered "7."`, or nothing when the list is written the standard way. */
function listLine(polarity: Polarity, planned: PlannedList, inPopulation: boolean, needed: boolean): string | undefined {
  const { list, plan } = planned;
  const headingWords = list.heading !== undefined && (inPopulation || list.heading !== DEFAULT_HEADING[polarity]) ? ` ${quote(list.heading)}` : '';
  const words = styleWords(plan.style, quote);
  if (!needed && headingWords === '' && words === '') return undefined;
  return `${LIST_WORD[polarity]} criteria${headingWords}${words}`;
}

/** Each list's `inclusion criteria …` line: the study's when it is not the standard one or must be stated, a population's when it has a heading or the text is by population. */
function planLines(split: SplitCriteria, study: PlannedPart, populations: PlannedPart[]): void {
  for (const polarity of LISTS) {
    const list = study[polarity].list;
    // The study's heading is written by the export when it has items; else only when stated.
    const needed = list.heading !== undefined && list.items.length === 0 && (split.byPopulation || split.populations.every((p) => p[polarity].heading !== undefined || p[polarity].items.length === 0));
    study[polarity].line = listLine(polarity, study[polarity], false, needed);
    for (const p of populations) {
      if (p[polarity].list.items.length === 0 && p[polarity].list.heading === undefined) continue;
      p[polarity].line = listLine(polarity, p[polarity], true, split.byPopulation);
    }
  }
}

export function criteriaLines(text: string, structurer: Structurer, I: string, notes: string[]): string[] {
  const split = splitCriteria(text);
  const { study, populations } = planParts(split);
  planLines(split, study, populations);
  const out: string[] = [];
  if (split.preamble.length > 0) {
    notes.push(`The eligibility text has ${split.preamble.length} paragraph(s) before any "Inclusion Criteria:" heading; they were imported as inclusion criteria.`);
  }
  if (split.lead === 'heading') notes.push('The eligibility text has text before its "Inclusion Criteria:" heading; it was kept with that heading (`inclusion criteria "…"`), not as a criterion.');
  if (split.lead === 'inclusions') notes.push('The eligibility text lists criteria before any inclusion heading; they were imported as inclusion criteria, written without a heading (`inclusion criteria ""`).');
  if (split.unmarked.length > 0) {
    notes.push(`The eligibility text has ${split.unmarked.length} line(s) that are not list items (sub-headings or paragraphs, e.g. ${quote(split.unmarked[0]!.split('\n')[0]!.slice(0, 60))}); each was imported as a criterion of its own, written without a marker (\`bullet ""\`): review them.`);
  }
  const own = [study, ...populations].flatMap((p) => LISTS.flatMap((s) => p[s].plan.own)).filter((o) => o !== undefined).length;
  if (own > 0) notes.push(`${own} criteria keep a marker of their own (\`numbered "…"\` / \`bullet "…"\`), where the record's differs from the one its list gives.`);
  const after = split.byPopulation ? { include: 0, exclude: 0 } : studyAfter(study, populations);
  const relaid = plannedText(study, populations, split.byPopulation, after) ?? '';
  if (relaid.replace(/\s+/g, ' ').trim() !== text.replace(/\s+/g, ' ').trim()) {
    notes.push(`The eligibility text will not be exported word for word: ${[
      split.preamble.length > 0 ? 'text before the first heading gets an "Inclusion Criteria:" heading' : '',
    ].filter((x) => x !== '').join('; ') || 'its layout is not one the language states (the order of its lists)'}. The criteria and their lists are kept.`);
  }
  const all = [split.study, ...split.populations];
  structurer.criteriaSectionsKnown = all.some((p) => p.exclude.items.length > 0) || !/exclusion/i.test(text);
  const count = { include: 0, exclude: 0 };
  const criterion = (polarity: Polarity, c: string, marker: ItemMarker | undefined, indent: string) =>
    structurer.criterion(polarity, c, ++count[polarity], () => `${polarity} ${textValue(c, indent)}`) + ownMarkerWords(marker, quote);
  const items = (p: PlannedList, polarity: Polarity, indent: string) => p.list.items.map((c, i) => criterion(polarity, c, p.plan.own[i], indent));

  if (split.byPopulation) out.push('criteria by population');
  const studyList = (polarity: Polarity) => [...(study[polarity].line ? [study[polarity].line!] : []), ...items(study[polarity], polarity, I)];
  const population = (p: PlannedPart) => {
    const lines = ['', `population ${quote(p.part.title ?? '')} {`];
    for (const polarity of LISTS) {
      const line = p[polarity].line;
      if (line) lines.push(`${I}${line}`);
      for (const c of items(p[polarity], polarity, I + I)) lines.push(`${I}${c}`);
    }
    lines.push('}');
    return lines;
  };
  // The study's lists stand where the record writes them among the populations (the export follows the document).
  for (let i = 0; i <= populations.length; i++) {
    for (const polarity of LISTS) {
      if (after[polarity] !== i) continue;
      if (i > 0) out.push('');
      out.push(...studyList(polarity));
    }
    if (i < populations.length) out.push(...population(populations[i]!));
  }
  return out;
}
