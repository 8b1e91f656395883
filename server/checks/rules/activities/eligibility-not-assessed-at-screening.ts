import type * as A from '../../../../grammar/ast';
import { criteriaOf, hasScheduleOfActivities, studyCalendar, type TrialModel } from '../../../model';
import type { RuleContext, TextEdit } from '../../types';
import { itemRule } from '../../types';
import { insertInBlock } from '../../util';

/** Visits that take place before treatment starts: in a screening or run-in period, or on Day 1 or before. */
export function screeningVisits(model: TrialModel): Set<string> {
  const out = new Set<string>();
  for (const t of studyCalendar(model).visits) {
    if (t.day === null) continue;
    if (t.period?.kind === 'screening' || t.period?.kind === 'run-in' || t.day <= 1) out.add(t.visit.id.value);
  }
  return out;
}

export const eligibilityNotAssessedAtScreening = itemRule({
  code: 'eligibility-not-assessed-at-screening',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'An eligibility threshold names a measure the schedule of activities never assesses before treatment starts.' },
  kinds: ['EligibilityBlock'],
  deps: (_e, model) => [model.schedule],
  checkItem(eligibility, model, report, ctx) {
    // Only a protocol with a schedule of activities says what is assessed when (imported records have none).
    const schedule = model.schedule;
    if (!schedule || !hasScheduleOfActivities(model) || model.eligibility !== eligibility) return;
    const screening = screeningVisits(model);
    const firstScreening = studyCalendar(model).visits.find((t) => screening.has(t.visit.id.value))?.visit.id.value;
    for (const stmt of criteriaOf(eligibility)) {
      if (!stmt.measure) continue;
      ctx.at(stmt.measure.range);
      const measure = stmt.measure.value;
      const lines = model.assessments.filter((a) => a.measure?.value === measure);
      if (lines.some((a) => a.visits.some((v) => screening.has(v.value)))) continue;
      const fixes = firstScreening ? [{ title: `Assess ${measure} at ${firstScreening}`, edits: [fixEdit(ctx, schedule, lines[0], measure, firstScreening)], isPreferred: true }] : [];
      report(stmt.measure.range, `'${measure}' decides eligibility, but the schedule of activities does not assess it at screening${firstScreening ? ` (for example at '${firstScreening}')` : ' (it has no visit before Day 1)'}, so the threshold cannot be checked before enrolment`, { fixes });
    }
  },
});

function fixEdit(ctx: Pick<RuleContext, 'source' | 'lines'>, schedule: A.ScheduleBlock, line: A.AssessStmt | undefined, measure: string, visit: string): TextEdit {
  if (line) {
    const last = line.visits[line.visits.length - 1]!;
    return { range: { start: last.range.end, end: last.range.end }, newText: ` and ${visit}` };
  }
  return insertInBlock(ctx.source, ctx.lines, schedule, `assess ${measure} at ${visit}`);
}
