/** The dosing timeline: study days for listed days, ranges, repeated dosing and cycles. */
import { strict as assert } from 'node:assert';
import { parse } from '../../grammar/parse';
import { timelineRows } from '../../server/export/timeline';
import { buildModel } from '../../server/model';

function rows(doses: string[]) {
  const text = `intervention x {\n${doses.map((d) => `  ${d}`).join('\n')}\n}\narm a {\n  receives x\n}\n`;
  const parsed = parse(text);
  assert.deepEqual(parsed.diagnostics, []);
  return timelineRows(buildModel(parsed)).map((r) => ({ days: r.days, startDay: r.startDay, endDay: r.endDay }));
}

describe('dosing timeline', () => {
  it('listed days, a day range, and repeated dosing that starts on Day 1 by default', () => {
    assert.deepEqual(rows(['dose 1000 mg iv on days 1 and 181', 'dose 5 mg oral daily from day 3 to day 28', 'dose 5 mg/kg iv every 2 weeks for 26 weeks']), [
      { days: [1, 181], startDay: 1, endDay: 181 },
      { days: undefined, startDay: 3, endDay: 28 },
      { days: undefined, startDay: 1, endDay: 182 },
    ]);
  });

  it('cycle days repeat every cycle, whichever order the dose is written in', () => {
    const expected = [1, 8, 22, 29, 43, 50];
    for (const dose of ['dose 75 mg/m2 iv on days 1 and 8 every 21 days for 3 cycles', 'dose 75 mg/m2 iv every 21 days for 3 cycles on days 1 and 8']) {
      assert.deepEqual(rows([dose]), [{ days: expected, startDay: 1, endDay: 50 }], dose);
    }
  });

  it('a single dose has no implied range', () => {
    assert.deepEqual(rows(['dose 5 mg oral once']), [{ days: undefined, startDay: undefined, endDay: undefined }]);
  });
});
