/**
 * The registry's free-text eligibility criteria → the study's lists and its populations, with the
 * headings and markers as written (so the export writes the same text back).
 *
 * Sections start at an `Inclusion Criteria:` / `Exclusion Criteria:` line (also with words before
 * it such as `Key`, `Patient` or `List of`, bold, without the colon; `Inclusion:` alone with its colon)
 * that starts in the first column. An
 * indented heading line starts a section only when the text has no first-column heading for that
 * section (a bullet before it, `* Inclusion Criteria:`, is part of the heading; some records indent their only `Exclusion Criteria` line, NCT05658640); otherwise it is
 * text of the item it stands in (NCT04280705). Two or more headings of one section that differ in
 * their first words (`Patient Inclusion Criteria:`, `Donor Inclusion Criteria`) open one
 * population each, named by those words; one such word (`Key Inclusion Criteria:`) is the heading
 * as written. Such populations written one after the other, each with all its lists, make the text
 * one by population (NCT04547049).
 *
 * A population title is a short line of its own in the first column, after a blank line, followed by
 * list items or by a section heading ("Healthy Controls", "Cohort 1", "Smokers:"): inside a section it
 * opens that population's part of the list; before the first heading, followed by a heading, the
 * text is laid out population by population. A title is never a criterion.
 *
 * In a list, an item starts at a list marker in the first column (`* `, `- `, `+ `, `• `, `1. `,
 * `1) `, `(1) `; `a. `, `a) `, `(a) ` in a lettered list — under an item with another marker, a lettered line is part
 * of that item); indented lines, blank lines and text straight after an item's line belong to that item,
 * so nested lists stay inside their parent item, verbatim. A line in the first column without a
 * marker after a blank line (a paragraph, a sub-heading that is not a title) becomes an item of its
 * own, except one line right after a heading that leads into its list ("… the following criteria:",
 * followed by a blank line and an item), which is kept with the heading. Text before the first
 * heading stays in place: paragraphs before an inclusion heading go with that heading (`lead:
 * 'heading'`); criteria before an exclusion heading, with no inclusion heading, are the inclusions
 * with the heading '' (none written; `lead: 'inclusions'`); anything else is returned as `preamble`.
 * Each list records the line it starts at, so the statements can follow the record's order.
 */
type Polarity = 'include' | 'exclude';

export interface ImportedList {
  /** The heading line as written, when the text has one for this list. */
  heading?: string;
  /** The markers of the items in the order written (`1.`, `*`, or '' for an item without one). */
  markers: string[];
  items: string[];
  /** The line the list starts at (its heading or first item), for the order of the lists. */
  start?: number;
}

export interface ImportedPart {
  title?: string;
  include: ImportedList;
  exclude: ImportedList;
}

export interface SplitCriteria {
  study: ImportedPart;
  populations: ImportedPart[];
  byPopulation: boolean;
  /**
   * Text before the first section heading that could not be kept where it stands, as items with
   * their markers (imported as inclusion criteria, written after an `Inclusion Criteria:` heading).
   */
  preamble: string[];
  preambleMarkers: string[];
  /** What became of the text before the first heading when it was kept in place (for the import notes). */
  lead?: 'heading' | 'inclusions';
  /** Items that are not list items (sub-headings, paragraphs), for the import notes. */
  unmarked: string[];
}

const HEADING = /^\s*(?:[*•]\s+)?(?:\*\*|__)?\s*((?:[\p{L}][\p{L}\-]*\s+){0,2}?)(inclusion|exclusion)(\s+criteria)?\s*:?\s*(?:\*\*|__)?\s*:?\s*$/iu;
const MARKER = /^([*\-+•]|\d{1,3}[.)]|\(\d{1,3}\))\s+(.*)$/;
const MARKER_ALONE = /^([*\-+•]|\d{1,3}[.)]|\(\d{1,3}\))$/;
/** `a. `, `B) `, `(c) `: an item of a lettered list; in a list of other items, a sub-item of the one above. */
const LETTER = /^([a-zA-Z][.)]|\([a-zA-Z]\))\s+(.*)$/;
/** A population title: short, one line, not a sentence or a lead-in ("… the following:"). */
const TITLE_WORDS = /^[\p{Lu}\d][^.;,]{0,58}[^.;,\s]$/u;
const NOT_TITLE = /\b(following|must|should|will|who|which|that|are|is)\b|^(or|and|and\/or|none|n\/a)\s*:?$/i;

/**
 * Words before "Inclusion Criteria" name a kind of heading ("Key", "Patient", "Pre-Operative") only in
 * a heading's own form: capitalised words, "Inclusion" capitalised or a colon at the end, no bullet
 * before it. "* Not meeting inclusion criteria" is a criterion (NCT05774990).
 */
