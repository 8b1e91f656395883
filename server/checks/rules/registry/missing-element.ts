/**
 * Required elements of a ClinicalTrials.gov record (registry-format.md §6; the PRS upload schema
 * and the data element definitions): each missing one is named where it belongs — on the keyword
 * of the block it belongs in, or on `trial` when its whole block is missing — with a quick fix that
 * inserts a skeleton line to complete. The elements missing at one place make ONE diagnostic that
 * names them all (errors and warnings apart), with a fix that adds them all.
 *
 * Severity follows the source: an element a registry source requires is an error; an element
 * every comparable real record states but no source here makes required is a warning (the doc
 * section lists which is which, with its condition and source).
 */
import type * as A from '../../../../grammar/ast';
import type { Severity } from '../../../../grammar/diagnostic';
import { dateField, registryValue, statementsOf, textField, wordsField, type TrialModel } from '../../../model';
import { facts, isInterventional } from '../../facts';
import type { QuickFix, Rule, RuleContext, TextEdit } from '../../types';
import { appendToDocument, insertInBlock } from '../../util';

/** Official Title is required for studies starting on or after 2017-01-18 (DEFS `*§`). */
const OFFICIAL_TITLE_FROM = '2017-01-18';

export function hasDrug(model: TrialModel): boolean {
  for (const t of facts(model).interventionTypes.values()) if (t === 'DRUG' || t === 'BIOLOGICAL') return true;
  return false;
}

export interface Missing {
  element: string;
  range: A.Range;
  fixes: QuickFix[];
  /** `error` when a registry source requires the element, `warning` when only real records show it. */
  severity: Extract<Severity, 'error' | 'warning'>;
}

/** FDAAA 801 final rule date, also the DEFS `*§` date: the oversight answers are asked of studies starting on or after it. */
const OVERSIGHT_FROM = '2017-01-18';

function studyTypeOf(model: TrialModel): string | undefined {
  const w = wordsField(model.trial, 'studyType')?.words.value;
  return w ? registryValue(w, 'StudyType') : undefined;
}

/** Responsible-party types that name an investigator (a `TODO` or unknown type is not one). */
const INVESTIGATOR_PARTY = new Set(['PRINCIPAL_INVESTIGATOR', 'SPONSOR_INVESTIGATOR']);

function fix(element: string, edit: TextEdit, title?: string, isPreferred = true): QuickFix {
  return { title: title ?? `Add ${element}`, edits: [edit], isPreferred };
}

