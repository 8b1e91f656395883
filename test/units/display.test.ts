import assert from 'node:assert/strict';
import { analyzeUnit, displayUnit, formatNumber, formatQuantity } from '../../server/units';

describe('units: display', () => {
  const cases: Array<[string, string]> = [
    ['g/(24.h)', 'g/24 h'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['10*9/L', '×10⁹/L'],
    ['10*3/uL', '×10³/µL'],
    ['ug', 'µg'],
    ['[IU]', 'IU'],
    ['[IU]/kg', 'IU/kg'],
    ['m[IU]/mL', 'mIU/mL'],
    ['mg/kg/d', 'mg/kg/day'],
    ['mm[Hg]', 'mmHg'],
    ['mo', 'months'],
    ['a', 'years'],
    ['d', 'days'],
    ['wk', 'weeks'],
    ['h', 'hours'],
    ['mg/m2', 'mg/m²'],
    ['meq/L', 'mEq/L'],
    ['mg', 'mg'],
    ['mg/dL', 'mg/dL'],
    ['mL/min', 'mL/min'],
    ['U/L', 'U/L'],
    ['%', '%'],
  ];
  for (const [code, shown] of cases) {
    it(`${code} → ${shown}`, () => assert.equal(displayUnit(code), shown));
  }

  it('accepts clinical spellings as input', () => {
    assert.equal(displayUnit('mcg/kg/day'), 'µg/kg/day');
    assert.equal(displayUnit('mL/min/1.73m2'), 'mL/min/1.73 m²');
  });

  it('returns unknown text unchanged (trimmed)', () => {
    assert.equal(displayUnit(' BID '), 'BID');
  });

  it('formats quantities, with singular/plural time words', () => {
    assert.equal(formatQuantity(3, 'mg/kg/d'), '3 mg/kg/day');
    assert.equal(formatQuantity(1000, 'mg'), '1000 mg');
    assert.equal(formatQuantity(4, 'g/(24.h)'), '4 g/24 h');
    assert.equal(formatQuantity(1, 'mo'), '1 month');
    assert.equal(formatQuantity(6, 'mo'), '6 months');
    assert.equal(formatQuantity(1, 'years'), '1 year');
    assert.equal(formatQuantity(18, 'a'), '18 years');
    assert.equal(formatQuantity(0, 'd'), '0 days');
    assert.equal(formatQuantity(1.5, '10*9/L'), '1.5 ×10⁹/L');
    assert.equal(formatQuantity(60, 'mL/min/{1.73_m2}'), '60 mL/min/1.73 m²');
    assert.equal(formatQuantity(25, '%'), '25%');
    assert.equal(formatQuantity(5000, 'IU'), '5000 IU');
  });

  it('formats numbers deterministically', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(1e6), '1000000');
    assert.equal(formatNumber(182.625), '182.625');
  });

  it('display forms read back as the same code', () => {
    for (const [code] of cases) assert.equal(analyzeUnit(displayUnit(code)).code, code, code);
  });
});
