import { strict as assert } from 'node:assert';
import { parse } from '../../../grammar/parse';
import type * as A from '../../../grammar/ast';
import { buildRecord } from '../../../server/export';
import { buildModel } from '../../../server/model';
import { doseBody, extractDoses, extractThreshold, type DoseContext } from '../../../server/import/extract';

const one = (names: string[], foreign: string[] = []): DoseContext => ({ candidates: [{ id: 'x', names }], foreign });

describe('extract: doses', () => {
  it('reads amount, route, interval, days of a cycle', () => {
    const text = 'Cisplatin 75 mg/m² IV on Day 1 of each 21-day cycle, with hydration.';
    const [d] = extractDoses(text, one(['Cisplatin'])).doses;
    assert.ok(d);
    assert.equal(doseBody(d), '75 mg/m2 iv every 21 days on day 1');
    assert.equal(text.slice(d.span[0], d.span[1]), '75 mg/m² IV on Day 1 of each 21-day cycle');
  });

  it('reads a route before the amount, twice daily, a duration in words', () => {
    const [d] = extractDoses('oral prednisone 20 mg bid for one week', one(['prednisone'])).doses;
    assert.equal(doseBody(d!), '20 mg oral bid for 1 week');
  });

  it('reads thousands, every N weeks, a dose count and an infusion length', () => {
    const [d] = extractDoses('Administer 1,000 mg of rituximab IV infusion every two weeks for two doses.', one(['Rituximab'])).doses;
    assert.equal(d!.amount.value, 1000);
    assert.equal(d!.frequency && 'every' in d!.frequency ? d!.frequency.every.value : 0, 2);
    assert.equal(d!.doses, 2);
    const [m] = extractDoses('Mitoxantrone: 12 mg/m2 daily by IV infusion over 1 hour on days 1-4 (total 4 doses).', one(['Mitoxantrone'])).doses;
    assert.deepEqual(m!.days, [1, 2, 3, 4]);
    assert.deepEqual(m!.infusion, { value: 1, unit: 'h' });
    assert.equal(m!.route, 'iv');
  });

  it('reads D1, D8 and q3w', () => {
    const [d] = extractDoses('Vinorelbine 25mg/m2 D1,8 q3wks', one(['Vinorelbine'])).doses;
    assert.equal(doseBody(d!), '25 mg/m2 every 3 weeks on days 1 and 8');
  });

  it('leaves uncertain amounts as text, with the reason', () => {
    const cases: [string, string[], string[]][] = [
      ['The dose should be increased to 20mg/day after 4 weeks.', ['Finerenone'], []],
      ['Thiotepa 2x5 mg/kg BW, 1 day', ['Thiotepa'], []],
      ['ATG 2,5mg/kg BW/d 3 days', ['ATG'], []],
      ['Ingredient : Bosinji granule 2.5g (Bosinji extract 1.523g)', ['Bosinji'], []],
      ['* Rehmannia Root 1.7g', ['Bosinji'], []],
      ['Salmeterol dosage - DPI 50 mcg BID', ['Fluticasone'], ['Salmeterol']],
      ['methylprednisolone acetate 40 mg/mL instilled', ['Methylprednisolone'], []],
      ['4mg Mephamesone followed by 1ml of 0.5% bupivacaine', ['Cervical nerve root infiltration'], []],
      ['Busulfan AUC 70-100mg/L x hr by IV infusion', ['Busulfan'], []],
      ['200 mg IV on Day 1, followed by a 100 mg once-daily maintenance dose', ['Remdesivir'], []],
    ];
    for (const [text, names, foreign] of cases) {
      const r = extractDoses(text, one(names, foreign));
      const last = r.doses.find((d) => !/Day 1,/.test(text) || d.amount.value === 100);
      assert.equal(last, undefined, `${text}: ${JSON.stringify(r.doses)}`);
    }
    const skipped = extractDoses('The dose should be increased to 20mg/day.', one(['X'])).skipped;
    assert.match(skipped[0]!.reason, /increased/);
  });

  it('leaves doses on negative study days (a transplant calendar counted from day 0) as text', () => {
    for (const text of ['Fludarabine 30 mg/m2 IV daily on Days -5 to -2', 'Cyclophosphamide 60 mg/kg IV on Day -7', 'ATG 2.5 mg/kg on days -3, -2, -1']) {
      const r = extractDoses(text, one([text.split(' ')[0]!]));
      assert.deepEqual(r.doses, [], text);
      assert.match(r.skipped[0]!.reason, /negative study days/, text);
    }
    // A negative day in another sentence leaves this dose alone.
    assert.deepEqual(extractDoses('Cisplatin 75 mg/m2 IV on Days 1-3. Hydration from Day -1.', one(['Cisplatin'])).doses.map((d) => d.days), [[1, 2, 3]]);
  });

  it('in an arm, gives each dose to the intervention named next to it', () => {
    const ctx: DoseContext = { candidates: [{ id: 'flu', names: ['Fluticasone Propionate'] }, { id: 'sal', names: ['Salmeterol'] }], foreign: [] };
    const r = extractDoses('Fluticasone propionate dosage - DPI 250 mcg BID for 3 months Salmeterol dosage - DPI 50 mcg BID for 3 months', ctx);
    assert.deepEqual(r.doses.map((d) => [d.candidate, d.amount.value, d.amount.unit]), [['flu', 250, 'ug'], ['sal', 50, 'ug']]);
  });

  it('refuses the doses of a combination intervention', () => {
    assert.equal(extractDoses('Cisplatin 75 mg/m2 D1', one(['intercalation therapy using pemetrexed, cisplatin and erlotinib'])).doses.length, 0);
  });
});

