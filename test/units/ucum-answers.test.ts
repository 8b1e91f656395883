/**
 * The units library's answers kept between runs (server/units/ucum.ts's answer store,
 * server/io/ucum-answers.ts's file): with a store, every function answers what the library
 * answers; a kept answer is given without asking the library; the file gives back exactly what was
 * saved (NaN, -0, nulls), and a damaged or missing file is an empty store.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answerFile, MAX_ANSWERS } from '../../server/io/ucum-answers';
import { setUcumAnswerStore, ucumBaseUnitName, ucumConvert, ucumUnitInfo, ucumValidate, type UcumAnswerStore } from '../../server/units/ucum';

/** Every kind of question, with answers of every shape: valid, substituted, invalid, suggestions, failures. */
const ask = (): unknown[] => [
  ucumValidate('mg'),
  ucumValidate('mg/kg/day'),
  ucumValidate('mg/kg/day', true),
  ucumValidate('mgg', true),
  ucumValidate(''),
  ucumValidate('x'.repeat(101)),
  ucumUnitInfo('mL/min/{1.73_m2}'),
  ucumUnitInfo('[IU]'),
  ucumUnitInfo('Cel'),
  ucumUnitInfo('not a unit'),
  ucumConvert(6, 'mo', 'd'),
  ucumConvert(-0, 'g', 'mg'),
  ucumConvert(1, 'mg', 'mmol', { molecularWeight: 180.16 }),
  ucumConvert(1, 'mg', 'mmol'),
  ucumConvert(1, '[IU]', '[IU]'),
  ucumBaseUnitName(0),
  ucumBaseUnitName(99),
];

const mapStore = (map: Map<string, unknown>): UcumAnswerStore => ({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });

describe('units: answers of the library kept between runs', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-ucum-answers-'))));
  afterEach(() => {
    setUcumAnswerStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with a store, every answer is the library’s, and a kept answer is given without asking it', () => {
    const direct = ask();
    const kept = new Map<string, unknown>();
    setUcumAnswerStore(mapStore(kept));
    assert.deepStrictEqual(ask(), direct, 'first asked: from the library');
    assert.equal(kept.size, direct.length, 'every answer was kept, each under a question of its own');
    assert.deepStrictEqual(ask(), direct, 'asked again: from the store');
    // The store is asked first: an answer it holds is the answer.
    const key = [...kept.keys()].find((k) => k.endsWith('mg') && k.startsWith('V'))!;
    kept.set(key, { status: 'error', code: null, name: null, messages: ['kept'], suggestions: [] });
    assert.deepEqual(ucumValidate('mg').messages, ['kept']);
    // Questions that differ only in a number's sign or an option are other questions.
    ucumConvert(0, 'g', 'mg');
    assert.equal(kept.size, direct.length + 1);
  });

  it('a file gives back the answers saved in it, exactly', () => {
    const file = path.join(dir, 'cache', 'check-abc.ucum');
    const direct = ask();
    const first = answerFile(file);
    setUcumAnswerStore(first.store);
    ask();
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'nothing new to save');

    const second = answerFile(file);
    const seen: string[] = [];
    setUcumAnswerStore({ get: (k) => (seen.push(k), second.store.get(k)), set: () => assert.fail('every answer was in the file') });
    assert.deepStrictEqual(ask(), direct);
    assert.ok(seen.length > 0);
    assert.equal(second.save(), false);
  });

  it('a file keeps the numbers JSON has no text for (NaN, ±Infinity, -0)', () => {
    const file = path.join(dir, 'numbers.ucum');
    const answers = { magnitude: NaN, up: Infinity, down: -Infinity, zero: -0, plain: 0, list: [NaN, -0, 1.5], text: 'NaN', one: { number: 3 } };
    const first = answerFile(file);
    first.store.set('Ix', answers);
    assert.equal(first.save(), true);
    assert.deepStrictEqual(answerFile(file).store.get('Ix'), answers);
  });

  it('a damaged or missing file is an empty store, and a full store keeps no more', () => {
    const file = path.join(dir, 'check-abc.ucum');
    const first = answerFile(file);
    first.store.set('Vmg', 1);
    first.save();
    const damaged = fs.readFileSync(file);
    damaged[damaged.length - 1] ^= 0xff;
    fs.writeFileSync(file, damaged);
    assert.equal(answerFile(file).store.get('Vmg'), undefined);
    assert.equal(answerFile(path.join(dir, 'none.ucum')).store.get('Vmg'), undefined);

    const full = answerFile(path.join(dir, 'full.ucum'));
    for (let i = 0; i < MAX_ANSWERS + 10; i++) full.store.set(`V${i}`, i);
    assert.equal(full.store.get(`V${MAX_ANSWERS - 1}`), MAX_ANSWERS - 1);
    assert.equal(full.store.get(`V${MAX_ANSWERS}`), undefined);
  });
});