export function missingElements(model: TrialModel, ctx: Pick<RuleContext, 'source' | 'lines'>): Missing[] {
  const out: Missing[] = [];
  const required = { push: (m: Omit<Missing, 'severity'>) => out.push({ ...m, severity: 'error' }) };
  const expected = (m: Omit<Missing, 'severity'>): void => {
    out.push({ ...m, severity: 'warning' });
  };
  // Read in parts (the fixes read the lines they edit): not the whole text on every keystroke.
  const text = ctx.source;
  const trial = model.trial;
  const interventional = isInterventional(model);
  // The line index is built only when a fix or the document start needs it.
  const trialRange = trial?.keyword ?? ctx.lines.range(0, 0);

  if (!trial) {
    required.push({
      element: 'the trial block (titles, ids, status, dates, enrollment)',
      range: ctx.lines.range(0, 0),
      fixes: [fix('a trial block', appendToDocument(text, ctx.lines, 'trial {\n  org study id "TODO"\n  brief title "TODO"\n  official title "TODO"\n  study type TODO\n  status TODO\n  start TODO\n  primary completion TODO\n  completion TODO\n  enrollment TODO\n}'))],
    });
  } else {
    /** The placeholder line is the preferred fix; `choices` are registry values the writer may pick by name. */
    /** `sourced: false`: no source shows the registry refusing the record without it (a warning). */
    const inTrial = (element: string, line: string, options?: { choices?: string[]; sourced?: boolean }): void => {
      const lines2 = [line, ...(options?.choices ?? [])];
      (options?.sourced === false ? { push: expected } : required).push({
        element,
        range: trialRange,
        fixes: lines2.map((l, i) => fix(element, insertInBlock(text, ctx.lines, trial, l), `Add '${l}'`, i === 0)),
      });
    };
    const textElement = (field: A.TextField, element: string, line: string): void => {
      const stmt = textField(trial, field);
      if (!stmt) inTrial(element, line);
      else if (stmt.text.value.trim() === '') required.push({ element, range: stmt.text.range, fixes: [fix(element, { range: stmt.text.range, newText: '"TODO"' }, 'Write a placeholder to complete')] });
    };
    if (!statementsOf(trial, 'OrgStudyId')[0]) inTrial('the org study id', 'org study id "TODO"');
    else if (statementsOf(trial, 'OrgStudyId')[0]!.id.value.trim() === '') {
      const s = statementsOf(trial, 'OrgStudyId')[0]!;
      required.push({ element: 'the org study id', range: s.id.range, fixes: [fix('the org study id', { range: s.id.range, newText: '"TODO"' }, 'Write a placeholder to complete')] });
    }
    textElement('briefTitle', 'the brief title', 'brief title "TODO"');
    const start = dateField(trial, 'start');
    if (!start || start.date.value >= OFFICIAL_TITLE_FROM) textElement('officialTitle', 'the official title (required for studies starting on or after 2017-01-18)', 'official title "TODO"');
    // Only the writer knows these: the fix writes a placeholder (placeholder-value keeps it an error
    // until answered), never a value borrowed from another field or made up (a completion date
    // copied as the primary completion date, "0 estimated" participants).
    // PRSXSD: study_type is required inside study_design, itself optional: an error once the
    // protocol states a design (the export then writes the design module), else a warning.
    const statesDesign = !!model.design || !!statementsOf(trial, 'Phase')[0];
    if (!wordsField(trial, 'studyType')) inTrial('the study type', 'study type TODO', { sourced: statesDesign });
    // The status, the dates and the enrollment are optional in PRSXSD (minOccurs 0), their DEFS
    // symbols are in the part not readable, and 42 CFR 11.28(a)(2) lists them as what the
    // responsible party of an applicable clinical trial must submit, not as a refusal: warnings.
    if (!wordsField(trial, 'status')) inTrial('the overall status', 'status TODO', { sourced: false });
    const primary = dateField(trial, 'primaryCompletion');
    const completion = dateField(trial, 'completion');
    if (!start) inTrial('the start date', 'start TODO', { sourced: false });
    if (!primary) inTrial('the primary completion date', 'primary completion TODO', { sourced: false });
    if (!completion) inTrial('the study completion date', 'completion TODO', { sourced: false });
    if (!statementsOf(trial, 'Enrollment')[0]) inTrial('the enrollment', 'enrollment TODO', { sourced: false });
    if (interventional && !statementsOf(trial, 'Phase')[0]) {
      // The phases the registry allows for the interventions, as explicit choices after the placeholder.
      const choices = hasDrug(model) ? ['phase 1', 'phase 2', 'phase 3', 'phase 4', 'phase early 1'] : ['phase na'];
      inTrial('the phase', 'phase TODO', { choices });
    }
  }

  if (interventional) {
    const arms = model.arms.size;
    const design = model.design;
    // One arm: the registry's definitions decide (no allocation, single group); otherwise only the
    // writer knows how participants are assigned.
    const allocation = arms === 1 ? 'allocation na' : 'allocation TODO';
    const modelLine = arms === 1 ? 'model single group' : 'model TODO';
    if (!design) {
      required.push({
        element: 'the design (allocation, model, purpose, masking)',
        range: trialRange,
        fixes: [fix('a design block', appendToDocument(text, ctx.lines, `design {\n  ${allocation}\n  ${modelLine}\n  purpose TODO\n  masking TODO\n}`))],
      });
    } else {
      const inDesign = (element: string, line: string, sourced = true): void => {
        (sourced ? required : { push: expected }).push({ element, range: design.keyword, fixes: [fix(element, insertInBlock(text, ctx.lines, design, line), `Add '${line}'`)] });
      };
      // PRSXSD interventional_design: interventional_subtype (purpose) and allocation are required;
      // assignment (the model) and the masking elements are optional (minOccurs 0): warnings.
      if (!wordsField(design, 'allocation')) inDesign('the allocation', allocation);
      if (!statementsOf(design, 'Model')[0]) inDesign('the intervention model', modelLine, false);
      if (!wordsField(design, 'purpose')) inDesign('the primary purpose', 'purpose TODO');
      if (!statementsOf(design, 'Masking')[0]) inDesign('the masking', 'masking TODO', false);
    }
    // The upload schema allows no arm (`arm_group` 0..n) and no source requires one; single-group
    // records registered 2019–2021 have none (NCT04188236, NCT04767152, NCT04767165): a warning.
    if (model.arms.size === 0) {
      expected({ element: 'at least one arm', range: trialRange, fixes: [fix('an arm', appendToDocument(text, ctx.lines, 'arm arm_1 {\n  label "TODO"\n  type TODO\n}'))] });
    }
    if (model.interventions.size === 0) {
      required.push({ element: 'at least one intervention', range: trialRange, fixes: [fix('an intervention', appendToDocument(text, ctx.lines, 'intervention intervention_1 {\n  type TODO\n  name "TODO"\n}'))] });
    }
    // PRSXSD: primary_outcome 0..n; DEFS's `*` for it is unverified (registry-format.md §7c): a warning.
    if (!model.outcomes.some((o) => o.level.value === 'primary')) {
      expected({
        element: 'a primary outcome',
        range: trialRange,
        fixes: [fix('a primary outcome', appendToDocument(text, ctx.lines, 'primary outcome "TODO" {\n  time frame "TODO"\n}'))],
      });
    }
  }

  // PRSXSD: eligibility is optional (minOccurs 0), but inside it gender, minimum_age and
  // maximum_age are required: the block's absence is a warning, a block without them an error.
  const elig = model.eligibility;
  if (!elig) {
    expected({ element: 'the eligibility (sex and ages)', range: trialRange, fixes: [fix('an eligibility block', appendToDocument(text, ctx.lines, 'eligibility {\n  age TODO\n  sex TODO\n}'))] });
  } else {
    if (!wordsField(elig, 'sex')) required.push({ element: 'the eligible sex', range: elig.keyword, fixes: [fix('the sex', insertInBlock(text, ctx.lines, elig, 'sex TODO'), "Add 'sex TODO'")] });
    if (!statementsOf(elig, 'Age')[0]) required.push({ element: 'the eligible ages', range: elig.keyword, fixes: [fix('the ages', insertInBlock(text, ctx.lines, elig, 'age TODO'), "Add 'age TODO'")] });
  }

  const sponsors = model.sponsors;
  if (!sponsors) {
    required.push({ element: 'the sponsors (organization, lead sponsor, responsible party)', range: trialRange, fixes: [fix('a sponsors block', appendToDocument(text, ctx.lines, 'sponsors {\n  organization "TODO" class TODO\n  lead "TODO" class TODO\n  responsible party TODO\n}'))] });
  } else {
    // PRSXSD: sponsors is optional, but lead_sponsor is required inside it, which the record has
    // as soon as it names a collaborator or a responsible party: then an error, else a warning.
    const sponsorsWritten = statementsOf(sponsors, 'ResponsibleParty').length > 0 || statementsOf(sponsors, 'Sponsor').length > 0;
    if (!statementsOf(sponsors, 'Sponsor').some((s) => s.role.value === 'lead')) {
      (sponsorsWritten ? required : { push: expected }).push({ element: 'the lead sponsor', range: sponsors.keyword, fixes: [fix('the lead sponsor', insertInBlock(text, ctx.lines, sponsors, 'lead "TODO" class TODO'), 'Add \'lead "…"\'')] });
    }
    // The upload schema requires the type only inside `resp_party`, itself optional (0..1); no
    // source here makes it required or says from when (records last updated 2006–2011 lack it): a warning.
    const party = statementsOf(sponsors, 'ResponsibleParty')[0];
    if (!party) {
      expected({ element: 'the responsible party', range: sponsors.keyword, fixes: [fix('the responsible party', insertInBlock(text, ctx.lines, sponsors, 'responsible party TODO'), "Add 'responsible party TODO'")] });
    } else if (!party.partyType) {
      // The legacy form (a free-text name/title and organization, before the registry's 2011 form)
      // has no type; PRSXSD requires `resp_party_type` inside `resp_party` and marks its `name_title`
      // and `organization` "DEPRECATED: use above RP subelements instead": the upload refuses it.
      const head = /^responsible\s+party/i.exec(text.slice(party.range.start.offset, party.range.end.offset));
      const at = party.range.start.offset + (head?.[0].length ?? 0);
      required.push({
        element: "the responsible party's type (the legacy form, written before 2011, has none)",
        range: party.range,
        fixes: head ? [fix("the responsible party's type", { range: ctx.lines.range(at, at), newText: ' TODO' }, "Add the type: 'responsible party TODO …'")] : [],
      });
    } else if (INVESTIGATOR_PARTY.has(registryValue(party.partyType.value, 'ResponsiblePartyType') ?? '')) {
      // An investigator responsible for the record is named with their title and affiliation
      // (PRSXSD: investigator_username, _title, _affiliation "used when type ≠ sponsor"; every one
      // of the 94 saved investigator-type records gives all three). No source read makes them
      // required: a warning.
      const missing = [!party.investigator && 'name', !party.title && 'title', !party.affiliation && 'affiliation'].filter((x): x is string => !!x);
      if (missing.length > 0) {
        const insert = (party.investigator ? '' : ' "TODO"') + (party.title ? '' : ' title "TODO"') + (party.affiliation ? '' : ' affiliation "TODO"');
        // Appended after the statement's last part, which keeps the language's order (name, title,
        // affiliation) only when the missing parts come last; otherwise no fix.
        const present = [!!party.investigator, !!party.title, !!party.affiliation];
        const inOrder = present.lastIndexOf(true) < present.indexOf(false);
        expected({
          element: `the responsible investigator's ${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')}`,
          range: party.partyType.range,
          fixes: inOrder ? [fix("the responsible investigator's details", { range: ctx.lines.range(party.range.end.offset, party.range.end.offset), newText: insert }, `Add ${missing.join(', ')} placeholders`)] : [],
        });
      }
    }
    // PRSXSD: id_info/org_name is required (the registry account's organization).
    const organization = statementsOf(sponsors, 'Organization')[0];
    if (!organization) {
      required.push({ element: 'the organization', range: sponsors.keyword, fixes: [fix('the organization', insertInBlock(text, ctx.lines, sponsors, 'organization "TODO" class TODO'), 'Add \'organization "…"\'')] });
    } else if (organization.name.value.trim() === '') {
      required.push({ element: 'the organization', range: organization.name.range, fixes: [fix('the organization', { range: organization.name.range, newText: '"TODO"' }, 'Write a placeholder to complete')] });
    }
  }

  const type = studyTypeOf(model);
  const design = model.design;
  const inDesign = (element: string, line: string): void => {
    if (design) expected({ element, range: design.keyword, fixes: [fix(element, insertInBlock(text, ctx.lines, design, line), `Add '${line}'`)] });
  };
  if (type === 'OBSERVATIONAL') {
    // PRSXSD: eligibility/study_population and sampling_method "iff observational".
    if (elig) {
      if (!textField(elig, 'studyPopulation')) required.push({ element: 'the study population', range: elig.keyword, fixes: [fix('the study population', insertInBlock(text, ctx.lines, elig, 'study population "TODO"'), 'Add \'study population "…"\'')] });
      if (!wordsField(elig, 'samplingMethod')) required.push({ element: 'the sampling method', range: elig.keyword, fixes: [fix('the sampling method', insertInBlock(text, ctx.lines, elig, 'sampling TODO'), "Add 'sampling …'")] });
    }
    // PRSXSD observational_design (included iff observational) requires observational_study_design
    // and timing (the time perspective); every real observational record states them (43 of 43).
    const inObservational = (element: string, line: string): void => {
      if (design) required.push({ element, range: design.keyword, fixes: [fix(element, insertInBlock(text, ctx.lines, design, line), `Add '${line}'`)] });
    };
    if (!design) {
      required.push({ element: 'the observational design (observational model, time perspective)', range: trialRange, fixes: [fix('a design block', appendToDocument(text, ctx.lines, 'design {\n  observational model TODO\n  time perspective TODO\n}'))] });
    } else {
      if (!wordsField(design, 'observationalModel')) inObservational('the observational model', 'observational model TODO');
      if (!wordsField(design, 'timePerspective')) inObservational('the time perspective', 'time perspective TODO');
    }
  }
  if (type === 'EXPANDED_ACCESS') {
    // PRSXSD names the expanded-access types; no source here makes them required.
    if (!design) expected({ element: 'the expanded-access types', range: trialRange, fixes: [fix('a design block', appendToDocument(text, ctx.lines, 'design {\n  expanded access TODO\n}'))] });
    else if (!statementsOf(design, 'ExpandedAccessTypes')[0]) inDesign('the expanded-access types', 'expanded access TODO');
  }
  if (interventional && trial) {
    // No source here makes them required; every real interventional record starting on or after
    // 2017-01-18 states both (124 of 124), older ones mostly do not.
    const start = dateField(trial, 'start')?.date.value;
    if (start === undefined || start >= OVERSIGHT_FROM) {
      const oversight = model.oversight;
      if (!oversight) {
        expected({ element: 'the oversight answers (FDA-regulated drug, FDA-regulated device)', range: trialRange, fixes: [fix('an oversight block', appendToDocument(text, ctx.lines, 'oversight {\n  fda regulated drug TODO\n  fda regulated device TODO\n}'))] });
      } else {
        for (const [field, element, line] of [
          ['fdaRegulatedDrug', 'whether an FDA-regulated drug is studied', 'fda regulated drug TODO'],
          ['fdaRegulatedDevice', 'whether an FDA-regulated device is studied', 'fda regulated device TODO'],
        ] as const) {
          if (!wordsField(oversight, field)) expected({ element, range: oversight.keyword, fixes: [fix(element, insertInBlock(text, ctx.lines, oversight, line), `Add '${line}'`)] });
        }
      }
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
  // Besides the names (how many arms and interventions): the blocks, intervention types, outcome levels.
  reads: ['TrialBlock', 'DesignBlock', 'SponsorsBlock', 'EligibilityBlock', 'OversightBlock', 'InterventionBlock', 'OutcomeBlock'],
  check(model, report, ctx) {
    for (const group of byPlace(missingElements(model, ctx))) {
      const first = group[0]!;
      ctx.at(first.range);
      const elements = group.map((m) => m.element);
      const them = elements.length > 1 ? 'them' : 'it';
      const message = first.severity === 'error'
        ? `the registry requires ${list(elements)}, and this protocol does not state ${them}`
        : `registry records of this kind state ${list(elements)} (no source makes ${them} required: a warning), and this protocol does not`;
      const fixes = group.length > 1 ? [allFix(group), ...group.flatMap((m) => m.fixes.map((f) => ({ ...f, isPreferred: false })))] : first.fixes;
      report(first.range, message, { element: elements.join('; '), elements, fixes }, first.severity);
    }
  },
};

/** The missing elements grouped by where they are reported and their severity, in document order. */
function byPlace(missing: Missing[]): Missing[][] {
  const groups = new Map<string, Missing[]>();
  for (const m of missing) {
    const key = `${m.range.start.offset}:${m.range.end.offset}:${m.severity}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values()];
}

/** "a", "a and b", "a, b and c" */
function list(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One fix adding every element of a place: each element's preferred fix, with insertions at the
 * same point (the same block's end, the document's end) joined in order.
 */
function allFix(group: Missing[]): QuickFix {
  const edits = new Map<number, TextEdit>();
  for (const m of group) {
    const f = m.fixes.find((x) => x.isPreferred) ?? m.fixes[0];
    for (const e of f?.edits ?? []) {
      const at = e.range.start.offset;
      const before = edits.get(at);
      if (before && before.range.end.offset === at && e.range.end.offset === at) before.newText += e.newText;
      else if (!before) edits.set(at, { range: e.range, newText: e.newText });
    }
  }
  return { title: `Add the ${group.length} missing elements`, edits: [...edits.values()], isPreferred: true };
}
