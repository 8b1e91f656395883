/** parse-in-parts.ts: a large text parsed as growing prefixes gives the whole text's parse, in a bounded number of turns. */
import { strict as assert } from 'node:assert';
import { parse } from '../../grammar/parse';
import { MIN_PART_CHARS, PARTS, parseInParts } from '../../server/lsp/parse-in-parts';
import { readExample } from '../helpers/paths';

describe('lsp: parse in parts', () => {
  // The three examples, broken in places (an unclosed block, a lone CR line end, an unterminated `"""`) and repeated.
  const broken = ['NCT04743739.trial', 'BREEZE-2.trial', 'ZEPHYR-1.trial'].map(readExample).join('\n')
    .replace('intervention', 'intervention broken {\n  dose 1 mg\n\nintervention')
    .replace('\n', '\r');
  const text = (broken + '\n').repeat(Math.ceil((MIN_PART_CHARS * 6) / broken.length)) + 'trial {\n  brief summary """never closed\n';

  it('equals the parse of the whole text, with between 2 and PARTS turns', async () => {
    let turns = 0;
    const inParts = await parseInParts(text, undefined, async () => { turns++; });
    const whole = parse(text);
    assert.ok(turns >= 2 && turns <= PARTS, `${turns} turns`);
    assert.equal(JSON.stringify(inParts.ast), JSON.stringify(whole.ast));
    assert.equal(JSON.stringify(inParts.diagnostics), JSON.stringify(whole.diagnostics));
    assert.equal(JSON.stringify(inParts.comments), JSON.stringify(whole.comments));
  });

  it('a small text: one parse, no turn', async () => {
    let turns = 0;
    await parseInParts(broken, undefined, async () => { turns++; });
    assert.equal(turns, 0);
  });
});
