/**
 * The import report of one imported study: what became structured, what stayed text and why, and
 * what the record lacks that the registry requires (the checks' `registry-missing-element`
 * diagnostics on the imported file). Text for people, JSON for tools; shared by the CLI
 * (`trial import --report`) and the language server's import request.
 */
import { checkText } from '../checks';
import type { ImportedTrial } from './index';
import type { ImportReport } from './extract/structure';

export type { ImportReport } from './extract/structure';

/** The report with `missing` filled from the checks on the imported text. */
export function completeReport(trial: ImportedTrial): ImportReport {
  const diagnostics = checkText(trial.text).diagnostics;
  const missing = diagnostics.filter((d) => d.code === 'registry-missing-element').map((d) => d.message);
  return { ...trial.report, missing };
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * n) / of)} %`);

export function reportText(trial: ImportedTrial, report: ImportReport = completeReport(trial)): string {
  const out: string[] = [`Import report: ${trial.id}`];
  const stating = report.interventionsStatingDose.length;
  out.push(
    `  doses: ${report.doses.length} structured dose line(s); ${report.interventionsWithDose.filter((x) => report.interventionsStatingDose.includes(x)).length} of ${stating} intervention(s) stating a dose have one (${pct(report.interventionsWithDose.filter((x) => report.interventionsStatingDose.includes(x)).length, stating)})`,
  );
  for (const d of report.doses) out.push(`    + ${d.where}: ${d.line}`);
  if (report.dosesText.length > 0) out.push(`  dose amounts kept as text: ${report.dosesText.length}`);
  for (const d of report.dosesText) out.push(`    - ${d.where}: "${d.text}" — ${d.reason}`);
  out.push(`  criteria: ${report.structuredNumericCriteria} of ${report.numericCriteria} numeric criteria structured (${pct(report.structuredNumericCriteria, report.numericCriteria)})`);
  for (const c of report.criteria) out.push(`    + ${c.where}: ${c.line.replace(/ as ".*$/, '')}`);
  for (const c of report.criteriaText) out.push(`    - ${c.where}: "${c.text}" — ${c.reason}`);
  if (report.missing.length > 0) {
    out.push(`  the registry requires, the record lacks: ${report.missing.length}`);
    for (const m of report.missing) out.push(`    ! ${m}`);
  } else {
    out.push('  the record has every element the registry requires');
  }
  return `${out.join('\n')}\n`;
}

export function reportJson(trial: ImportedTrial, report: ImportReport = completeReport(trial)): object {
  return { id: trial.id, fileName: trial.fileName, notes: trial.notes, ...report };
}
