/** Test helper: each criterion of an imported .trial with its list and population, read from the parsed statements. */
import type * as A from '../../grammar/ast';
import type { ParseResult } from '../../grammar/parse';

export interface Placed {
  /** The criterion's words: its kept sentence, else its text. */
  text: string;
  polarity: 'include' | 'exclude';
  population?: string;
}

export function placedCriteria(parsed: ParseResult): Placed[] {
  const block = parsed.ast.items.find((i): i is A.EligibilityBlock => i.kind === 'EligibilityBlock');
  const placed: Placed[] = [];
  const add = (c: A.CriterionStmt, population?: string) =>
    placed.push({ text: c.wording?.value ?? c.text?.value ?? '', polarity: c.polarity.value, ...(population !== undefined ? { population } : {}) });
  for (const st of block?.statements ?? []) {
    if (st.kind === 'Criterion') add(st);
    if (st.kind === 'Population') for (const x of st.statements) if (x.kind === 'Criterion') add(x, st.title.value);
  }
  return placed;
}
