/**
 * The criteria of an eligibility block: the study's own and those of each `population { … }`.
 * Rules that read criteria use these, so a population's criteria are never out of their sight;
 * rules that compare criteria with each other compare within one group (the same criterion rightly
 * appears in two populations).
 */
import type * as A from '../../grammar/ast';

export interface CriteriaGroup {
  /** Absent for the study's own criteria, which apply to every participant. */
  population?: A.PopulationBlock;
  criteria: A.CriterionStmt[];
}

/** The study's criteria first, then each population's, each in document order. */
export function criteriaGroupsOf(block: A.EligibilityBlock | undefined): CriteriaGroup[] {
  const own: A.CriterionStmt[] = [];
  const groups: CriteriaGroup[] = [{ criteria: own }];
  for (const s of block?.statements ?? []) {
    if (s.kind === 'Criterion') own.push(s);
    else if (s.kind === 'Population') groups.push({ population: s, criteria: s.statements.filter((x): x is A.CriterionStmt => x.kind === 'Criterion') });
  }
  return groups;
}

/** Every criterion of the block, the populations' included, in document order. */
export function criteriaOf(block: A.EligibilityBlock | undefined): A.CriterionStmt[] {
  const out: A.CriterionStmt[] = [];
  for (const s of block?.statements ?? []) {
    if (s.kind === 'Criterion') out.push(s);
    else if (s.kind === 'Population') for (const x of s.statements) if (x.kind === 'Criterion') out.push(x);
  }
  return out;
}
