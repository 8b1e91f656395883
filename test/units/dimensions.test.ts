import assert from 'node:assert/strict';
import { analyzeUnit, classifyDimension } from '../../server/units';

function dim(text: string) {
  const d = analyzeUnit(text).dimension;
  assert.ok(d, `${text} has a dimension`);
  return d;
}

describe('units: dimensions', () => {
  it('plain dose amounts: mass, volume, substance, arbitrary, catalytic', () => {
    for (const [t, kind] of [['mg', 'mass'], ['g', 'mass'], ['mcg', 'mass'], ['mL', 'volume'], ['mmol', 'substance'], ['[IU]', 'arbitrary'], ['IU', 'arbitrary'], ['U', 'catalytic']] as const) {
      const d = dim(t);
      assert.equal(d.kind, kind, t);
      assert.equal(d.isDoseAmount, true, t);
      assert.equal(d.basis, null, t);
      assert.equal(d.perTime, false, t);
    }
  });

  it('mg/kg is a per-weight dose; mg/m2 a per-surface dose', () => {
    assert.equal(dim('mg/kg').basis, 'weight');
    assert.equal(dim('mg/kg').isDoseAmount, true);
    assert.equal(dim('[iU]/kg').basis, 'weight');
    assert.equal(dim('[IU]/kg').kind, 'arbitrary');
    assert.equal(dim('mg/m2').basis, 'surface');
    assert.equal(dim('mg/m2').isDoseAmount, true);
    assert.equal(dim('mg/[lb_av]').basis, 'weight');
  });

  it('per-weight and per-surface doses per time', () => {
    for (const t of ['mg/kg/d', 'mg/kg/day', 'ug/kg/min', 'mg/(kg.d)']) {
      const d = dim(t);
      assert.equal(d.basis, 'weight', t);
      assert.equal(d.perTime, true, t);
      assert.equal(d.isDoseAmount, true, t);
      assert.match(d.label, /dose per body weight per time/);
    }
    const s = dim('mg/(m2.d)');
    assert.equal(s.basis, 'surface');
    assert.equal(s.perTime, true);
  });

  it('mL/min/{1.73_m2} is volume per time per body surface (eGFR)', () => {
    for (const t of ['mL/min/{1.73_m2}', 'mL/min/1.73 m2', 'mL/min/1.73m2']) {
      const d = dim(t);
      assert.equal(d.isVolumePerTimePerSurface, true, t);
      assert.equal(d.basisByAnnotation, true, t);
      assert.equal(d.isDoseAmount, false, 'an eGFR is not a dose');
    }
    assert.equal(dim('mL/min').isVolumePerTimePerSurface, false);
    assert.equal(dim('mL/min').kind, 'volume');
    assert.equal(dim('mL/min').perTime, true);
  });

  it('g/(24.h) is mass per time (proteinuria)', () => {
    for (const t of ['g/(24.h)', 'g/24h', 'mg/d']) {
      const d = dim(t);
      assert.equal(d.isMassPerTime, true, t);
      assert.equal(d.kind, 'mass');
    }
    assert.equal(dim('mg/kg/d').isMassPerTime, false, 'per weight is not plain mass per time');
  });

  it('10*9/L and cells/uL are counts per volume', () => {
    for (const t of ['10*9/L', '10*3/uL', '10^9/L', '/uL', 'cells/uL', '{cells}/uL']) {
      const d = dim(t);
      assert.equal(d.isCountPerVolume, true, t);
      assert.equal(d.isDoseAmount, false, t);
      assert.equal(d.isConcentration, false, t);
    }
  });

  it('time units and rates per time', () => {
    for (const t of ['mo', 'months', 'a', 'years', 'wk', 'd', 'h', 'min']) {
      assert.equal(dim(t).isTime, true, t);
      assert.equal(dim(t).isDoseAmount, false, t);
    }
    for (const t of ['/d', '/wk', '1/d']) {
      assert.equal(dim(t).isRatePerTime, true, t);
      assert.equal(dim(t).isTime, false, t);
    }
  });

  it('concentrations, ratios, pressure', () => {
    for (const t of ['mg/dL', 'mmol/L', 'ng/mL', 'U/L', 'meq/L']) assert.equal(dim(t).isConcentration, true, t);
    assert.equal(dim('mg/dL').kind, 'mass');
    assert.equal(dim('mmol/L').kind, 'substance');
    for (const t of ['mg/g', 'g/g', '%', 'mg/g{creat}']) {
      assert.equal(dim(t).isRatio, true, t);
      assert.equal(dim(t).basis, null, `${t}: /g is not a body weight`);
    }
    assert.equal(dim('mmHg').kind, 'pressure');
    assert.equal(dim('mm[Hg]').isDoseAmount, false);
  });

  it('mg/kg and mg/g have the same UCUM dimension but different clinical basis', () => {
    assert.equal(dim('mg/kg').basis, 'weight');
    assert.equal(dim('mg/g').basis, null);
    assert.equal(dim('mg/g').perMass, true);
  });

  it('classifyDimension returns null for non-UCUM', () => {
    assert.equal(classifyDimension('mcg'), null);
    assert.equal(classifyDimension('BID'), null);
  });

  it('labels read like the hover text', () => {
    assert.equal(dim('mg/kg/d').label, 'dose per body weight per time');
    assert.equal(dim('10*9/L').label, 'count per volume');
    assert.equal(dim('mL/min/{1.73_m2}').label, 'volume per time per body surface');
  });
});
