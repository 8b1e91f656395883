import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FIXTURE, loadLabels, precision, score } from './score';

describe('extract: the hand-labelled phrases of the real records', () => {
  const labels = loadLabels();
  const s = score(labels);

  it('has at least 150 labelled phrases, doses and criteria', () => {
    assert.ok(labels.length >= 150, `${labels.length}`);
    assert.ok(labels.filter((l) => l.kind === 'dose').length >= 60);
    assert.ok(labels.filter((l) => l.kind === 'criterion').length >= 60);
  });

  it('gets no amount and no unit wrong', () => {
    assert.deepEqual(s.wrong.filter((w) => w.field === 'amount' || w.field === 'unit' || w.field === 'value' || w.field === 'low'), []);
  });

  it('structures nothing the label keeps as text', () => {
    assert.deepEqual(s.spurious, []);
  });

  it('gets no other field wrong (route, frequency, days, measure, comparator …)', () => {
    assert.deepEqual(s.wrong, []);
    for (const [name, f] of Object.entries(s.fields)) assert.equal(precision(f), 1, name);
  });

  it('structures a fair share of what the labels structure (recall floor, so a regression that reads nothing fails)', () => {
    assert.ok(s.found / s.requiredStructures >= 0.6, `${s.found}/${s.requiredStructures}`);
  });
});

describe('extract: the held-out phrases (a second hand-labelled sample, not used for tuning)', () => {
  const labels = loadLabels(path.join(path.dirname(FIXTURE), 'held-out-phrases.json'));
  const s = score(labels);

  it('has phrases of both kinds', () => {
    assert.ok(labels.filter((l) => l.kind === 'dose').length >= 30 && labels.filter((l) => l.kind === 'criterion').length >= 30);
  });

  it('gets no field wrong and structures nothing the label keeps as text', () => {
    assert.deepEqual(s.wrong, []);
    assert.deepEqual(s.spurious, []);
  });
});
