/**
 * Kept wordings in the export. An imported dose or criterion keeps the registry's own sentence
 * (`as "…"`). The export writes that sentence while reading it again gives exactly the structure now
 * written (server/import/extract/agree.ts); once the writer edits the structure, the structure is
 * rendered instead, so the registry receives what the protocol says. Deterministic, no fingerprints.
 *
 *   placeDoses(description, doses, names, render) → the description with each worded dose in place, and the doses still to render
 */
import type * as A from '../../grammar/ast';
import { doseWordingAgrees } from '../import/extract/agree';

export interface PlacedDoses {
  description: string | undefined;
  /** Doses the description does not say: rendered in the dosing paragraph as before. */
  rest: A.DoseStmt[];
}

/**
 * A worded dose whose sentence is in the description: kept as written when it still agrees, else
 * the sentence is replaced there by the rendered dose. Other doses are left to the dosing paragraph.
 */
export function placeDoses(description: string | undefined, doses: readonly A.DoseStmt[], names: string[], render: (d: A.DoseStmt) => string): PlacedDoses {
  let text = description;
  const rest: A.DoseStmt[] = [];
  for (const d of doses) {
    const wording = d.wording?.value;
    const at = wording && text !== undefined ? text.indexOf(wording) : -1;
    if (!wording || at < 0 || text === undefined) {
      rest.push(d);
      continue;
    }
    if (!doseWordingAgrees(d, names)) text = text.slice(0, at) + render(d) + text.slice(at + wording.length);
  }
  return { description: text, rest };
}