function plausibleHeading(line: string, h: RegExpExecArray): boolean {
  const q = h[1]!.trim();
  // "Inclusion:" alone, capitalised, with its colon, in the first column (NCT02560883).
  if (h[3] === undefined) return q === '' && /^\p{Lu}/u.test(h[2]!) && /^\S/.test(line) && /:\s*(?:\*\*|__)?\s*$/.test(line) && !/^\s*[*•]/.test(line);
  if (q === '') return true;
  // "List of inclusion criteria:" (NCT04478006).
  if (/^list of$/i.test(q)) return /^\S/.test(line) && /:\s*$/.test(line);
  if (/^\s*[*•]\s/.test(line)) return false;
  if (!q.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && !/^\p{Lu}/u.test(q)) return false;
  if (/\b(?:not|no|non|meeting|meet|any|all|of|the|other|see|same|as)\b/i.test(q)) return false;
  return /^\p{Lu}/u.test(h[2]!) || /:\s*(?:\*\*|__)?\s*$/.test(line);
}

const sectionOf = (h: RegExpExecArray): Polarity => (h[2]!.toLowerCase() === 'inclusion' ? 'include' : 'exclude');
const qualifierOf = (h: RegExpExecArray): string => h[1]!.trim();

export function splitCriteria(text: string): SplitCriteria {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Sections that have a heading in the first column: an indented heading of the same section is
  // then text inside an item (NCT04280705 has "      Exclusion Criteria:" inside its inclusion list).
  const firstColumn = new Set<Polarity>();
  const qualifiers = { include: new Set<string>(), exclude: new Set<string>() };
  const headings = lines.map((line) => {
    const h = HEADING.exec(line);
    return h && plausibleHeading(line, h) ? h : null;
  });
  headings.forEach((h, i) => {
    if (h && /^\S/.test(lines[i]!)) firstColumn.add(sectionOf(h));
  });
  const isHeading = (i: number): RegExpExecArray | null => {
    const h = headings[i];
    return h && (/^\S/.test(lines[i]!) || !firstColumn.has(sectionOf(h))) ? h : null;
  };
  for (let i = 0; i < lines.length; i++) {
    const h = isHeading(i);
    if (h) qualifiers[sectionOf(h)].add(qualifierOf(h).toLowerCase());
  }
  const nextNonBlank = (i: number): number => {
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    return j;
  };
  const isTitle = (i: number, previousBlank: boolean): boolean => {
    const line = lines[i]!;
    if (!previousBlank || !/^\S/.test(line) || MARKER.test(line) || MARKER_ALONE.test(line) || LETTER.test(line)) return false;
    const t = line.trim();
    if (!TITLE_WORDS.test(t) || NOT_TITLE.test(t)) return false;
    const j = nextNonBlank(i);
    return j < lines.length && (MARKER.test(lines[j]!) || LETTER.test(lines[j]!) || isHeading(j) !== null);
  };

  /** One line that leads into the list below it ("… the following criteria:"), right before its first item. */
  const isLeadIn = (i: number): boolean => {
    const line = lines[i]!;
    if (!/^\S/.test(line) || !(/:\s*$/.test(line) || /\bfollowing\b/i.test(line))) return false;
    const j = nextNonBlank(i);
    return j > i + 1 && j < lines.length && MARKER.test(lines[j]!);
  };
  const newList = (): ImportedList & { lines: string[][] } => ({ markers: [], items: [], lines: [] });
  /** The first heading's list: text before it may go with its heading. */
  let firstHeaded: (ImportedList & { lines: string[][] }) | undefined;
  let firstHeadedPolarity: Polarity | undefined;
  const fromQualifier = new Set<string>();
  const newPart = (title?: string) => ({ title, include: newList(), exclude: newList() });
  const study = newPart();
  const pre = newList();
  const populations = new Map<string, ReturnType<typeof newPart>>();
  const populationNamed = (title: string, qualifier = false) => {
    const key = title.toLowerCase().replace(/\s*:$/, '');
    if (qualifier) fromQualifier.add(key);
    let p = populations.get(key);
    if (!p) populations.set(key, (p = newPart(title)));
    return p;
  };
  const unmarked: string[][] = [];
  let byPopulation = false;
  let seenHeading = false;
  let part = study;
  let section: Polarity | 'pre' = 'pre';
  let current: string[] | undefined;
  let previousBlank = true;
  const list = () => (section === 'pre' ? pre : part[section]);
  let at = 0;
  const push = (marker: string, first: string) => {
    current = [first];
    list().start ??= at;
    list().markers.push(marker);
    list().lines.push(current);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    at = i;
    const heading = isHeading(i);
    if (heading) {
      const s = sectionOf(heading);
      const q = qualifierOf(heading);
      if (qualifiers[s].size > 1 && q !== '' && !byPopulation) part = populationNamed(q, true);
      else if (!byPopulation) part = study;
      section = s;
      if (!seenHeading) {
        firstHeaded = part[s];
        firstHeadedPolarity = s;
      }
      seenHeading = true;
      part[s].start ??= i;
      if (part[s].heading === undefined && part[s].lines.length === 0) part[s].heading = line.trim();
      current = undefined;
      previousBlank = true;
      continue;
    }
    if (isTitle(i, previousBlank)) {
      const j = nextNonBlank(i);
      if (!seenHeading && isHeading(j)) byPopulation = true;
      if (byPopulation || section !== 'pre') {
        part = populationNamed(line.trim());
        if (byPopulation) section = 'pre';
        current = undefined;
        previousBlank = true;
        continue;
      }
    }
    const blank = line.trim() === '';
    const letter = LETTER.exec(line);
    if (letter && current && list().markers.some((m) => m !== '' && !LETTER.test(`${m} `))) {
      // `a) ANC ≥ 1.5` under `1. Adequate organ function:`: part of that item, as written.
      current.push(line);
      previousBlank = false;
      continue;
    }
    const marker = MARKER.exec(line) ?? MARKER_ALONE.exec(line) ?? letter;
    if (marker) {
      push(marker[1]!, marker[2] ?? '');
    } else if (blank) {
      if (current) current.push('');
    } else if (section !== 'pre' && list().heading !== undefined && list().lines.length === 0 && isLeadIn(i)) {
      // "In order to be eligible … all of the following criteria:" opens the list: part of its heading, not a criterion.
      list().heading += `\n\n${line.trim()}`;
      current = undefined;
    } else if (/^\S/.test(line) && (previousBlank || !current)) {
      push('', line);
      unmarked.push(current!);
    } else if (current) {
      current.push(line);
    } else {
      push('', line.trim());
      unmarked.push(current!);
    }
    previousBlank = blank;
  }

  const finish = (item: string[]): string => {
    const out = [...item];
    while (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
    return out.join('\n');
  };
  const done = (l: ReturnType<typeof newList>): ImportedList => ({
    ...(l.heading !== undefined ? { heading: l.heading } : {}),
    markers: l.markers,
    items: l.lines.map(finish),
    ...(l.start !== undefined ? { start: l.start } : {}),
  });
  const donePart = (p: ReturnType<typeof newPart>): ImportedPart => ({ ...(p.title !== undefined ? { title: p.title } : {}), include: done(p.include), exclude: done(p.exclude) });
  // Text before the first heading stays where it is: paragraphs that lead into an inclusion list go
  // with its heading; a list with no inclusion heading is the inclusion list, written without one.
  let lead: SplitCriteria['lead'];
  if (pre.lines.length > 0 && !byPopulation) {
    if (firstHeaded && firstHeadedPolarity === 'include' && pre.markers.every((m) => m === '')) {
      firstHeaded.heading = `${pre.lines.map(finish).join('\n\n')}\n\n${firstHeaded.heading}`;
      firstHeaded.start = pre.start;
      lead = 'heading';
    } else if (study.include.heading === undefined && study.include.lines.length === 0) {
      study.include = { ...pre, heading: '' };
      lead = 'inclusions';
    }
    // Lead text is no criterion: it leaves the list of lines imported as criteria of their own.
    if (lead === 'heading') for (const item of pre.lines) unmarked.splice(unmarked.indexOf(item), 1);
  }
  const all = [...populations.entries()];
  // Populations named by their headings ("Patient Inclusion Criteria:") written one after the other,
  // each with all its lists, are a text by population (NCT04547049).
  if (!byPopulation && all.length > 0 && all.every(([k]) => fromQualifier.has(k))) {
    const starts = (p: ReturnType<typeof newPart>) => [p.include.start, p.exclude.start].filter((x): x is number => x !== undefined);
    const studyEnd = Math.max(-1, ...starts(study));
    const ordered = all.every(([, p], i) => i === 0 || Math.min(...starts(p)) > Math.max(...starts(all[i - 1]![1])));
    // Only where the lists by section would change the order: an exclusion list before a later population's inclusions.
    const interleaved = all.some(([, p], i) => p.exclude.start !== undefined && all.slice(i + 1).some(([, q]) => q.include.start !== undefined));
    if (ordered && interleaved && all.every(([, p]) => Math.min(...starts(p)) > studyEnd)) byPopulation = true;
  }
  return {
    study: donePart(study),
    populations: all.map(([, p]) => donePart(p)),
    byPopulation,
    preamble: lead ? [] : pre.lines.map(finish),
    preambleMarkers: lead ? [] : pre.markers,
    ...(lead ? { lead } : {}),
    unmarked: unmarked.map(finish),
  };
}

/** Items compared without layout: whitespace runs collapsed (list markers are already gone). */
export function normalizeCriterion(item: string): string {
  return item.replace(/\s+/g, ' ').trim();
}
