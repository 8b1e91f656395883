import { strict as assert } from 'node:assert';
import { loadLabels, precision, score } from './score';

describe('extract: the hand-labelled phrases of the real records', () => {
  const labels = loadLabels();
  const s = score(labels);

  it('has at least 150 labelled phrases, doses and criteria', () => {
    assert.ok(labels.length >= 150, `${labels.length}`);
    assert.ok(labels.filter((l) => l.kind === 'dose').length >= 60);
    assert.ok(labels.filter((l) => l.kind === 'criterion').length >= 60);
  });

  it('gets no amount and no unit wrong', () => {
    assert.deepEqual(s.wrong.filter((w) => w.field === 'amount' || w.field === 'unit' || w.field === 'value'), []);
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
