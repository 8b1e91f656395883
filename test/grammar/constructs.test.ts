/**
 * One test per construct of the language reference (docs/language.md), each through the real
 * parser, asserting the AST it yields.
 */
import { strict as assert } from 'node:assert';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';

function parseClean(text: string): A.Document {
  const result = parse(text);
  assert.deepEqual(result.diagnostics.map((d) => `${d.code}: ${d.message}`), [], 'no diagnostics');
  return result.ast;
}

function only<K extends A.TopItem['kind']>(doc: A.Document, kind: K): Extract<A.TopItem, { kind: K }> {
  const found = doc.items.filter((i) => i.kind === kind);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0] as Extract<A.TopItem, { kind: K }>;
}

function statement<S extends { kind: string }>(block: { statements: S[] }, index = 0): S {
  const s = block.statements[index];
  assert.ok(s, `statement ${index}`);
  return s;
}

function dose(text: string): A.DoseStmt {
  const block = only(parseClean(`intervention x {\n  ${text}\n}\n`), 'InterventionBlock');
  const d = statement(block);
  assert.equal(d.kind, 'Dose');
  return d as A.DoseStmt;
}

describe('language constructs', () => {
  describe('trial block', () => {
    it('nct id, org study id, secondary id with type and domain', () => {
      const trial = only(parseClean('trial {\n  nct id NCT01234567\n  org study id "ABC-1"\n  secondary id "2026-500123-42-00" type ctis domain "EU CTIS"\n}\n'), 'TrialBlock');
      assert.equal((statement(trial, 0) as A.NctIdStmt).id.value, 'NCT01234567');
      assert.equal((statement(trial, 1) as A.OrgStudyIdStmt).id.value, 'ABC-1');
      const secondary = statement(trial, 2) as A.SecondaryIdStmt;
      assert.deepEqual([secondary.id.value, secondary.idType?.value, secondary.domain?.value], ['2026-500123-42-00', 'ctis', 'EU CTIS']);
    });

    it('titles, acronym, conditions, keywords, summary and multi-line details', () => {
      const trial = only(
        parseClean('trial {\n  brief title "B"\n  official title "O"\n  acronym "AC"\n  condition "C1"\n  condition "C2"\n  keyword "K"\n  summary "S"\n  details """\n    line one\n      indented\n\n    para two\n  """\n}\n'),
        'TrialBlock',
      );
      const texts = trial.statements.map((s) => [(s as A.TextStmt).field, (s as A.TextStmt).text.value]);
      assert.deepEqual(texts, [
        ['briefTitle', 'B'],
        ['officialTitle', 'O'],
        ['acronym', 'AC'],
        ['condition', 'C1'],
        ['condition', 'C2'],
        ['keyword', 'K'],
        ['summary', 'S'],
        ['details', 'line one\n  indented\n\npara two'],
      ]);
    });

    it('escaped quotes in a text', () => {
      const trial = only(parseClean('trial {\n  brief title "The \\"ZEN\\" study \\\\ part 1"\n}\n'), 'TrialBlock');
      assert.equal((statement(trial) as A.TextStmt).text.value, 'The "ZEN" study \\ part 1');
    });

    it('study type, status and why stopped', () => {
      const trial = only(parseClean('trial {\n  study type interventional\n  status active not recruiting\n  why stopped "Funding ended"\n}\n'), 'TrialBlock');
      assert.deepEqual((statement(trial, 0) as A.WordsStmt).words.value, 'interventional');
      assert.deepEqual((statement(trial, 1) as A.WordsStmt).words.value, 'active not recruiting');
      assert.deepEqual((statement(trial, 2) as A.TextStmt).text.value, 'Funding ended');
    });

    it('phases: one, two, early 1 and na', () => {
      const phases = (line: string) => (statement(only(parseClean(`trial {\n  ${line}\n}\n`), 'TrialBlock')) as A.PhaseStmt).phases.map((p) => p.value);
      assert.deepEqual(phases('phase 3'), ['3']);
      assert.deepEqual(phases('phase 2/3'), ['2', '3']);
      assert.deepEqual(phases('phase early 1'), ['early 1']);
      assert.deepEqual(phases('phase na'), ['na']);
    });

    it('dates with partial precision and actual/estimated', () => {
      const trial = only(parseClean('trial {\n  start 2021-04-14 actual\n  primary completion 2024-12 estimated\n  completion 2025\n}\n'), 'TrialBlock');
      const dates = trial.statements.map((s) => [(s as A.DateStmt).field, (s as A.DateStmt).date.value, (s as A.DateStmt).dateType?.value]);
      assert.deepEqual(dates, [
        ['start', '2021-04-14', 'actual'],
        ['primaryCompletion', '2024-12', 'estimated'],
        ['completion', '2025', undefined],
      ]);
    });

    it('enrollment and planned duration', () => {
      const trial = only(parseClean('trial {\n  enrollment 240 estimated\n  duration 24 months\n}\n'), 'TrialBlock');
      const enrollment = statement(trial, 0) as A.EnrollmentStmt;
      assert.deepEqual([enrollment.count?.value, enrollment.countType?.value], [240, 'estimated']);
      const duration = statement(trial, 1) as A.DurationStmt;
      assert.deepEqual([duration.duration.value.value, duration.duration.unit.value], [24, 'months']);
    });

    it('the TODO placeholder stands for a date, the enrollment and the ages; no other name does', () => {
      const doc = parseClean('trial {\n  start TODO\n  primary completion todo estimated\n  enrollment TODO\n}\neligibility {\n  age TODO\n}\n');
      const trial = only(doc, 'TrialBlock');
      const start = statement(trial, 0) as A.DateStmt;
      const primary = statement(trial, 1) as A.DateStmt;
      assert.deepEqual([start.date.value, primary.date.value, primary.dateType?.value], ['TODO', 'todo', 'estimated']);
      const enrollment = statement(trial, 2) as A.EnrollmentStmt;
      assert.deepEqual([enrollment.count, enrollment.placeholder?.value], [undefined, 'TODO']);
      const age = statement(only(doc, 'EligibilityBlock'), 0) as A.AgeStmt;
      assert.deepEqual([age.placeholder?.value, age.min, age.max], ['TODO', undefined, undefined]);
      for (const [block, line] of [['trial', 'start soon'], ['trial', 'enrollment many'], ['eligibility', 'age adults']]) {
        assert.equal(parse(`${block} {\n  ${line}\n}\n`).diagnostics.length, 1, line);
      }
      assert.match(parse('trial {\n  enrollment many\n}\n').diagnostics[0]!.message, /expected a number after 'enrollment', found 'many'/);
    });
  });

  describe('design block', () => {
    it('allocation, model with description, purpose, masking with roles and description', () => {
      const design = only(
        parseClean('design {\n  allocation non randomized\n  model single group "One arm."\n  purpose supportive care\n  masking double participant, outcomes assessor "Sealed envelopes."\n}\n'),
        'DesignBlock',
      );
      assert.equal((statement(design, 0) as A.WordsStmt).words.value, 'non randomized');
      const model = statement(design, 1) as A.ModelStmt;
      assert.deepEqual([model.model.value, model.description?.value], ['single group', 'One arm.']);
      assert.equal((statement(design, 2) as A.WordsStmt).words.value, 'supportive care');
      const masking = statement(design, 3) as A.MaskingStmt;
      assert.deepEqual([masking.level.value, masking.roles.map((r) => r.value), masking.description?.value], ['double', ['participant', 'outcomes assessor'], 'Sealed envelopes.']);
    });

    it('masking none', () => {
      const masking = statement(only(parseClean('design {\n  masking none\n}\n'), 'DesignBlock')) as A.MaskingStmt;
      assert.deepEqual([masking.level.value, masking.roles], ['none', []]);
    });
  });

  describe('sponsors block', () => {
    it('lead, collaborator, responsible party forms, official, contact', () => {
      const sponsors = only(
        parseClean(
          'sponsors {\n  lead "L" class industry\n  collaborator "C"\n  responsible party principal investigator "Dr P" title "Professor" affiliation "Uni"\n  official "O" role study chair affiliation "Uni"\n  contact "Desk" role contact phone "+1 555" email "a@b.org"\n}\n',
        ),
        'SponsorsBlock',
      );
      const lead = statement(sponsors, 0) as A.SponsorStmt;
      assert.deepEqual([lead.role.value, lead.name.value, lead.agencyClass?.value], ['lead', 'L', 'industry']);
      const collaborator = statement(sponsors, 1) as A.SponsorStmt;
      assert.deepEqual([collaborator.role.value, collaborator.agencyClass], ['collaborator', undefined]);
      const party = statement(sponsors, 2) as A.ResponsiblePartyStmt;
      assert.deepEqual([party.partyType?.value, party.investigator?.value, party.title?.value, party.affiliation?.value], ['principal investigator', 'Dr P', 'Professor', 'Uni']);
      const official = statement(sponsors, 3) as A.OfficialStmt;
      assert.deepEqual([official.name.value, official.role?.value, official.affiliation?.value], ['O', 'study chair', 'Uni']);
      const contact = statement(sponsors, 4) as A.ContactStmt;
      assert.deepEqual([contact.name.value, contact.role?.value, contact.phone?.value, contact.email?.value], ['Desk', 'contact', '+1 555', 'a@b.org']);
    });

    it('responsible party sponsor has no investigator', () => {
      const party = statement(only(parseClean('sponsors {\n  responsible party sponsor\n}\n'), 'SponsorsBlock')) as A.ResponsiblePartyStmt;
      assert.deepEqual([party.partyType?.value, party.investigator], ['sponsor', undefined]);
    });

    it('the legacy responsible party: a name/title and an organization, no type', () => {
      const party = statement(only(parseClean('sponsors {\n  responsible party "Ory Keynan" organization "Tel-Aviv Sourasky Medical Center"\n}\n'), 'SponsorsBlock')) as A.ResponsiblePartyStmt;
      assert.deepEqual([party.partyType, party.investigator?.value, party.organization?.value], [undefined, 'Ory Keynan', 'Tel-Aviv Sourasky Medical Center']);
    });
  });

  describe('measures', () => {
    it('with a UCUM unit, a power of ten, an annotation and a time word', () => {
      const doc = parseClean('measure a "A" unit 10*9/L\nmeasure b "B" unit mL/min/{1.73_m2}\nmeasure c "C" unit months\nmeasure d "D"\n');
      const measures = doc.items.map((m) => [(m as A.MeasureDecl).id.value, (m as A.MeasureDecl).unit?.value]);
      assert.deepEqual(measures, [
        ['a', '10*9/L'],
        ['b', 'mL/min/{1.73_m2}'],
        ['c', 'months'],
        ['d', undefined],
      ]);
    });
  });

  describe('dosing', () => {
    it('amount with unit and route on listed days', () => {
      const d = dose('dose 1000 mg iv on days 1, 8 and 15');
      assert.deepEqual([d.amount!.value.value, d.amount!.unit.value, d.route?.value, d.schedule?.days.map((x) => x.value)], [1000, 'mg', 'iv', [1, 8, 15]]);
    });

    it('a dose range', () => {
      const d = dose('dose 1 to 2 mg oral once');
      assert.deepEqual([d.amount!.low?.value, d.amount!.value.value, d.amount!.unit.value], [1, 2, 'mg']);
      assert.deepEqual(d.frequency, { kind: 'named', code: 'once', range: d.frequency!.range });
    });

    it('per body weight and per body surface', () => {
      assert.equal(dose('dose 10 mg/kg iv once').amount!.unit.value, 'mg/kg');
      assert.equal(dose('dose 75 mg/m2 iv once').amount!.unit.value, 'mg/m2');
    });

    it('named frequencies and q-hour frequencies', () => {
      for (const [word, code] of [['bid', 'bid'], ['daily', 'daily'], ['q8h', 'q8h'], ['weekly', 'weekly'], ['tid', 'tid']] as const) {
        const d = dose(`dose 5 mg oral ${word}`);
        assert.equal(d.frequency?.kind === 'named' && d.frequency.code, code, word);
      }
    });

    it('route spellings clinicians use', () => {
      assert.equal(dose('dose 5 mg po daily').route?.value, 'oral');
      assert.equal(dose('dose 5 mg subcutaneous daily').route?.value, 'sc');
      assert.equal(dose('dose 5 mg IV daily').route?.value, 'iv');
    });

    it('divided daily doses with an interval', () => {
      const d = dose('dose 3 mg/kg/d oral in 2 divided doses every 12 h');
      assert.equal(d.divided?.value, 2);
      assert.ok(d.frequency?.kind === 'every');
      assert.deepEqual([d.frequency.interval.value.value, d.frequency.interval.unit.value], [12, 'h']);
    });

    it('divided doses, frequency and interval in either order', () => {
      const a = dose('dose 600 mg oral in 3 divided doses tid');
      const b = dose('dose 600 mg oral tid in 3 divided doses');
      for (const d of [a, b]) {
        assert.equal(d.divided?.value, 3);
        assert.equal(d.frequency?.kind === 'named' && d.frequency.code, 'tid');
      }
      const c = dose('dose 3 mg/kg/d every 12 h in 2 divided doses oral');
      assert.deepEqual([c.divided?.value, c.route?.value, c.frequency?.kind], [2, 'oral', 'every']);
    });

    it('schedule parts and the interval in either order', () => {
      for (const text of ['dose 75 mg/m2 iv on days 1 and 8 every 21 days for 6 cycles', 'dose 75 mg/m2 iv every 21 days on days 1 and 8 for 6 cycles']) {
        const d = dose(text);
        assert.ok(d.frequency?.kind === 'every', text);
        assert.deepEqual([d.frequency.interval.value.value, d.schedule?.days.map((x) => x.value), d.schedule?.for?.value.value], [21, [1, 8], 6], text);
      }
    });

    it('a second frequency in one dose is reported where it is written', () => {
      const result = parse('intervention x {\n  dose 5 mg oral bid every 12 h\n}\n');
      assert.deepEqual(result.diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]), [['dose-repeated-word', 21, 31]]);
    });

    it('from a day, to a day, for a duration', () => {
      const d = dose('dose 5 mg oral daily from day 1 to day 28');
      assert.deepEqual([d.schedule?.from?.value, d.schedule?.to?.value], [1, 28]);
      const e = dose('dose 5 mg oral daily from day 1 for 6 months');
      assert.deepEqual([e.schedule?.from?.value, e.schedule?.for?.value.value, e.schedule?.for?.unit.value], [1, 6, 'months']);
    });

    it('cycles: every 21 days for 6 cycles', () => {
      const d = dose('dose 75 mg/m2 iv every 21 days for 6 cycles');
      assert.ok(d.frequency?.kind === 'every');
      assert.deepEqual([d.frequency.interval.value.value, d.frequency.interval.unit.value], [21, 'days']);
      assert.deepEqual([d.schedule?.for?.value.value, d.schedule?.for?.unit.value], [6, 'cycles']);
    });

    it('conditional dose with a threshold, and one that depends on a measure', () => {
      const d = dose('dose 1000 mg iv on days 15 and 195 if cd19 > 5 10*6/L');
      assert.deepEqual([d.condition?.measure.value, d.condition?.comparator?.value, d.condition?.threshold?.value.value, d.condition?.threshold?.unit.value], ['cd19', '>', 5, '10*6/L']);
      const e = dose('dose 1000 mg iv on days 15 and 195 depending on cd19');
      assert.deepEqual([e.condition?.measure.value, e.condition?.comparator, e.condition?.threshold], ['cd19', undefined, undefined]);
    });

    it('unicode comparators mean the same as ASCII ones', () => {
      assert.equal(dose('dose 1 mg iv once if a ≥ 5 mg').condition?.comparator?.value, '>=');
      assert.equal(dose('dose 1 mg iv once if a ≤ 5 mg').condition?.comparator?.value, '<=');
    });

    it('level-guided adjustment, taper, stop, max dose, basis', () => {
      const block = only(
        parseClean('intervention x {\n  adjust by level target 100 to 150 ng/mL\n  adjust by level\n  taper after 6 months over 3 months\n  stop after 12 months\n  max dose 2000 mg\n  basis weight "actual body weight at screening"\n}\n'),
        'InterventionBlock',
      );
      const adjust = statement(block, 0) as A.AdjustStmt;
      assert.deepEqual([adjust.measure.value, adjust.target?.low?.value, adjust.target?.value.value, adjust.target?.unit.value], ['level', 100, 150, 'ng/mL']);
      assert.equal((statement(block, 1) as A.AdjustStmt).target, undefined);
      const taper = statement(block, 2) as A.TaperStmt;
      assert.deepEqual([taper.after.value.value, taper.over?.value.value], [6, 3]);
      assert.equal((statement(block, 3) as A.StopStmt).after.value.value, 12);
      assert.equal((statement(block, 4) as A.MaxDoseStmt).amount.unit.value, 'mg');
      const basis = statement(block, 5) as A.BasisStmt;
      assert.deepEqual([basis.basis.value, basis.text.value], ['weight', 'actual body weight at screening']);
    });

    it('intervention type, name, other names, description', () => {
      const block = only(parseClean('intervention x {\n  type dietary supplement\n  name "N"\n  other name "O1"\n  other name "O2"\n  description "D"\n}\n'), 'InterventionBlock');
      assert.equal((statement(block, 0) as A.WordsStmt).words.value, 'dietary supplement');
      assert.deepEqual(block.statements.slice(1).map((s) => [(s as A.TextStmt).field, (s as A.TextStmt).text.value]), [
        ['name', 'N'],
        ['otherName', 'O1'],
        ['otherName', 'O2'],
        ['description', 'D'],
      ]);
    });
  });

  describe('arms', () => {
    it('label, type, description, receives, and an arm-specific dose override', () => {
      const arm = only(parseClean('arm a {\n  label "A"\n  type no intervention\n  description "D"\n  receives x\n  receives y {\n    dose 1 mg oral daily\n  }\n}\n'), 'ArmBlock');
      assert.equal((statement(arm, 0) as A.TextStmt).text.value, 'A');
      assert.equal((statement(arm, 1) as A.WordsStmt).words.value, 'no intervention');
      const plain = statement(arm, 3) as A.ReceivesStmt;
      assert.deepEqual([plain.intervention.value, plain.doses.length, plain.overrideBlock], ['x', 0, undefined]);
      const override = statement(arm, 4) as A.ReceivesStmt;
      assert.equal(override.intervention.value, 'y');
      assert.equal(override.doses.length, 1);
      assert.ok(override.overrideBlock);
    });
  });

  describe('eligibility', () => {
    it('age forms', () => {
      const age = (line: string) => {
        const s = statement(only(parseClean(`eligibility {\n  ${line}\n}\n`), 'EligibilityBlock')) as A.AgeStmt;
        return [s.min?.value.value, s.min?.unit.value, s.max?.value.value, s.max?.unit.value];
      };
      assert.deepEqual(age('age 18 years to 80 years'), [18, 'years', 80, 'years']);
      assert.deepEqual(age('age 18 years or older'), [18, 'years', undefined, undefined]);
      assert.deepEqual(age('age up to 17 years'), [undefined, undefined, 17, 'years']);
      assert.deepEqual(age('age any'), [undefined, undefined, undefined, undefined]);
      assert.deepEqual(age('age 6 months to 17 years'), [6, 'months', 17, 'years']);
    });

    it('sex, healthy volunteers, free-text and structured criteria with notes', () => {
      const block = only(
        parseClean('eligibility {\n  sex female\n  healthy volunteers yes\n  include "Adult"\n  include egfr >= 40 mL/min/1.73 m2 "stable for 3 months"\n  exclude anc < 1.5 10*9/L\n}\n'),
        'EligibilityBlock',
      );
      assert.deepEqual(block.statements.slice(0, 2).map((s) => (s as A.WordsStmt).words.value), ['female', 'yes']);
      const [free, egfr, anc] = block.statements.slice(2) as A.CriterionStmt[];
      assert.deepEqual([free.polarity.value, free.text?.value], ['include', 'Adult']);
      assert.deepEqual([egfr.measure?.value, egfr.comparator?.value, egfr.threshold?.value.value, egfr.threshold?.unit.value, egfr.note?.value], ['egfr', '>=', 40, 'mL/min/1.73 m2', 'stable for 3 months']);
      assert.deepEqual([anc.polarity.value, anc.comparator?.value, anc.threshold?.unit.value], ['exclude', '<', '10*9/L']);
    });
  });

  describe('outcomes and schedule', () => {
    it('primary, secondary and other outcomes with time points or free time frames', () => {
      const doc = parseClean(
        'primary outcome "P" {\n  description "D"\n  at month 12\n}\nsecondary outcome "S" {\n  at day 1, week 12 and month 6\n}\nother outcome "O" {\n  time frame "Each visit"\n}\n',
      );
      const [p, s, o] = doc.items as A.OutcomeBlock[];
      assert.deepEqual([p.level.value, p.title.value], ['primary', 'P']);
      assert.deepEqual((statement(p, 1) as A.TimeFrameStmt).points.map((t) => [t.unit.value, t.value.value]), [['month', 12]]);
      assert.deepEqual((statement(s) as A.TimeFrameStmt).points.map((t) => [t.unit.value, t.value.value]), [
        ['day', 1],
        ['week', 12],
        ['month', 6],
      ]);
      assert.deepEqual([o.level.value, (statement(o) as A.TextStmt).field, (statement(o) as A.TextStmt).text.value], ['other', 'timeFrameText', 'Each visit']);
    });

    it('schedule visits', () => {
      const schedule = only(parseClean('schedule {\n  visit baseline at day 1\n  visit m6 at month 6\n}\n'), 'ScheduleBlock');
      assert.deepEqual(schedule.statements.map((v) => (v.kind === 'Visit' ? [v.id.value, v.at.unit.value, v.at.value.value] : [])), [
        ['baseline', 'day', 1],
        ['m6', 'month', 6],
      ]);
    });
  });

  describe('schedule of activities', () => {
    it('periods with kinds and lengths, visits in periods with windows, assessments', () => {
      const schedule = only(
        parseClean('schedule {\n  period screening for 28 days\n  period followup follow up for 4 weeks\n  visit week4 at week 4 in first window -3 to 3 days\n  visit w8 at week 8 window 2 days\n  assess egfr at screening, week4 and w8\n  assess "12-lead ECG" at screening\n}\n'),
        'ScheduleBlock',
      );
      const [screening, followup, week4, w8, egfr, ecg] = schedule.statements;
      assert.ok(screening?.kind === 'Period' && followup?.kind === 'Period');
      assert.deepEqual([screening.id.value, screening.kindWords, screening.length.value.value, screening.length.unit.value], ['screening', undefined, 28, 'days']);
      assert.deepEqual([followup.id.value, followup.kindWords?.value, followup.length.value.value], ['followup', 'follow up', 4]);
      assert.ok(week4?.kind === 'Visit' && w8?.kind === 'Visit');
      assert.deepEqual([week4.period?.value, week4.window?.low?.value, week4.window?.value.value, week4.window?.unit.value], ['first', -3, 3, 'days']);
      assert.deepEqual([w8.period, w8.window?.low, w8.window?.value.value], [undefined, undefined, 2]);
      assert.ok(egfr?.kind === 'Assess' && ecg?.kind === 'Assess');
      assert.deepEqual([egfr.measure?.value, egfr.visits.map((v) => v.value)], ['egfr', ['screening', 'week4', 'w8']]);
      assert.deepEqual([ecg.procedure?.value, ecg.visits.map((v) => v.value)], ['12-lead ECG', ['screening']]);
    });

    it('an arm that follows periods and receives an intervention in one of them', () => {
      const arm = only(parseClean('arm ab {\n  periods first, washout and second\n  receives drug_a in first\n  receives drug_b in second { dose 5 mg oral daily }\n}\n'), 'ArmBlock');
      const [periods, a, b] = arm.statements;
      assert.ok(periods?.kind === 'ArmPeriods' && a?.kind === 'Receives' && b?.kind === 'Receives');
      assert.deepEqual(periods.periods.map((p) => p.value), ['first', 'washout', 'second']);
      assert.deepEqual([a.intervention.value, a.period?.value, b.period?.value, b.doses.length], ['drug_a', 'first', 'second', 1]);
    });
  });

  describe('sites and references', () => {
    it('site with and without state, with status', () => {
      const [a, b, c] = parseClean('site "F1" in "Boston", "Massachusetts", "United States" status recruiting\nsite "F2" in "Lyon", "France"\nsite "F3"\n').items as A.SiteDecl[];
      assert.deepEqual([a.facility.value, a.city?.value, a.state?.value, a.country?.value, a.status?.value], ['F1', 'Boston', 'Massachusetts', 'United States', 'recruiting']);
      assert.deepEqual([b.city?.value, b.state, b.country?.value], ['Lyon', undefined, 'France']);
      assert.deepEqual([c.city, c.country], [undefined, undefined]);
    });

    it('a site with its postal code, and a central contact with a phone extension', () => {
      const [a, b] = parseClean('site "F1" in "Lyon", "France" zip "69003" status recruiting\nsite "F2" zip "10115"\n').items as A.SiteDecl[];
      assert.deepEqual([a.city?.value, a.country?.value, a.zip?.value, a.status?.value], ['Lyon', 'France', '69003', 'recruiting']);
      assert.deepEqual([b.facility.value, b.city, b.zip?.value], ['F2', undefined, '10115']);
      const contact = statement(only(parseClean('sponsors {\n  contact "Desk" phone "+1 555 0100" ext "204" email "a@b.org"\n}\n'), 'SponsorsBlock')) as A.ContactStmt;
      assert.deepEqual([contact.phone?.value, contact.phoneExt?.value, contact.email?.value], ['+1 555 0100', '204', 'a@b.org']);
    });

    it("a site's own contacts, in a block after the site's line", () => {
      const [a, b] = parseClean('site "F1" in "Lyon", "France" status recruiting {\n  contact "Dr A" role principal investigator\n\n  contact "Desk" role contact phone "+33 1" ext "9" email "d@x.org"\n}\nsite "F2"\n').items as A.SiteDecl[];
      assert.deepEqual(a.contacts.map((c) => [c.name.value, c.role?.value, c.phone?.value, c.phoneExt?.value, c.email?.value]), [
        ['Dr A', 'principal investigator', undefined, undefined, undefined],
        ['Desk', 'contact', '+33 1', '9', 'd@x.org'],
      ]);
      assert.equal(a.status?.value, 'recruiting');
      assert.deepEqual([a.contactsBlock?.start.line, a.contactsBlock?.end.line], [0, 4]);
      assert.deepEqual([b.contacts, b.contactsBlock], [[], undefined]);
    });

    it('a site block left open ends at the next top-level item, with one located error', () => {
      const result = parse('site "F1" in "Lyon", "France" {\n  contact "Dr A" role contact\nreference background "Cit"\n');
      assert.deepEqual(result.ast.items.map((i) => i.kind), ['SiteDecl', 'ReferenceDecl']);
      assert.deepEqual((result.ast.items[0] as A.SiteDecl).contacts.map((c) => c.name.value), ['Dr A']);
      assert.deepEqual(result.diagnostics.map((d) => [d.range.start.line, d.message]), [[2, "this block has no closing '}'"]]);
    });

    it('a web link (see also) is an item of its own line, between sites and references', () => {
      const [site, link, ref] = parseClean('site "F1"\nlink "Study website" url "https://example.org/s"\nreference derived "Cit"\n').items;
      assert.deepEqual([site?.kind, ref?.kind], ['SiteDecl', 'ReferenceDecl']);
      assert.ok(link?.kind === 'LinkDecl');
      assert.deepEqual([link.label.value, link.url.value, link.range.start.line], ['Study website', 'https://example.org/s', 1]);
    });

    it('references with and without pmid', () => {
      const [a, b] = parseClean('reference result pmid 123 "Cit A"\nreference derived "Cit B"\n').items as A.ReferenceDecl[];
      assert.deepEqual([a.refType.value, a.pmid?.value, a.citation.value], ['result', '123', 'Cit A']);
      assert.deepEqual([b.refType.value, b.pmid, b.citation.value], ['derived', undefined, 'Cit B']);
    });
  });

  describe('lexical details', () => {
    it('comments are kept with their ranges and do not disturb statements', () => {
      const result = parse('// top\ntrial { // after brace\n  // own line\n  acronym "A" // trailing\n}\n');
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(result.comments.map((c) => [c.text, c.range.start.line, c.range.start.character]), [
        ['// top', 0, 0],
        ['// after brace', 1, 8],
        ['// own line', 2, 2],
        ['// trailing', 3, 14],
      ]);
      assert.equal(((result.ast.items[0] as A.TrialBlock).statements[0] as A.TextStmt).text.value, 'A');
    });

    it('keywords are case-insensitive; names are not keywords', () => {
      const doc = parseClean('Trial {\n  Brief Title "X"\n}\nintervention Dosing_1 {\n  Dose 5 mg IV Daily\n}\n');
      assert.equal(doc.items.length, 2);
      assert.equal((doc.items[1] as A.InterventionBlock).id.value, 'Dosing_1');
    });

    it('a number glued to its unit, and a sentence full stop after a unit', () => {
      assert.equal(dose('dose 1000mg iv once').amount!.unit.value, 'mg');
    });

    it('CRLF line endings', () => {
      const doc = parseClean('trial {\r\n  acronym "A"\r\n}\r\n');
      assert.equal(((doc.items[0] as A.TrialBlock).statements[0] as A.TextStmt).text.value, 'A');
    });
  });
});
