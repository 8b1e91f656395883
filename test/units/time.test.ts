import assert from 'node:assert/strict';
import { convertTime, isTimeUnit, timeUnitCode, toDays } from '../../server/units';

describe('units: time', () => {
  it('uses the UCUM calendar convention', () => {
    assert.equal(toDays(6, 'mo'), 182.625);
    assert.equal(toDays(1, 'month'), 30.4375);
    assert.equal(toDays(1, 'a'), 365.25);
    assert.equal(toDays(2, 'years'), 730.5);
    assert.equal(toDays(3, 'weeks'), 21);
    assert.equal(toDays(1, 'wk'), 7);
    assert.equal(toDays(28, 'days'), 28);
    assert.equal(toDays(28, 'd'), 28);
    assert.equal(toDays(48, 'hours'), 2);
    assert.equal(toDays(12, 'h'), 0.5);
    assert.equal(toDays(1440, 'min'), 1);
    assert.equal(toDays(1440, 'minutes'), 1);
  });

  it('accepts the words protocol writers use', () => {
    for (const [t, code] of [['day', 'd'], ['days', 'd'], ['week', 'wk'], ['weeks', 'wk'], ['month', 'mo'], ['months', 'mo'], ['year', 'a'], ['years', 'a'], ['hour', 'h'], ['hours', 'h'], ['h', 'h'], ['d', 'd'], ['wk', 'wk'], ['mo', 'mo'], ['a', 'a'], ['min', 'min']] as const) {
      assert.equal(timeUnitCode(t), code, t);
      assert.equal(isTimeUnit(t), true, t);
    }
  });

  it('rejects non-time units', () => {
    for (const t of ['mg', '/d', 'mg/d', 'BID', '', 'q12h', 'm']) {
      assert.equal(isTimeUnit(t), false, t);
      assert.equal(toDays(1, t), null, t);
    }
  });

  it('converts between time units', () => {
    assert.equal(convertTime(12, 'months', 'years'), 1);
    assert.equal(convertTime(2, 'weeks', 'days'), 14);
    assert.equal(convertTime(Number.NaN, 'd', 'wk'), null);
  });
});
