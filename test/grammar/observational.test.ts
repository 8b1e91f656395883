/**
 * The constructs of observational and expanded-access studies (docs/language.md): design
 * statements, the study population and sampling, groups with exposures, expanded-access lines —
 * each through the real parser, asserting the AST it yields.
 */
import { strict as assert } from 'node:assert';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';

function parseClean(text: string): A.Document {
  const result = parse(text);
  assert.deepEqual(result.diagnostics.map((d) => `${d.code}: ${d.message}`), [], 'no diagnostics');
  return result.ast;
}

function first<K extends A.TopItem['kind']>(doc: A.Document, kind: K): Extract<A.TopItem, { kind: K }> {
  const found = doc.items.find((i) => i.kind === kind);
  assert.ok(found, `a ${kind}`);
  return found as Extract<A.TopItem, { kind: K }>;
}

describe('language constructs: observational and expanded-access studies', () => {
  it('observational design: model, time perspective, patient registry, target duration, biospecimens', () => {
    const design = first(parseClean([
      'design {',
      '  observational model case control',
      '  time perspective cross sectional',
      '  patient registry yes',
      '  target duration 3 months',
      '  biospecimen retention samples with dna "Whole blood and serum"',
      '}',
    ].join('\n')), 'DesignBlock');
    const [om, tp, pr, td, bio] = design.statements;
    assert.deepEqual([om?.kind, (om as A.WordsStmt).field, (om as A.WordsStmt).words.value], ['Words', 'observationalModel', 'case control']);
    assert.deepEqual([(tp as A.WordsStmt).field, (tp as A.WordsStmt).words.value], ['timePerspective', 'cross sectional']);
    assert.deepEqual([(pr as A.WordsStmt).field, (pr as A.WordsStmt).words.value], ['patientRegistry', 'yes']);
    const target = td as A.TargetDurationStmt;
    assert.deepEqual([target.kind, target.duration.value.value, target.duration.unit.value], ['TargetDuration', 3, 'months']);
    const b = bio as A.BiospecimenStmt;
    assert.deepEqual([b.kind, b.retention.value, b.description?.value], ['Biospecimen', 'samples with dna', 'Whole blood and serum']);
  });

  it('a biospecimen line without a description, and `model single group` still reads `group` as a word', () => {
    const design = first(parseClean('design {\n  biospecimen retention none retained\n  model single group\n}\n'), 'DesignBlock');
    const b = design.statements[0] as A.BiospecimenStmt;
    assert.equal(b.retention.value, 'none retained');
    assert.equal(b.description, undefined);
    assert.equal((design.statements[1] as A.ModelStmt).model.value, 'single group');
  });

  it('study population (also triple-quoted) and sampling in the eligibility block', () => {
    const elig = first(parseClean('eligibility {\n  sex all\n  study population """\n    Adults seen at the clinic.\n    Second line.\n  """\n  sampling non probability sample\n}\n'), 'EligibilityBlock');
    const pop = elig.statements[1] as A.TextStmt;
    assert.deepEqual([pop.kind, pop.field, pop.text.value], ['Text', 'studyPopulation', 'Adults seen at the clinic.\nSecond line.']);
    const sampling = elig.statements[2] as A.WordsStmt;
    assert.deepEqual([sampling.field, sampling.words.value], ['samplingMethod', 'non probability sample']);
  });

  it('a group with a label, a description and exposures is an arm-like block marked as a group', () => {
    const doc = parseClean('group smokers {\n  label "Current smokers"\n  description "Smoke daily"\n  exposure tobacco\n  exposure alcohol\n}\n');
    const g = first(doc, 'ArmBlock');
    assert.equal(g.group, true);
    assert.equal(g.id.value, 'smokers');
    const exposures = g.statements.filter((s): s is A.ReceivesStmt => s.kind === 'Receives');
    assert.deepEqual(exposures.map((e) => [e.intervention.value, e.exposure, e.doses.length]), [['tobacco', true, 0], ['alcohol', true, 0]]);
    assert.deepEqual(g.statements.filter((s) => s.kind === 'Text').map((s) => (s as A.TextStmt).field), ['label', 'description']);
  });

  it('an arm is not a group; a group takes no arm type and no receives', () => {
    assert.equal(first(parseClean('arm a {\n  type experimental\n}\n'), 'ArmBlock').group, undefined);
    for (const line of ['type experimental', 'receives x']) {
      const result = parse(`group g {\n  ${line}\n}\n`);
      assert.ok(result.diagnostics.some((d) => d.code === 'syntax-error' && /in a group/.test(d.message)), line);
    }
  });

  it('expanded access in the trial block: the answer, the expanded-access record and its status', () => {
    const trial = first(parseClean('trial {\n  expanded access yes nct id NCT01234567 status temporarily not available\n}\n'), 'TrialBlock');
    const ea = trial.statements[0] as A.ExpandedAccessStmt;
    assert.deepEqual([ea.kind, ea.answer.value, ea.nctId?.value, ea.status?.value], ['ExpandedAccess', 'yes', 'NCT01234567', 'temporarily not available']);
    const bare = first(parseClean('trial {\n  expanded access no\n}\n'), 'TrialBlock').statements[0] as A.ExpandedAccessStmt;
    assert.deepEqual([bare.answer.value, bare.nctId, bare.status], ['no', undefined, undefined]);
  });

  it('expanded-access types in the design block, and the study type `expanded access` still reads as words', () => {
    const doc = parseClean('trial {\n  study type expanded access\n}\ndesign {\n  expanded access individual, treatment\n}\n');
    assert.equal((first(doc, 'TrialBlock').statements[0] as A.WordsStmt).words.value, 'expanded access');
    const types = first(doc, 'DesignBlock').statements[0] as A.ExpandedAccessTypesStmt;
    assert.deepEqual(types.types.map((t) => t.value), ['individual', 'treatment']);
  });

  it('a broken observational line is reported and the rest of the block survives', () => {
    const result = parse('design {\n  time perspective\n  observational model cohort\n}\n');
    assert.ok(result.diagnostics.some((d) => d.range.start.line === 1));
    const design = result.ast.items[0] as A.DesignBlock;
    assert.deepEqual(design.statements.map((s) => (s as A.WordsStmt).field), ['observationalModel']);
  });

  it('oversight: yes/no answers keyed by their product word, and the review board status', () => {
    const o = first(parseClean('oversight {\n  fda regulated drug yes\n  fda regulated device no\n  unapproved device no\n  pediatric postmarket device no\n  exported from us yes\n  data monitoring committee yes\n  review board not yet submitted\n}\n'), 'OversightBlock');
    assert.deepEqual(o.statements.map((s) => [s.field, s.words.value]), [
      ['fdaRegulatedDrug', 'yes'], ['fdaRegulatedDevice', 'no'], ['unapprovedDevice', 'no'], ['pediatricPostmarketDevice', 'no'],
      ['exportedFromUs', 'yes'], ['dataMonitoringCommittee', 'yes'], ['reviewBoard', 'not yet submitted'],
    ]);
  });

  it('a wrong product word after `fda regulated` is one located error; `drug` can still name an intervention', () => {
    const text = 'oversight {\n  fda regulated vaccine yes\n  data monitoring committee no\n}\nintervention drug {\n  type drug\n}\n';
    const result = parse(text);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.range.start.line, text.slice(d.range.start.offset, d.range.end.offset)]), [['syntax-error', 1, 'vaccine']]);
    const o = result.ast.items.find((i) => i.kind === 'OversightBlock') as A.OversightBlock;
    assert.deepEqual(o.statements.map((s) => s.field), ['dataMonitoringCommittee']);
    assert.ok(result.ast.items.some((i) => i.kind === 'InterventionBlock' && i.id.value === 'drug'));
  });

  it('ipd sharing: plan, description, info types, time frame, access criteria, url', () => {
    const b = first(parseClean('ipd sharing {\n  plan yes\n  description "D"\n  info types study protocol, analytic code\n  time frame "T"\n  access criteria "A"\n  url "https://x.org"\n}\n'), 'IpdSharingBlock');
    const [plan, description, types, frame, access, url] = b.statements;
    assert.deepEqual([(plan as A.WordsStmt).field, (plan as A.WordsStmt).words.value], ['ipdSharing', 'yes']);
    assert.deepEqual((types as A.InfoTypesStmt).types.map((t) => t.value), ['study protocol', 'analytic code']);
    assert.deepEqual([description, frame, access, url].map((t) => [(t as A.TextStmt).field, (t as A.TextStmt).text.value]), [
      ['description', 'D'], ['timeFrameText', 'T'], ['accessCriteria', 'A'], ['url', 'https://x.org'],
    ]);
  });

  it('the organization in the sponsors block', () => {
    const sp = first(parseClean('sponsors {\n  organization "Peking Union Medical College Hospital" class other\n}\n'), 'SponsorsBlock');
    const org = sp.statements[0] as A.OrganizationStmt;
    assert.deepEqual([org.kind, org.name.value, org.agencyClass?.value], ['Organization', 'Peking Union Medical College Hospital', 'other']);
  });
});
