/**
 * Required elements of a ClinicalTrials.gov record (registry-format.md §6; the PRS upload schema
 * and the data element definitions): each missing one is named, on its block's keyword (or the
 * `trial` keyword), with a quick fix that inserts a skeleton line to complete.
 */
import type * as A from '../../../../grammar/ast';
import { dateField, statementsOf, textField, wordsField, type TrialModel } from '../../../model';
import { facts, isInterventional, overallStatus } from '../../facts';
import type { QuickFix, Rule, RuleContext, TextEdit } from '../../types';
import { appendToDocument, insertInBlock } from '../../util';

/** Official Title is required for studies starting on or after 2017-01-18 (DEFS `*§`). */
const OFFICIAL_TITLE_FROM = '2017-01-18';

function month(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function hasDrug(model: TrialModel): boolean {
  for (const t of facts(model).interventionTypes.values()) if (t === 'DRUG' || t === 'BIOLOGICAL') return true;
  return false;
}

interface Missing {
  element: string;
  range: A.Range;
  fixes: QuickFix[];
}

function fix(element: string, edit: TextEdit, title?: string, isPreferred = true): QuickFix {
  return { title: title ?? `Add ${element}`, edits: [edit], isPreferred };
}

export function missingElements(model: TrialModel, ctx: Pick<RuleContext, 'text' | 'lines'>): Missing[] {
  const out: Missing[] = [];
  const text = ctx.text;
  const trial = model.trial;
  const interventional = isInterventional(model);
  // The line index is built only when a fix or the document start needs it.
  const trialRange = trial?.keyword ?? ctx.lines.range(0, 0);

  if (!trial) {
    out.push({
      element: 'the trial block (titles, ids, status, dates, enrollment)',
      range: ctx.lines.range(0, 0),
      fixes: [fix('a trial block', appendToDocument(text, ctx.lines, `trial {\n  org study id "TODO"\n  brief title "TODO"\n  official title "TODO"\n  study type interventional\n  status not yet recruiting\n  start ${month()} estimated\n  primary completion ${month()} estimated\n  completion ${month()} estimated\n  enrollment 0 estimated\n}`))],
    });
  } else {
    const inTrial = (element: string, line: string, options?: { alternatives?: string[] }): void => {
      const lines2 = [line, ...(options?.alternatives ?? [])];
      out.push({
        element,
        range: trialRange,
        fixes: lines2.map((l, i) => fix(element, insertInBlock(text, ctx.lines, trial, l), `Add '${l}'`, i === 0 && !options?.alternatives)),
      });
    };
    const textElement = (field: A.TextField, element: string, line: string): void => {
      const stmt = textField(trial, field);
      if (!stmt) inTrial(element, line);
      else if (stmt.text.value.trim() === '') out.push({ element, range: stmt.text.range, fixes: [fix(element, { range: stmt.text.range, newText: '"TODO"' }, 'Write a placeholder to complete')] });
    };
    if (!statementsOf(trial, 'OrgStudyId')[0]) inTrial('the org study id', 'org study id "TODO"');
    else if (statementsOf(trial, 'OrgStudyId')[0]!.id.value.trim() === '') {
      const s = statementsOf(trial, 'OrgStudyId')[0]!;
      out.push({ element: 'the org study id', range: s.id.range, fixes: [fix('the org study id', { range: s.id.range, newText: '"TODO"' }, 'Write a placeholder to complete')] });
    }
    textElement('briefTitle', 'the brief title', 'brief title "TODO"');
    const start = dateField(trial, 'start');
    if (!start || start.date.value >= OFFICIAL_TITLE_FROM) textElement('officialTitle', 'the official title (required for studies starting on or after 2017-01-18)', 'official title "TODO"');
    if (!wordsField(trial, 'studyType')) inTrial('the study type', 'study type interventional');
    if (!wordsField(trial, 'status')) inTrial('the overall status', 'status not yet recruiting');
    // Skeleton dates keep the order start ≤ primary completion ≤ completion, and are actual for
    // a completed or terminated study; the writer replaces them with the real dates.
    const status = overallStatus(model);
    const kind = status === 'COMPLETED' || status === 'TERMINATED' ? 'actual' : 'estimated';
    const primary = dateField(trial, 'primaryCompletion');
    const completion = dateField(trial, 'completion');
    if (!start) inTrial('the start date', `start ${primary?.date.value ?? completion?.date.value ?? month()} ${kind}`);
    if (!primary) inTrial('the primary completion date', `primary completion ${completion?.date.value ?? start?.date.value ?? month()} ${kind}`);
    if (!completion) inTrial('the study completion date', `completion ${primary?.date.value ?? start?.date.value ?? month()} ${kind}`);
    if (!statementsOf(trial, 'Enrollment')[0]) inTrial('the enrollment', 'enrollment 0 estimated');
    if (interventional && !statementsOf(trial, 'Phase')[0]) {
      if (hasDrug(model)) inTrial('the phase', 'phase 1', { alternatives: ['phase 2', 'phase 3', 'phase 4', 'phase early 1'] });
      else inTrial('the phase', 'phase na');
    }
  }

  if (interventional) {
    const arms = model.arms.size;
    const design = model.design;
    const allocation = arms >= 2 ? 'allocation randomized' : 'allocation na';
    const modelLine = arms >= 2 ? 'model parallel' : 'model single group';
    if (!design) {
      out.push({
        element: 'the design (allocation, model, purpose, masking)',
        range: trialRange,
        fixes: [fix('a design block', appendToDocument(text, ctx.lines, `design {\n  ${allocation}\n  ${modelLine}\n  purpose treatment\n  masking none\n}`))],
      });
    } else {
      const inDesign = (element: string, line: string): void => {
        out.push({ element, range: design.keyword, fixes: [fix(element, insertInBlock(text, ctx.lines, design, line), `Add '${line}'`)] });
      };
      if (!wordsField(design, 'allocation')) inDesign('the allocation', allocation);
      if (!statementsOf(design, 'Model')[0]) inDesign('the intervention model', modelLine);
      if (!wordsField(design, 'purpose')) inDesign('the primary purpose', 'purpose treatment');
      if (!statementsOf(design, 'Masking')[0]) inDesign('the masking', 'masking none');
    }
    if (model.arms.size === 0) {
      out.push({ element: 'at least one arm', range: trialRange, fixes: [fix('an arm', appendToDocument(text, ctx.lines, 'arm arm_1 {\n  label "TODO"\n  type experimental\n}'))] });
    }
    if (model.interventions.size === 0) {
      out.push({ element: 'at least one intervention', range: trialRange, fixes: [fix('an intervention', appendToDocument(text, ctx.lines, 'intervention intervention_1 {\n  type drug\n  name "TODO"\n}'))] });
    }
    if (!model.outcomes.some((o) => o.level.value === 'primary')) {
      out.push({
        element: 'a primary outcome',
        range: trialRange,
        fixes: [fix('a primary outcome', appendToDocument(text, ctx.lines, 'primary outcome "TODO" {\n  time frame "TODO"\n}'))],
      });
    }
  }

  const elig = model.eligibility;
  if (!elig) {
    out.push({ element: 'the eligibility (sex and ages)', range: trialRange, fixes: [fix('an eligibility block', appendToDocument(text, ctx.lines, 'eligibility {\n  age any\n  sex all\n}'))] });
  } else {
    if (!wordsField(elig, 'sex')) out.push({ element: 'the eligible sex', range: elig.keyword, fixes: [fix('the sex', insertInBlock(text, ctx.lines, elig, 'sex all'), "Add 'sex all'")] });
    if (!statementsOf(elig, 'Age')[0]) out.push({ element: 'the eligible ages', range: elig.keyword, fixes: [fix('the ages', insertInBlock(text, ctx.lines, elig, 'age any'), "Add 'age any' (no age limits)")] });
  }

  const sponsors = model.sponsors;
  if (!sponsors) {
    out.push({ element: 'the sponsors (lead sponsor, responsible party)', range: trialRange, fixes: [fix('a sponsors block', appendToDocument(text, ctx.lines, 'sponsors {\n  lead "TODO" class other\n  responsible party sponsor\n}'))] });
  } else {
    if (!statementsOf(sponsors, 'Sponsor').some((s) => s.role.value === 'lead')) {
      out.push({ element: 'the lead sponsor', range: sponsors.keyword, fixes: [fix('the lead sponsor', insertInBlock(text, ctx.lines, sponsors, 'lead "TODO" class other'), 'Add \'lead "…"\'')] });
    }
    if (!statementsOf(sponsors, 'ResponsibleParty')[0]) {
      out.push({ element: 'the responsible party', range: sponsors.keyword, fixes: [fix('the responsible party', insertInBlock(text, ctx.lines, sponsors, 'responsible party sponsor'), "Add 'responsible party sponsor'")] });
    }
  }
  return out;
}

export const registryMissingElement: Rule = {
  code: 'registry-missing-element',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'An element the registry requires is missing; the message names it.' },
  check(model, report, ctx) {
    for (const m of missingElements(model, ctx)) {
      ctx.at(m.range);
      report(m.range, `the registry requires ${m.element}, and this protocol does not state it`, { element: m.element, fixes: m.fixes });
    }
  },
};
