import assert from 'node:assert/strict';
import { analyzeUnit, describeUnit, suggestUnits, UNIT_PLACES } from '../../server/units';

describe('units: suggestions and descriptions', () => {
  it('every suggested code is valid UCUM with a library name', () => {
    for (const place of UNIT_PLACES) {
      const list = suggestUnits(place);
      assert.ok(list.length > 0, place);
      for (const c of list) {
        const a = analyzeUnit(c.code);
        assert.equal(a.status, 'ucum', `${place}: ${c.code}`);
        assert.ok(c.name && !/[[\]<>]/.test(c.name), `${c.code} name '${c.name}'`);
        assert.ok(c.label, `${c.code} label`);
      }
    }
  });

  it('suggestions fit their place', () => {
    for (const c of suggestUnits('dose')) assert.equal(analyzeUnit(c.code).dimension?.isDoseAmount, true, c.code);
    for (const c of suggestUnits('dose-per-weight')) assert.equal(analyzeUnit(c.code).dimension?.basis, 'weight', c.code);
    for (const c of suggestUnits('dose-per-surface')) assert.equal(analyzeUnit(c.code).dimension?.basis, 'surface', c.code);
    for (const c of suggestUnits('lab-count')) assert.equal(analyzeUnit(c.code).dimension?.isCountPerVolume, true, c.code);
    for (const c of suggestUnits('lab-mass-concentration')) assert.equal(analyzeUnit(c.code).dimension?.isConcentration, true, c.code);
    for (const c of suggestUnits('duration')) assert.equal(analyzeUnit(c.code).dimension?.isTime, true, c.code);
    for (const c of suggestUnits('age')) assert.equal(analyzeUnit(c.code).dimension?.isTime, true, c.code);
    assert.equal(analyzeUnit(suggestUnits('renal-function')[0].code).dimension?.isVolumePerTimePerSurface, true);
  });

  it('describes units for hovers', () => {
    assert.equal(describeUnit('mg/kg/d')?.text, 'mg/kg/d — milligram per kilogram per day; dose per body weight per time');
    const egfr = describeUnit('mL/min/1.73 m2');
    assert.equal(egfr?.code, 'mL/min/{1.73_m2}');
    assert.match(egfr!.text, /volume per time per body surface/);
    assert.equal(describeUnit('g/(24.h)')?.name, 'gram per 24 hour');
    assert.equal(describeUnit('10*9/L')?.display, '×10⁹/L');
    assert.equal(describeUnit('BID'), null);
  });
});
