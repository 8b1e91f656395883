import assert from 'node:assert/strict';
import { analyzeUnit, clearUnitCache } from '../../server/units';

describe('units: analyzeUnit', () => {
  describe('valid UCUM as written', () => {
    for (const text of ['mg', 'mg/kg', 'mg/kg/d', 'g/(24.h)', 'mL/min/{1.73_m2}', '10*9/L', '[IU]', 'ug', 'mg/m2', '%', 'ng/mL', 'wk', 'h', 'mm[Hg]', 'mo', 'a', 'd', 'min', 'U/L', 'mg/g{creat}']) {
      it(`${text} is valid UCUM and means itself`, () => {
        const a = analyzeUnit(text);
        assert.equal(a.status, 'ucum');
        assert.equal(a.validUcum, true);
        assert.equal(a.code, text);
        assert.equal(a.message, null);
        assert.deepEqual(a.traps, []);
        assert.ok(a.dimension, 'has a dimension');
        assert.ok(a.name && a.name.length > 0, 'has a name');
      });
    }
  });

  describe('common clinical spellings', () => {
    const cases: Array<[string, string]> = [
      ['mcg', 'ug'],
      ['µg', 'ug'],
      ['μg', 'ug'], // Greek mu
      ['IU', '[IU]'],
      ['mIU/mL', 'm[IU]/mL'],
      ['mg/kg/day', 'mg/kg/d'],
      ['mcg/kg/min', 'ug/kg/min'],
      ['g/24h', 'g/(24.h)'],
      ['g/24 h', 'g/(24.h)'],
      ['g/(24h)', 'g/(24.h)'],
      ['mL/min/1.73m2', 'mL/min/{1.73_m2}'],
      ['mL/min/1.73 m2', 'mL/min/{1.73_m2}'],
      ['mL/min/1.73 m²', 'mL/min/{1.73_m2}'],
      ['10^9/L', '10*9/L'],
      ['x10^9/L', '10*9/L'],
      ['×10⁹/L', '10*9/L'],
      ['10^3/µL', '10*3/uL'],
      ['mmHg', 'mm[Hg]'],
      ['m²', 'm2'],
      ['mg/m²', 'mg/m2'],
      ['mg/m^2', 'mg/m2'],
      ['cells/uL', '{cells}/uL'],
      ['mEq/L', 'meq/L'],
      ['day', 'd'],
      ['days', 'd'],
      ['week', 'wk'],
      ['weeks', 'wk'],
      ['month', 'mo'],
      ['months', 'mo'],
      ['year', 'a'],
      ['years', 'a'],
      ['Years', 'a'],
      ['hour', 'h'],
      ['hours', 'h'],
      ['minutes', 'min'],
      ['mg / kg', 'mg/kg'],
    ];
    for (const [text, code] of cases) {
      it(`${text} → ${code}`, () => {
        const a = analyzeUnit(text);
        assert.equal(a.status, 'clinical-spelling');
        assert.equal(a.code, code);
        assert.equal(a.suggestions[0]?.code, code, 'first quick fix is the UCUM code');
        assert.equal(a.suggestions[0]?.source, 'spelling');
        assert.ok(a.spellingRules.length > 0, 'explains the rewrite');
        assert.ok(a.message && a.message.includes(code));
      });
    }

    it('10^9/L is valid UCUM as written, but normalised to 10*9/L', () => {
      const a = analyzeUnit('10^9/L');
      assert.equal(a.validUcum, true);
      assert.equal(a.code, '10*9/L');
    });

    it('misspellings are not valid UCUM as written', () => {
      for (const t of ['mcg', 'IU', 'mg/kg/day', 'g/24h', 'mL/min/1.73m2', 'mmHg', 'months']) assert.equal(analyzeUnit(t).validUcum, false, t);
    });
  });

  describe('traps the library lets through', () => {
    it('mL/min/1.73.m2 is valid UCUM but does not mean "per 1.73 m²"', () => {
      const a = analyzeUnit('mL/min/1.73.m2');
      assert.equal(a.validUcum, true);
      assert.equal(a.code, 'mL/min/1.73.m2', 'the code keeps its literal meaning');
      assert.equal(a.traps.length, 1);
      assert.equal(a.traps[0].kind, 'left-to-right-division');
      assert.equal(a.traps[0].fix, 'mL/min/{1.73_m2}');
      assert.match(a.traps[0].message, /left to right/);
      assert.equal(a.suggestions[0]?.code, 'mL/min/{1.73_m2}');
      assert.equal(a.dimension?.isVolumePerTimePerSurface, false, 'literal meaning is not eGFR-like');
    });

    it('mg/kg.d is flagged: UCUM reads (mg/kg)·d', () => {
      const a = analyzeUnit('mg/kg.d');
      assert.equal(a.traps[0]?.kind, 'left-to-right-division');
      assert.equal(a.traps[0]?.fix, 'mg/(kg.d)');
      assert.equal(analyzeUnit(a.traps[0]!.fix!).dimension?.basis, 'weight');
    });

    it('G/L is gauss per litre, not giga per litre', () => {
      const a = analyzeUnit('G/L');
      assert.equal(a.validUcum, true);
      assert.equal(a.traps[0]?.kind, 'gauss-or-tesla');
      assert.equal(a.traps[0]?.fix, '10*9/L');
    });

    it('reports annotations, which UCUM arithmetic ignores', () => {
      assert.deepEqual(analyzeUnit('mL/min/{1.73_m2}').annotations, ['{1.73_m2}']);
      assert.deepEqual(analyzeUnit('mg/g{creat}').annotations, ['{creat}']);
      assert.deepEqual(analyzeUnit('mg').annotations, []);
    });

    it('correct forms have no traps', () => {
      for (const t of ['mL/min/{1.73_m2}', 'mg/(kg.d)', 'g/(24.h)', 'mg.min/mL', '10*9/L']) assert.deepEqual(analyzeUnit(t).traps, [], t);
    });
  });

  describe('invalid units', () => {
    it('keeps the library message and suggestions', () => {
      const a = analyzeUnit('BID');
      assert.equal(a.status, 'invalid');
      assert.equal(a.code, null);
      assert.equal(a.dimension, null);
      assert.ok(a.libraryMessages.some((m) => m.includes('BID')));
      assert.ok(a.message);
    });

    it('offers the library suggestions as quick fixes', () => {
      const a = analyzeUnit('microgramz');
      assert.equal(a.status, 'invalid');
      for (const s of a.suggestions) assert.equal(analyzeUnit(s.code).validUcum, true, `${s.code} is valid`);
    });

    it('never offers the library\'s misleading 73.m2 split for 1.73m2', () => {
      const a = analyzeUnit('mL/min/1.73m2');
      assert.ok(a.suggestions.every((s) => !s.code.includes('(73')), JSON.stringify(a.suggestions));
      assert.equal(a.code, 'mL/min/{1.73_m2}');
    });

    it('handles empty and blank text without throwing or logging', () => {
      const saved = console.log;
      let logged = 0;
      console.log = () => void logged++;
      try {
        for (const t of ['', '   ', 'mg kg', '((', '{', '[', '/', '.']) {
          const a = analyzeUnit(t);
          assert.equal(a.code, null, JSON.stringify(t));
          assert.equal(a.status, 'invalid');
        }
      } finally {
        console.log = saved;
      }
      assert.equal(logged, 0, 'the library must not write to stdout (LSP channel)');
    });
  });

  describe('caching', () => {
    it('returns the same frozen object for the same text', () => {
      const a = analyzeUnit('mg/kg/day');
      assert.equal(analyzeUnit('mg/kg/day'), a);
      assert.ok(Object.isFrozen(a));
      assert.ok(Object.isFrozen(a.suggestions));
      assert.ok(a.dimension && Object.isFrozen(a.dimension));
    });

    it('stays bounded: after more distinct texts than it keeps, an old text is analysed afresh (an equal result, a new object)', () => {
      // The speed of a cached call lives in `npm run bench`; here, what the cache does.
      clearUnitCache();
      const first = analyzeUnit('mg/kg/day');
      for (let i = 0; i < 6000; i++) analyzeUnit(`${i} mg`);
      const again = analyzeUnit('mg/kg/day');
      assert.notEqual(again, first, 'the cache was emptied on reaching its limit');
      assert.deepEqual(again, first);
      assert.equal(analyzeUnit('mg/kg/day'), again, 'and caches the text again');
    });
  });
});