describe('extract: thresholds', () => {
  const t = (s: string) => {
    const r = extractThreshold(s);
    return 'threshold' in r ? `${r.threshold.measure.id} ${r.threshold.comparator ?? `${r.threshold.writtenLow} to`} ${r.threshold.written} ${r.threshold.unit ?? `x ${r.threshold.limit}`}` : `text: ${r.reason}`;
  };
  it('reads measure, comparator, value and unit', () => {
    assert.equal(t('eGFR ≥ 30 mL/min/1.73 m²'), 'egfr >= 30 mL/min/{1.73_m2}');
    assert.equal(t('Absolute neutrophil count (ANC) ≥ 1.5 x 109/L'), 'anc >= 1.5 10*9/L');
    assert.equal(t('ANC ≥ 1.5 × 10^9/L'), 'anc >= 1.5 10*9/L');
    assert.equal(t('Absolute neutrophil count ≥ 1,500/µL'), 'anc >= 1500 /uL');
    assert.equal(t('Bilirubin =< 2.5 mg/dL'), 'bilirubin <= 2.5 mg/dL');
    assert.equal(t('Severe renal impairment defined by a creatinine clearance less than or equal to 30 mL/min.'), 'crcl <= 30 mL/min');
    assert.equal(t('ECOG performance status ≤2 (see Appendix A)'), 'ecog <= 2 {score}');
  });
  it('reads multiples of the upper limit of normal', () => {
    assert.equal(t('ALT ≤ 2.5 × ULN'), 'alt <= 2.5 x ULN');
    assert.equal(t('Total bilirubin ≤ 1.5 times greater than the upper limit of normal'), 'bilirubin <= 1.5 x ULN');
    assert.equal(t('Serum amylase must be <2 times the ULN'), 'amylase < 2 x ULN');
  });
  it('reads ranges: a dash, between … and, from … to, the unit once or twice', () => {
    assert.equal(t('HbA1c 7.0–10.5%'), 'hba1c 7.0 to 10.5 %');
    assert.equal(t('HbA1c between 7.0% and 10.5% at screening'), 'hba1c 7.0 to 10.5 %');
    assert.equal(t('BMI between 18 and 35 kg/m2'), 'bmi 18 to 35 kg/m2');
    assert.equal(t('Body mass index (BMI) of 18.5 to 30 kg/m²'), 'bmi 18.5 to 30 kg/m2');
    assert.equal(t('ECOG performance status 0-2'), 'ecog 0 to 2 {score}');
    assert.equal(t('Platelet count 100-400 x 10^9/L'), 'platelets 100 to 400 10*9/L');
  });
  it('keeps uncertain ranges as text', () => {
    for (const s of [
      'HbA1c 7.0% - 10.5 mmol/mol', // two units
      'BMI 35-18 kg/m2', // reversed
      'BMI between 18 and 35', // no unit
      'ALT 1.5-3 x ULN', // a range of multiples
      'HbA1c 7.0–10.5% or fasting glucose ≥ 126 mg/dL', // alternatives, several comparisons
      'No HbA1c 7.0–10.5%', // negated
      'ECOG 0-1 or 2', // alternatives
      'BMI 18-25 or 30-35 kg/m2',
    ]) assert.match(t(s), /^text: /, s);
  });
  it('keeps alternatives, several measures, negations and unknown units as text', () => {
    for (const s of [
      'ALT and AST ≤3.0 x ULN',
      'Serum creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 60 mL/min',
      'Normal cardiac function defined as fractional shortening ≥28% or ejection fraction ≥55%.',
      'Absence of QTcF prolongation (QTc prolongation is defined as >450 msec on baseline ECG)',
      'Platelet count < 50,000',
      'Bleeding disorder (Tc < 100.000/ul, Quick <50%, INR > 1.5, abnormal PTT)',
      'Sufficient renal function defined by creatinine clearance <220μmol/L;',
    ]) assert.match(t(s), /^text: /, s);
  });
});

