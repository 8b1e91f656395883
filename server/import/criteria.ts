/**
 * The registry's free-text eligibility criteria → inclusion and exclusion items.
 *
 * Sections start at an `Inclusion Criteria:` / `Exclusion Criteria:` line (also `Key …`, bold,
 * without the colon) that starts in the first column. An indented heading line starts a section only
 * when the text has no first-column heading for that section (some records indent their only
 * `Exclusion Criteria` line, NCT05658640); otherwise it is text of the item it stands in. In a section, an item starts at a list marker in the first column (`* `,
 * `- `, `+ `, `• `, `1. `, `1) `); indented lines, blank lines and text straight after an item's
 * line belong to that item, so nested lists stay inside their parent item, verbatim. A line in the
 * first column without a marker after a blank line (a sub-heading such as "Smokers:", or a
 * paragraph) becomes an item of its own. Text before the first heading is returned as `preamble`.
 */
import { renderCriteriaLists } from '../export/render-criteria';

export interface SplitCriteria {
  include: string[];
  exclude: string[];
  /** Text before the first section heading, as items. */
  preamble: string[];
  /** Items that are not list items (sub-headings, paragraphs), for the import notes. */
  unmarked: string[];
  /** True when re-rendering the items in the export layout gives back exactly the input. */
  exact: boolean;
}

const HEADING = /^\s*(?:\*\*|__)?\s*(?:key\s+)?(inclusion|exclusion)\s+criteria\s*:?\s*(?:\*\*|__)?\s*:?\s*$/i;
const MARKER = /^(?:[*\-+•]|\d{1,3}[.)])\s+(.*)$/;
const MARKER_ALONE = /^(?:[*\-+•]|\d{1,3}[.)])$/;

export function splitCriteria(text: string): SplitCriteria {
  const lists: Record<'pre' | 'include' | 'exclude', string[][]> = { pre: [], include: [], exclude: [] };
  const unmarked: string[][] = [];
  let section: 'pre' | 'include' | 'exclude' = 'pre';
  let current: string[] | undefined;
  let previousBlank = true;

  const allLines = text.replace(/\r\n?/g, '\n').split('\n');
  const sectionOf = (h: RegExpExecArray) => (h[1]!.toLowerCase() === 'inclusion' ? 'include' : 'exclude');
  // Sections that have a heading in the first column: an indented heading of the same section is
  // then text inside an item (NCT04280705 has "      Exclusion Criteria:" inside its inclusion list).
  const firstColumn = new Set<string>();
  for (const line of allLines) {
    const h = HEADING.exec(line);
    if (h && /^\S/.test(line)) firstColumn.add(sectionOf(h));
  }
  for (const raw of allLines) {
    const line = raw;
    const match = HEADING.exec(line);
    const heading = match && (/^\S/.test(line) || !firstColumn.has(sectionOf(match))) ? match : null;
    if (heading) {
      section = heading[1]!.toLowerCase() === 'inclusion' ? 'include' : 'exclude';
      current = undefined;
      previousBlank = true;
      continue;
    }
    const blank = line.trim() === '';
    const marker = MARKER.exec(line);
    if (marker || MARKER_ALONE.test(line)) {
      current = [marker ? marker[1]! : ''];
      lists[section].push(current);
    } else if (blank) {
      if (current) current.push('');
    } else if (/^\S/.test(line) && (previousBlank || !current)) {
      current = [line];
      lists[section].push(current);
      unmarked.push(current);
    } else if (current) {
      current.push(line);
    } else {
      current = [line.trim()];
      lists[section].push(current);
      unmarked.push(current);
    }
    previousBlank = blank;
  }

  const finish = (item: string[]): string => {
    const lines = [...item];
    while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
    return lines.join('\n');
  };
  const include = lists.include.map(finish);
  const exclude = lists.exclude.map(finish);
  const preamble = lists.pre.map(finish);
  const rendered = renderCriteriaLists(include, exclude);
  return {
    include,
    exclude,
    preamble,
    unmarked: unmarked.map(finish),
    exact: preamble.length === 0 && rendered === text,
  };
}

/** Items compared without layout: whitespace runs collapsed (list markers are already gone). */
export function normalizeCriterion(item: string): string {
  return item.replace(/\s+/g, ' ').trim();
}
