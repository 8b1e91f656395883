import assert from 'node:assert/strict';
import { commensurable, compareUnits, convert } from '../../server/units';

function close(actual: number | null, expected: number, eps = 1e-9) {
  assert.ok(actual !== null, 'converted');
  assert.ok(Math.abs(actual - expected) <= eps * Math.max(1, Math.abs(expected)), `${actual} ≈ ${expected}`);
}

describe('units: commensurability and conversion', () => {
  it('converts through the library', () => {
    close(convert(6, 'mo', 'd'), 182.625);
    close(convert(6, 'months', 'days'), 182.625);
    close(convert(1.5, '10*9/L', '10*3/uL'), 1.5);
    close(convert(1.5, '10^9/L', '10*3/uL'), 1.5);
    close(convert(1, 'g/24h', 'mg/d'), 1000);
    close(convert(1000, 'mcg', 'mg'), 1);
    close(convert(2, 'mg/kg/day', 'ug/kg/h'), 2000 / 24);
    close(convert(1, 'mmHg', 'kPa'), 0.133322);
  });

  it('mass ↔ substance is flagged as needing a molecular weight, not as incommensurable', () => {
    const c = compareUnits('mg/g', 'mg/mmol');
    assert.equal(c.status, 'needs-molecular-weight');
    assert.equal(commensurable('mg/g', 'mg/mmol'), false);
    assert.equal(convert(300, 'mg/g', 'mg/mmol'), null);
    close(convert(300, 'mg/g', 'mg/mmol', { molecularWeight: 113.12 }), 33.936);
    close(convert(1, 'mg/dL', 'umol/L', { molecularWeight: 113.12 }), 88.4016973, 1e-6);
    assert.equal(compareUnits('mg/dL', 'umol/L').status, 'needs-molecular-weight');
  });

  it('equivalents need a charge', () => {
    assert.equal(compareUnits('meq/L', 'mmol/L').status, 'needs-charge');
    close(convert(2, 'mEq/L', 'mmol/L', { charge: 2 }), 1);
  });

  it('plainly incommensurable units', () => {
    assert.equal(compareUnits('mg/kg', 'mg').status, 'incommensurable');
    assert.equal(compareUnits('mg/m2', 'mg/kg').status, 'incommensurable');
    assert.equal(commensurable('mg/m2', 'mg/kg'), false);
    assert.equal(convert(1, 'mg/kg', 'mg'), null);
    assert.equal(compareUnits('mg', 'BID').status, 'invalid');
  });

  it('annotation-only differences: the library converts 1:1, we flag it', () => {
    const c = compareUnits('mL/min/{1.73_m2}', 'mL/min');
    assert.equal(c.status, 'commensurable');
    assert.equal(c.factor, 1);
    assert.equal(c.annotationsDiffer, true);
    assert.equal(commensurable('mL/min/{1.73_m2}', 'mL/min'), false);
    assert.equal(convert(60, 'mL/min/{1.73_m2}', 'mL/min'), null);
    assert.equal(convert(60, 'mL/min/{1.73_m2}', 'mL/min', { ignoreAnnotations: true }), 60);
    assert.equal(compareUnits('mg/g{creat}', 'mg/g').annotationsDiffer, true);
    assert.equal(commensurable('mL/min/1.73 m2', 'mL/min/{1.73_m2}'), true);
  });

  it('same dimension, different clinical basis (mg/kg vs %) is flagged', () => {
    const c = compareUnits('mg/kg', '%');
    assert.equal(c.status, 'commensurable', 'the library converts it');
    assert.equal(c.basisDiffers, true);
    assert.equal(commensurable('mg/kg', '%'), false);
    assert.equal(commensurable('mg/kg', 'ug/kg'), true);
    close(convert(2, 'mg/kg', 'ug/kg'), 2000);
  });

  it('arbitrary units: identity only', () => {
    assert.equal(convert(5000, '[IU]', 'IU'), 5000);
    assert.equal(commensurable('IU/kg', '[IU]/kg'), true);
    assert.equal(compareUnits('[IU]', 'm[IU]').status, 'arbitrary');
    assert.equal(convert(1, '[IU]', 'm[IU]'), null);
  });

  it('special units have no factor but still convert', () => {
    const c = compareUnits('Cel', '[degF]');
    assert.equal(c.status, 'commensurable');
    assert.equal(c.factor, null);
    close(convert(37, 'Cel', '[degF]'), 98.6, 1e-9);
  });

  it('rejects non-finite values', () => {
    assert.equal(convert(Number.NaN, 'mg', 'g'), null);
    assert.equal(convert(Infinity, 'mg', 'g'), null);
  });
});
