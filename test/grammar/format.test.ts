/**
 * The formatter's promises, on the examples and on every .trial fixture in the repository:
 * it keeps every comment, it is idempotent, and it never changes meaning (the AST of the formatted
 * text equals the AST of the input, ranges aside). It refuses a document with syntax errors.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatText } from '../../grammar/format';
import { parse } from '../../grammar/parse';
import { withoutRanges } from '../helpers/ast';
import { MESSY } from '../helpers/messy';
import { examplesDir, fixturesDir, trialFilesUnder } from '../helpers/paths';

function formatted(text: string): string {
  const result = formatText(text);
  assert.ok(result.ok, result.ok ? '' : result.diagnostics.map((d) => d.message).join('; '));
  return result.text;
}

function checkProperties(name: string, text: string): void {
  const once = formatted(text);
  assert.equal(formatted(once), once, `${name}: format(format(x)) = format(x)`);
  assert.deepEqual(
    parse(once).comments.map((c) => c.text.trimEnd()),
    parse(text).comments.map((c) => c.text.trimEnd()),
    `${name}: every comment kept, in order`,
  );
  const syntaxFree = parse(text).diagnostics.length === 0;
  if (syntaxFree) assert.deepEqual(parse(once).diagnostics, [], `${name}: formatted text parses cleanly`);
  assert.deepEqual(withoutRanges(parse(once).ast), withoutRanges(parse(text).ast), `${name}: same AST, ranges aside`);
}

describe('formatter', () => {
  it('lays out a messy document canonically', () => {
    assert.equal(
      formatted(MESSY),
      [
        '// head',
        '',
        'trial {',
        '  nct id NCT01234567 // trailing',
        '',
        '  phase 2/3',
        '  status recruiting',
        '  summary """',
        '    one line',
        '  """',
        '  details """',
        '      deep',
        '    less',
        '  """',
        '}',
        '',
        'measure a "A" unit mg',
        '// lead comment',
        'intervention x {',
        '  dose 1000 mg IV on days 1, 8 and 15',
        '  // inner',
        '}',
        '',
        'arm y {',
        '  receives x {',
        '    dose 5 mg iv',
        '  }',
        '}',
        '',
        'eligibility {',
        '  include a >= 5 mg',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps comments, is idempotent and preserves meaning on a messy document', () => {
    checkProperties('messy', MESSY);
  });

  for (const file of trialFilesUnder(examplesDir)) {
    it(`leaves the example ${path.basename(file)} as it is (examples are canonical) and keeps its properties`, () => {
      const text = fs.readFileSync(file, 'utf8');
      checkProperties(file, text);
      assert.equal(formatted(text), text);
    });
  }

  it('keeps its properties on every parseable .trial fixture', () => {
    const files = trialFilesUnder(fixturesDir).filter((f) => !parse(fs.readFileSync(f, 'utf8')).diagnostics.some((d) => d.code.startsWith('syntax-')));
    for (const file of files) checkProperties(path.relative(fixturesDir, file), fs.readFileSync(file, 'utf8'));
  });

  it('refuses a document with syntax errors and names them', () => {
    const result = formatText('trial {\n  enrollment abc\n}\n');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.diagnostics[0].range.start.line === 1);
  });

  it('formats an empty document to an empty one', () => {
    assert.equal(formatted(''), '');
    assert.equal(formatted('\n\n// only a comment\n'), '// only a comment\n');
  });
});
