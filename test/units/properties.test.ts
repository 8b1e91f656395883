import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeUnit, displayUnit, formatQuantity, suggestUnits, toDays, UNIT_PLACES } from '../../server/units';

const SUPPORTED = [
  ...new Set([
    ...UNIT_PLACES.flatMap((p) => suggestUnits(p).map((c) => c.code)),
    'mg', 'mg/kg', 'mg/kg/d', 'g/(24.h)', 'mL/min/{1.73_m2}', '10*9/L', '[IU]', 'ug', 'mm[Hg]', 'm2', 'mg/m2', '%', '{cells}/uL', 'ng/mL', 'mo', 'a', 'd', 'wk', 'h', 'min', 'mg/(m2.d)', 'mg.min/mL', 'ug/kg/min', 'meq/L',
  ]),
];

describe('units: properties (fast-check)', () => {
  it('analyzeUnit never throws and keeps its contract on arbitrary strings', () => {
    const unitish = fc.string({ unit: fc.constantFrom(...'mgkLdhuµ/.()[]{}*^0123456789 _²%IUaeorwsnty'.split('')), maxLength: 16 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 24 }), unitish), (text) => {
        const a = analyzeUnit(text);
        assert.equal(a.text, text);
        if (a.status === 'invalid') {
          assert.equal(a.code, null);
          assert.equal(a.dimension, null);
          assert.ok(a.message);
        } else {
          assert.ok(a.code);
          // The code is always valid UCUM and means itself.
          const again = analyzeUnit(a.code);
          assert.equal(again.validUcum, true);
          assert.equal(again.code, a.code);
        }
        if (a.status === 'ucum') assert.equal(a.validUcum, true);
        for (const s of a.suggestions) assert.equal(analyzeUnit(s.code).validUcum, true, s.code);
        assert.equal(analyzeUnit(text), a, 'cached');
      }),
      { numRuns: 2000 },
    );
  });

  it('display → analyze round-trips for the supported set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (code, value) => {
        assert.equal(analyzeUnit(displayUnit(code)).code, code);
        assert.equal(analyzeUnit(displayUnit(code, value)).code, code);
        const q = formatQuantity(value, code);
        assert.ok(q.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('toDays is linear in the value', () => {
    fc.assert(
      fc.property(fc.constantFrom('d', 'wk', 'mo', 'a', 'h', 'days', 'months', 'years'), fc.integer({ min: 0, max: 1000 }), (unit, n) => {
        const one = toDays(1, unit)!;
        const many = toDays(n, unit)!;
        assert.ok(Math.abs(many - n * one) <= 1e-9 * Math.max(1, many));
      }),
    );
  });
});
