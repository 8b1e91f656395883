/**
 * The eligibility text of a record → the `.trial` statements that say it: the study's criteria,
 * `inclusion criteria …` / `exclusion criteria …` where the heading or the markers are not the
 * standard ones, `population "…" { … }` for each population and `criteria by population` for a text
 * laid out population by population (criteria.ts reads the text). Each criterion goes through the
 * structurer, which writes a threshold it can read as a structured criterion.
 */
import { INCLUSION_HEADER, EXCLUSION_HEADER } from '../wording/render-criteria';
import { listStyle, reLayout, splitCriteria, type ImportedList, type ImportedPart } from './criteria';
import { quote, textValue } from './emit';
import type { Structurer } from './extract/structure';

const DEFAULT_HEADING = { include: INCLUSION_HEADER, exclude: EXCLUSION_HEADER } as const;
const LIST_WORD = { include: 'inclusion', exclude: 'exclusion' } as const;
type Polarity = 'include' | 'exclude';

/** `inclusion criteria "…" numbered`, or nothing when the list is written the standard way. */
function listLine(polarity: Polarity, list: ImportedList, inPopulation: boolean, needed: boolean, fallback?: ImportedList): string | undefined {
  const style = listStyle(list.markers) ?? (list.markers.every((m) => /^\d/.test(m)) ? { numbered: true as const } : { bullet: '*' });
  const inherited = fallback ? listStyle(fallback.markers) : undefined;
  const sameAsInherited = inherited !== undefined && JSON.stringify(inherited) === JSON.stringify(style);
  const styleWords = 'numbered' in style
    ? (sameAsInherited ? '' : ' numbered')
    : style.bullet === '*' && (!inPopulation || inherited === undefined || sameAsInherited) ? '' : sameAsInherited ? '' : ` bullet ${quote(style.bullet)}`;
  const headingWords = list.heading !== undefined && (inPopulation || list.heading !== DEFAULT_HEADING[polarity]) ? ` ${quote(list.heading)}` : '';
  if (!needed && headingWords === '' && styleWords === '') return undefined;
  return `${LIST_WORD[polarity]} criteria${headingWords}${styleWords}`;
}

export function criteriaLines(text: string, structurer: Structurer, I: string, notes: string[]): string[] {
  const split = splitCriteria(text);
  const out: string[] = [];
  if (split.preamble.length > 0) {
    notes.push(`The eligibility text has ${split.preamble.length} paragraph(s) before any "Inclusion Criteria:" heading; they were imported as inclusion criteria.`);
  }
  if (split.unmarked.length > 0) {
    notes.push(`The eligibility text has ${split.unmarked.length} line(s) that are not list items (sub-headings or paragraphs, e.g. ${quote(split.unmarked[0]!.split('\n')[0]!.slice(0, 60))}); each was imported as a criterion of its own: review them.`);
  }
  const relaid = reLayout(split) ?? '';
  if (relaid.replace(/\s+/g, ' ').trim() !== text.replace(/\s+/g, ' ').trim()) {
    notes.push(`The eligibility text will not be exported word for word: ${[
      split.preamble.length > 0 ? 'text before the first heading gets an "Inclusion Criteria:" heading' : '',
      split.unmarked.length > 0 ? 'lines that are not list items get a list marker' : '',
      split.irregularLists > 0 ? `${split.irregularLists} list(s) with mixed or irregular markers are written with one style (numbered again from 1)` : '',
    ].filter((x) => x !== '').join('; ') || 'its layout is not one the language states'}. The criteria and their lists are kept.`);
  }
  const all = [split.study, ...split.populations];
  structurer.criteriaSectionsKnown = all.some((p) => p.exclude.items.length > 0) || !/exclusion/i.test(text);
  const count = { include: 0, exclude: 0 };
  const criterion = (polarity: Polarity, c: string, indent: string) =>
    structurer.criterion(polarity, c, ++count[polarity], () => `${polarity} ${textValue(c, indent)}`);

  const study: ImportedPart = { ...split.study, include: { ...split.study.include, markers: [...split.preamble.map(() => '*'), ...split.study.include.markers], items: [...split.preamble, ...split.study.include.items] } };
  if (split.byPopulation) out.push('criteria by population');
  for (const polarity of ['include', 'exclude'] as const) {
    const list = study[polarity];
    // The study's heading is written by the export when it has items; else only when stated.
    const needed = list.heading !== undefined && list.items.length === 0 && (split.byPopulation || split.populations.every((p) => p[polarity].heading !== undefined || p[polarity].items.length === 0));
    const line = listLine(polarity, list, false, needed);
    if (line) out.push(line);
    for (const c of list.items) out.push(criterion(polarity, c, I));
  }
  for (const p of split.populations) {
    out.push('', `population ${quote(p.title ?? '')} {`);
    for (const polarity of ['include', 'exclude'] as const) {
      const list = p[polarity];
      if (list.items.length === 0 && list.heading === undefined) continue;
      const line = listLine(polarity, list, true, split.byPopulation, study[polarity]);
      if (line) out.push(`${I}${line}`);
      for (const c of list.items) out.push(`${I}${criterion(polarity, c, I + I)}`);
    }
    out.push('}');
  }
  return out;
}
