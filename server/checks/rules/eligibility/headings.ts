/** Headings inside the eligibility criteria, which the criteria rules use to tell groups apart. */
import type * as A from '../../../../grammar/ast';

/**
 * A criterion that is a heading of the criteria that follow ("Healthy Controls", "Inclusion criteria
 * for participation in R2:"). Registry texts group criteria under such headings, and the same
 * criterion rightly appears under two of them (each randomisation, each cohort).
 */
export function isHeading(c: A.CriterionStmt): boolean {
  const t = c.text?.value.trim();
  if (!t) return false;
  return /:$/.test(t) || /^(inclusion|exclusion|eligibility)\s+criteri/i.test(t) || (t.split(/\s+/).length <= 3 && t.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w)) && !/[.<>=≤≥%]/.test(t));
}