describe('language: kept wordings, x ULN, infusion length', () => {
  const doc = (text: string) => {
    const p = parse(text);
    assert.deepEqual(p.diagnostics.map((d) => d.message), []);
    return p;
  };
  const base = (dose: string, criterion: string) => `trial {\n  brief title "T"\n}\n\nmeasure alt "Alanine aminotransferase (ALT)" unit U/L\n\nintervention x {\n  type drug\n  name "Cisplatin"\n  description "Cisplatin 75 mg/m² IV on Day 1 of each 21-day cycle, with hydration."\n  ${dose}\n}\n\narm a {\n  label "A"\n  type experimental\n  receives x\n}\n\neligibility {\n  ${criterion}\n}\n`;
  const record = (text: string) => buildRecord(buildModel(doc(text))).record as unknown as { protocolSection: { armsInterventionsModule: { interventions: { description: string }[] }; eligibilityModule: { eligibilityCriteria: string } } };

  it('parses `as "…"`, `x ULN` and `over 1 h`', () => {
    const p = doc(base('dose 75 mg/m2 iv every 21 days over 1 h on day 1 as "75 mg/m² IV on Day 1 of each 21-day cycle"', 'include alt <= 2.5 x ULN as "ALT ≤ 2.5 × ULN"'));
    const iv = p.ast.items.find((i): i is A.InterventionBlock => i.kind === 'InterventionBlock')!;
    const dose = iv.statements.find((s): s is A.DoseStmt => s.kind === 'Dose')!;
    assert.equal(dose.wording?.value, '75 mg/m² IV on Day 1 of each 21-day cycle');
    assert.deepEqual([dose.infusion?.value.value, dose.infusion?.unit.value], [1, 'h']);
    const el = p.ast.items.find((i): i is A.EligibilityBlock => i.kind === 'EligibilityBlock')!;
    const c = el.statements[0] as A.CriterionStmt;
    assert.deepEqual([c.limit?.multiple.value, c.limit?.of.value, c.threshold], [2.5, 'ULN', undefined]);
  });

  it('exports the kept sentences unchanged while they still say the structure', () => {
    const r = record(base('dose 75 mg/m2 iv every 21 days on day 1 as "75 mg/m² IV on Day 1 of each 21-day cycle"', 'include alt <= 2.5 x ULN as "ALT ≤ 2.5 × ULN"')).protocolSection;
    assert.equal(r.armsInterventionsModule.interventions[0]!.description, 'Cisplatin 75 mg/m² IV on Day 1 of each 21-day cycle, with hydration.');
    assert.equal(r.eligibilityModule.eligibilityCriteria, 'Inclusion Criteria:\n\n* ALT ≤ 2.5 × ULN');
  });

  it('parses a range threshold and exports its kept sentence, or its structure once edited', () => {
    const range = (criterion: string) => `measure hba1c "HbA1c" unit %\n\neligibility {\n  ${criterion}\n}\n`;
    const c = doc(range('include hba1c 7.0 to 10.5 % as "HbA1c 7.0–10.5%"')).ast.items[1] as A.EligibilityBlock;
    const s = c.statements[0] as A.CriterionStmt;
    assert.deepEqual([s.low?.written, s.threshold?.value.written, s.threshold?.unit.value, s.comparator], ['7.0', '10.5', '%', undefined]);
    const criteria = (criterion: string) => (buildRecord(buildModel(doc(range(criterion)))).record as unknown as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } }).protocolSection.eligibilityModule.eligibilityCriteria;
    assert.equal(criteria('include hba1c 7.0 to 10.5 % as "HbA1c between 7.0 and 10.5 % (53–91 mmol/mol)"'), 'Inclusion Criteria:\n\n* HbA1c between 7.0 and 10.5 % (53–91 mmol/mol)');
    assert.equal(criteria('include hba1c 7.0 to 11 % as "HbA1c 7.0–10.5%"'), 'Inclusion Criteria:\n\n* HbA1c 7.0–11%');
    assert.equal(criteria('include hba1c >= 7.0 % as "HbA1c 7.0–10.5%"'), 'Inclusion Criteria:\n\n* HbA1c ≥ 7.0%');
  });

  it('exports the structure once the writer edits it', () => {
    const r = record(base('dose 60 mg/m2 iv every 21 days on day 1 as "75 mg/m² IV on Day 1 of each 21-day cycle"', 'include alt <= 3 x ULN as "ALT ≤ 2.5 × ULN"')).protocolSection;
    assert.equal(r.armsInterventionsModule.interventions[0]!.description, 'Cisplatin 60 mg/m² IV every 21 days on Day 1, with hydration.');
    assert.equal(r.eligibilityModule.eligibilityCriteria, 'Inclusion Criteria:\n\n* Alanine aminotransferase (ALT) ≤ 3 × ULN');
  });
});
