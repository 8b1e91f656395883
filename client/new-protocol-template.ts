/**
 * The "Trial: New Protocol" template, as a VS Code snippet: every element the registry requires is
 * present, and each thing only the writer knows is a tab stop holding a "TODO" text. Expanded as is,
 * the only diagnostics are `placeholder-value` on those TODO texts (the export refuses a record that
 * still says "TODO"), and once they are written it checks clean (test/client/new-protocol-template.test.ts,
 * and the e2e suite in the real VS Code). Pure: no `vscode` import.
 */

/** `YYYY-MM` of the month `months` after `date`'s month. */
function monthAfter(date: Date, months: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The snippet body. Dates are estimated and in the future (start next month), as for a study not yet recruiting. */
export function newProtocolSnippet(today: Date = new Date()): string {
  return `// A new protocol. Fill in every TODO (Tab moves to the next one); the checks say what else is missing.
// Language reference: docs/language.md · every diagnostic: docs/diagnostics.md

trial {
  org study id "\${1:TODO-001}"
  brief title "\${2:TODO: a short title in plain language}"
  official title "\${3:TODO: the full scientific title}"
  study type interventional
  phase \${4|2,1,1/2,2/3,3,4,early 1|}
  status not yet recruiting
  start ${monthAfter(today, 1)} estimated
  primary completion ${monthAfter(today, 13)} estimated
  completion ${monthAfter(today, 19)} estimated
  enrollment \${5:100} estimated
  condition "\${6:TODO: condition studied}"

  summary "\${7:TODO: what the study tests, in two or three sentences.}"
}

design {
  allocation randomized
  model parallel
  purpose treatment
  masking none
}

sponsors {
  organization "\${8:TODO: sponsor organisation}" class \${9|other,industry,nih,fed,network,indiv|}
  lead "\${8}" class \${23|other,industry,nih,fed,network,indiv|}
  responsible party sponsor
}

oversight {
  fda regulated drug \${21|yes,no|}
  fda regulated device \${22|no,yes|}
}

intervention \${10:study_drug} {
  type drug
  name "\${11:TODO: generic name}"
  dose \${12:100} \${13:mg} \${14|oral,iv,sc,im|} every 24 h from day 1 for 12 weeks
}

intervention placebo {
  type drug
  name "Placebo"
  dose \${12:100} \${13:mg} \${14} every 24 h from day 1 for 12 weeks
}

arm treatment {
  label "\${15:TODO: treatment arm}"
  type experimental
  description "\${16:TODO: what participants in this arm receive}"
  receives \${10}
}

arm control {
  label "Placebo"
  type placebo comparator
  description "Placebo matching the study drug"
  receives placebo
}

eligibility {
  age 18 years or older
  sex all
  healthy volunteers no

  include "\${17:TODO: inclusion criterion}"
  exclude "\${18:TODO: exclusion criterion}"
}

primary outcome "\${19:TODO: primary outcome}" {
  description "\${20:TODO: what is measured, and how}"
  at week 12
}
$0`;
}

/**
 * The text a snippet inserts when every tab stop keeps its default (first choice of a choice),
 * following VS Code's snippet syntax for the forms used above: `${n:default}`, `${n|a,b|}`, `${n}`, `$n`.
 * A mirror `${n}` repeats the default of its tab stop.
 */
export function expandSnippetDefaults(body: string): string {
  const defaults = new Map<string, string>();
  for (const m of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  for (const m of body.matchAll(/\$\{(\d+)\|([^,|]*)[^}]*\|\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return body
    .replace(/\$\{(\d+):[^}]*\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$(\d+)/g, '');
}
