/**
 * The seed example (NCT04743739) through the real parser: no syntax diagnostics, and the AST holds
 * every structured element of the record.
 */
import { strict as assert } from 'node:assert';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';
import { readExample } from '../helpers/paths';

const result = parse(readExample('NCT04743739.trial'));
const items = result.ast.items;
const ofKind = <K extends A.TopItem['kind']>(kind: K) => items.filter((i): i is Extract<A.TopItem, { kind: K }> => i.kind === kind);

function doseSummary(d: A.DoseStmt) {
  return {
    amount: d.amount!.value.value,
    unit: d.amount!.unit.value,
    route: d.route?.value,
    frequency: d.frequency?.kind === 'named' ? d.frequency.code : d.frequency ? `every ${d.frequency.interval.value.value} ${d.frequency.interval.unit.value}` : undefined,
    divided: d.divided?.value,
    days: d.schedule?.days.map((x) => x.value),
    condition: d.condition?.measure.value,
  };
}

describe('seed example NCT04743739', () => {
  it('parses with no diagnostics', () => {
    assert.deepEqual(result.diagnostics, []);
  });

  it('has the trial block with identification, status, dates and enrollment', () => {
    const [trial] = ofKind('TrialBlock');
    const byKind = (kind: string) => trial.statements.filter((s) => s.kind === kind);
    assert.equal((byKind('NctId')[0] as A.NctIdStmt).id.value, 'NCT04743739');
    assert.equal((byKind('OrgStudyId')[0] as A.OrgStudyIdStmt).id.value, 'iMN RTX plus CsA');
    const texts = Object.fromEntries((byKind('Text') as A.TextStmt[]).map((s) => [s.field, s.text.value]));
    assert.equal(texts.briefTitle, 'Rituximab Combined With Cyclosporine Versus Rituximab Alone in the Treatment of iMN');
    assert.equal(texts.condition, 'Idiopathic Membranous Nephropathy');
    assert.match(texts.summary, /^The primary objective of this study/);
    assert.equal(texts.details.split('\n\n').length, 3, 'three paragraphs kept');
    assert.deepEqual((byKind('Phase')[0] as A.PhaseStmt).phases.map((p) => p.value), ['3']);
    const words = Object.fromEntries((byKind('Words') as A.WordsStmt[]).map((s) => [s.field, s.words.value]));
    assert.deepEqual(words, { studyType: 'interventional', status: 'terminated' });
    const dates = (byKind('Date') as A.DateStmt[]).map((d) => [d.field, d.date.value, d.dateType?.value]);
    assert.deepEqual(dates, [
      ['start', '2021-04-14', 'actual'],
      ['completion', '2024-12-20', 'actual'],
    ]);
    const enrollment = byKind('Enrollment')[0] as A.EnrollmentStmt;
    assert.deepEqual([enrollment.count?.value, enrollment.countType?.value], [12, 'actual']);
  });

  it('has both interventions with every dose structured', () => {
    const [rituximab, cyclosporine] = ofKind('InterventionBlock');
    assert.equal(rituximab.id.value, 'rituximab');
    const doses = rituximab.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose').map(doseSummary);
    assert.deepEqual(doses, [
      { amount: 1000, unit: 'mg', route: 'iv', frequency: undefined, divided: undefined, days: [1, 181], condition: undefined },
      { amount: 1000, unit: 'mg', route: 'iv', frequency: undefined, divided: undefined, days: [15, 195], condition: 'cd19_b_cells' },
    ]);
    const otherNames = (b: A.InterventionBlock) => b.statements.filter((s): s is A.TextStmt => s.kind === 'Text' && s.field === 'otherName').map((s) => s.text.value);
    assert.deepEqual(otherNames(rituximab), ['CD20 antibody']);
    assert.deepEqual(otherNames(cyclosporine), ['CsA']);

    const csaDoses = cyclosporine.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose').map(doseSummary);
    assert.deepEqual(csaDoses, [
      { amount: 3, unit: 'mg/kg/d', route: 'oral', frequency: 'every 12 h', divided: 2, days: undefined, condition: undefined },
    ]);
    const adjust = cyclosporine.statements.find((s): s is A.AdjustStmt => s.kind === 'Adjust');
    assert.equal(adjust?.measure.value, 'csa_level');
    const taper = cyclosporine.statements.find((s): s is A.TaperStmt => s.kind === 'Taper');
    assert.deepEqual([taper?.after.value.value, taper?.after.unit.value, taper?.over?.value.value, taper?.over?.unit.value], [6, 'months', 3, 'months']);
  });

  it('has both arms with their types and interventions', () => {
    const arms = ofKind('ArmBlock').map((arm) => ({
      id: arm.id.value,
      label: arm.statements.find((s): s is A.TextStmt => s.kind === 'Text' && s.field === 'label')?.text.value,
      type: arm.statements.find((s): s is A.WordsStmt => s.kind === 'Words')?.words.value,
      receives: arm.statements.filter((s): s is A.ReceivesStmt => s.kind === 'Receives').map((r) => r.intervention.value),
    }));
    assert.deepEqual(arms, [
      { id: 'monotherapy', label: 'Rituximab monotherapy', type: 'active comparator', receives: ['rituximab'] },
      { id: 'combination', label: 'Rituximab combined with cyclosporine', type: 'experimental', receives: ['rituximab', 'cyclosporine'] },
    ]);
  });

  it('has eligibility with ages, sex, volunteers and every criterion', () => {
    const [eligibility] = ofKind('EligibilityBlock');
    const age = eligibility.statements.find((s): s is A.AgeStmt => s.kind === 'Age')!;
    assert.deepEqual([age.min?.value.value, age.min?.unit.value, age.max?.value.value, age.max?.unit.value], [18, 'years', 80, 'years']);
    const criteria = eligibility.statements
      .filter((s): s is A.CriterionStmt => s.kind === 'Criterion')
      .map((c) => [c.polarity.value, c.measure?.value ?? c.text?.value, c.comparator?.value, c.threshold?.value.value, c.threshold?.unit.value]);
    assert.deepEqual(criteria, [
      ['include', 'idiopathic MN with or without diagnostic biopsy', undefined, undefined, undefined],
      ['include', 'Female, must be post-menopausal, sterile or have effective method of contraception', undefined, undefined, undefined],
      ['include', 'time_off_steroids', '>', 1, 'month'],
      ['include', 'acei_arb_duration', '>=', 3, 'months'],
      ['include', 'proteinuria', '>=', 4, 'g/24h'],
      ['include', 'egfr', '>=', 40, 'mL/min/1.73m2'],
      ['exclude', 'presence of active infection or a secondary cause of MN', undefined, undefined, undefined],
      ['exclude', 'diabetes mellitus: to exclude proteinuria secondary to diabetic nephropathy.', undefined, undefined, undefined],
      ['exclude', 'pregnancy or breast feeding', undefined, undefined, undefined],
      ['exclude', 'history of resistance to CsA or other calcineurin inhibitors(CNI), RTX or alkylating agents.', undefined, undefined, undefined],
      [
        'exclude',
        'Patients who previously achieved remission after treatment of CNI, RTX or alkylating agents but relapsed off CNI after 3 months, or relapsed off RTX or alkylating agents after 6 months, are eligible.',
        undefined,
        undefined,
        undefined,
      ],
    ]);
    const words = eligibility.statements.filter((s): s is A.WordsStmt => s.kind === 'Words').map((s) => [s.field, s.words.value]);
    assert.deepEqual(words, [
      ['sex', 'all'],
      ['healthyVolunteers', 'no'],
    ]);
  });

  it('has sponsors, the principal investigator, seven sites and ten references', () => {
    const [sponsors] = ofKind('SponsorsBlock');
    const sponsorList = sponsors.statements.filter((s): s is A.SponsorStmt => s.kind === 'Sponsor').map((s) => [s.role.value, s.name.value, s.agencyClass?.value]);
    assert.equal(sponsorList.length, 7);
    assert.deepEqual(sponsorList[0], ['lead', 'Peking Union Medical College Hospital', 'other']);
    assert.deepEqual(sponsorList[6], ['collaborator', 'Shanghai Fosun Pharmaceutical Industrial Development Co. Ltd.', 'industry']);
    const official = sponsors.statements.find((s): s is A.OfficialStmt => s.kind === 'Official')!;
    assert.deepEqual([official.name.value, official.role?.value, official.affiliation?.value], ['Yan Qin, Doctor', 'principal investigator', 'Peking Union Medical College Hospital']);
    const party = sponsors.statements.find((s): s is A.ResponsiblePartyStmt => s.kind === 'ResponsibleParty')!;
    assert.equal(party.partyType?.value, 'sponsor');

    const sites = ofKind('SiteDecl');
    assert.equal(sites.length, 7);
    assert.deepEqual([sites[6].facility.value, sites[6].city?.value, sites[6].state?.value, sites[6].country?.value], [
      'The First Affiliated Hospital of Xinjiang Medical University',
      'Ürümqi',
      'Xinjiang',
      'China',
    ]);
    const references = ofKind('ReferenceDecl');
    assert.deepEqual(
      references.map((r) => r.pmid?.value),
      ['20110379', '19571279', '1374612', '18724379', '17898700', '31269364', '28487395', '19478097', '27942609', '33166580'],
    );
    assert.ok(references.every((r) => r.refType.value === 'background'));
  });

  it('declares the measures the conditions and criteria name', () => {
    const measures = ofKind('MeasureDecl').map((m) => [m.id.value, m.unit?.value]);
    assert.deepEqual(measures, [
      ['cd19_b_cells', '10*6/L'],
      ['csa_level', 'ng/mL'],
      ['time_off_steroids', 'mo'],
      ['acei_arb_duration', 'mo'],
      ['proteinuria', 'g/(24.h)'],
      ['egfr', 'mL/min/{1.73_m2}'],
    ]);
  });

  it('gives exact source ranges for named properties', () => {
    const text = readExample('NCT04743739.trial');
    const [rituximab] = ofKind('InterventionBlock');
    const dose = rituximab.statements.find((s): s is A.DoseStmt => s.kind === 'Dose')!;
    const slice = (r: A.Range) => text.slice(r.start.offset, r.end.offset);
    assert.equal(slice(dose.amount!.unit.range), 'mg');
    assert.equal(slice(dose.schedule!.days[1].range), '181');
    assert.equal(slice(rituximab.id.range), 'rituximab');
    const lines = text.split('\n');
    const r = dose.schedule!.days[1].range;
    assert.equal(lines[r.start.line].slice(r.start.character, r.end.character), '181');
  });
});
