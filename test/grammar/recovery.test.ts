/**
 * Error recovery: broken lines yield one located diagnostic each, in a protocol writer's words, and
 * never hide the rest of the file. Bad input of any kind never throws.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';
import { readExample } from '../helpers/paths';

/** `«…»` marks where a diagnostic is expected; returns the text without markers and the marked offsets. */
function marked(source: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const ch of source) {
    if (ch === '«') open = text.length;
    else if (ch === '»') spans.push({ start: open, end: text.length });
    else text += ch;
  }
  return { text, spans };
}

describe('error recovery', () => {
  it('several broken lines in one file: one diagnostic each, the rest of the AST intact', () => {
    const { text, spans } = marked(
      [
        'trial {',
        '  brief title «"Unclosed title»',
        '  phase 3',
        '  enrollment «abc» actual',
        '  status recruiting',
        '}',
        'intervention x {',
        '  dose 1000 «iv» on days 1 and 181',
        '  dose 5 mg «ivv»',
        '  type drug',
        '}',
        'arm a {',
        '  label "A" «"B"»',
        '  receives x',
        '}',
        'site "S" in "City", "Country"',
        '',
      ].join('\n'),
    );
    const result = parse(text);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.range.start.offset, d.range.end.offset]),
      spans.map((s) => [s.start, s.end]),
      result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'),
    );
    const messages = result.diagnostics.map((d) => d.message);
    assert.match(messages[0], /no closing quote/);
    assert.match(messages[1], /expected a number after 'enrollment', found 'abc'/);
    assert.match(messages[2], /expected a unit after '1000', found 'iv'/);
    assert.match(messages[3], /'ivv' is not a route or a frequency/);
    assert.match(messages[4], /unexpected '"B"' in an arm/);
    assert.ok(messages.every((m) => !/Exception|NoViableAlt|Mismatched/.test(m)), 'no parser jargon');

    const kinds = result.ast.items.map((i) => i.kind);
    assert.deepEqual(kinds, ['TrialBlock', 'InterventionBlock', 'ArmBlock', 'SiteDecl']);
    const trial = result.ast.items[0] as A.TrialBlock;
    assert.deepEqual(trial.statements.map((s) => s.kind), ['Text', 'Phase', 'Words'], 'phase and status survive the broken lines');
    const intervention = result.ast.items[1] as A.InterventionBlock;
    assert.ok(intervention.statements.some((s) => s.kind === 'Words'), 'type after broken doses survives');
    const arm = result.ast.items[2] as A.ArmBlock;
    assert.deepEqual(arm.statements.map((s) => s.kind), ['Text', 'Receives']);
  });

  it('an unknown statement names what was expected there', () => {
    const result = parse('intervention x {\n  doze 5 mg iv\n  type drug\n}\n');
    assert.equal(result.diagnostics.length, 1);
    const [d] = result.diagnostics;
    assert.equal(d.code, 'syntax-error');
    assert.match(d.message, /unexpected 'doze' in an intervention; expected .*'dose'/);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [1, 2, 6]);
    assert.ok((result.ast.items[0] as A.InterventionBlock).statements.some((s) => s.kind === 'Words'));
  });

  it('a missing closing brace at the end of the file is reported once, at the end', () => {
    const result = parse('trial {\n  acronym "A"\n');
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0].message, /no closing '}'/);
    assert.equal(((result.ast.items[0] as A.TrialBlock).statements[0] as A.TextStmt).text.value, 'A');
  });

  it('unknown characters are located', () => {
    const result = parse('trial {\n  acronym "A" §\n}\n');
    const d = result.diagnostics.find((x) => x.code === 'syntax-unknown-character');
    assert.ok(d);
    assert.deepEqual([d.range.start.line, d.range.start.character], [1, 14]);
  });

  it('never throws on arbitrary text, and every diagnostic range lies inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parse(text);
        for (const d of result.diagnostics) {
          assert.ok(d.range.start.offset >= 0 && d.range.end.offset <= text.length && d.range.start.offset <= d.range.end.offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when lines of the seed example are deleted or duplicated, and keeps most of it', () => {
    const lines = readExample('NCT04743739.trial').split('\n');
    fc.assert(
      fc.property(fc.array(fc.nat(lines.length - 1), { minLength: 1, maxLength: 4 }), fc.boolean(), (indexes, duplicate) => {
        const edited = lines.flatMap((line, i) => (indexes.includes(i) ? (duplicate ? [line, line] : []) : [line]));
        const result = parse(edited.join('\n'));
        // Removing one end of a multi-line """ text legitimately turns what follows into text.
        const touchesTripleQuotes = indexes.some((i) => lines[i].includes('"""'));
        if (!touchesTripleQuotes) assert.ok(result.ast.items.length >= 20, 'most top-level items survive');
      }),
      { numRuns: 150 },
    );
  });
});
