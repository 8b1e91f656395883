import { strict as assert } from 'node:assert';
import { parseRevealMessage } from '../../client/view-messages';

describe('client: messages from the Trial view', () => {
  it('accepts a reveal with a line inside the document and a sane character', () => {
    assert.deepEqual(parseRevealMessage({ type: 'reveal', line: 61, character: 2 }, 120), { line: 61, character: 2 });
  });

  it('ignores anything else: other types, missing, fractional, negative or out-of-range positions, non-objects', () => {
    for (const m of [
      null, 'reveal', 42, [], {}, { type: 'run', line: 1, character: 0 }, { type: 'reveal', line: '1', character: 0 },
      { type: 'reveal', line: 1.5, character: 0 }, { type: 'reveal', line: -1, character: 0 }, { type: 'reveal', line: 120, character: 0 },
      { type: 'reveal', line: 1, character: -2 }, { type: 'reveal', line: 1, character: 1e9 }, { type: 'reveal', line: 1 },
    ]) assert.equal(parseRevealMessage(m, 120), undefined, JSON.stringify(m));
  });
});
