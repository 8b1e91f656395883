/** What the schedule of activities gives the registry record: arm sequences in words; nothing else is exported. */
import { strict as assert } from 'node:assert';
import { buildRecord, diagnoseText } from '../../server/export';
import { readExample } from './shared';

type J = Record<string, any>;

describe('export: schedule of activities (BREEZE-2 crossover)', () => {
  const built = buildRecord(diagnoseText(readExample('BREEZE-2.trial')).model);
  const ps = built.record.protocolSection as J;

  it('exports with no problems; the design is a crossover', () => {
    assert.deepEqual(built.problems, []);
    assert.equal(ps.designModule.designInfo.interventionModel, 'CROSSOVER');
  });

  it('each arm description ends with its sequence of periods and what it receives in each', () => {
    const [first, second] = ps.armsInterventionsModule.armGroups as J[];
    assert.match(first!.description, /\n\nSequence: screening \(28 days\); first \(8 weeks\): Breezolol; washout \(14 days\); second \(8 weeks\): Placebo; followup \(4 weeks\)\.$/);
    assert.match(second!.description, /first \(8 weeks\): Placebo; washout \(14 days\); second \(8 weeks\): Breezolol;/);
  });

  it('outcome time frames are the `at` points; visits, windows and assessments are not registry fields', () => {
    assert.equal(ps.outcomesModule.primaryOutcomes[0].timeFrame, 'Week 8 and Week 18');
    assert.doesNotMatch(JSON.stringify(ps), /p1_week4|window|12-lead ECG/);
  });

  it('an arm with no period-bound intervention keeps its description as written', () => {
    const seed = buildRecord(diagnoseText(readExample('NCT04743739.trial')).model).record.protocolSection as J;
    assert.doesNotMatch(JSON.stringify(seed.armsInterventionsModule.armGroups), /Sequence:/);
  });
});
