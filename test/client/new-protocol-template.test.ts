/**
 * The "Trial: New Protocol" template: as inserted, only its placeholders are reported (each a TODO tab
 * stop, so Tab reaches every one); filled in, it checks clean; every choice valid.
 */
import { strict as assert } from 'node:assert';
import { expandSnippetDefaults, newProtocolSnippet } from '../../client/new-protocol-template';
import { checkText } from '../../server/checks';

const problems = (text: string): string[] =>
  checkText(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);

describe('new protocol template', () => {
  const body = newProtocolSnippet(new Date(Date.UTC(2026, 11, 1)));

  /** The diagnostics other than a placeholder on a TODO tab stop's text. */
  const notPlaceholders = (text: string): string[] =>
    checkText(text).diagnostics
      .filter((d) => !(d.code === 'placeholder-value' && /^"TODO/.test(text.slice(d.range.start.offset, d.range.end.offset))))
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);

  it('as inserted, reports only its placeholders: one placeholder-value on each TODO text', () => {
    const text = expandSnippetDefaults(body);
    assert.ok(!text.includes('${') && !/\$\d/.test(text), 'snippet syntax left in the expanded text');
    assert.deepEqual(notPlaceholders(text), []);
    const todoTexts = [...text.matchAll(/"TODO[^"]*"/g)].length;
    assert.ok(todoTexts > 0);
    assert.equal(checkText(text).diagnostics.filter((d) => d.code === 'placeholder-value').length, todoTexts);
  });

  it('checks clean (no error, no warning) once every TODO is written', () => {
    let n = 0;
    const text = expandSnippetDefaults(body).replace(/"TODO[^"]*"/g, () => `"Written ${++n}"`);
    assert.deepEqual(problems(text), []);
  });

  it('every choice of every choice tab stop is a valid value', () => {
    for (const m of body.matchAll(/\$\{(\d+)\|([^}]*)\|\}/g)) {
      for (const choice of m[2].split(',')) {
        const text = expandSnippetDefaults(body.replace(m[0], choice));
        assert.deepEqual(notPlaceholders(text), [], `tab stop ${m[1]} = ${choice}`);
      }
    }
  });

  it('every TODO is inside a tab stop, so Tab reaches all of them', () => {
    const outside = body.replace(/\$\{\d+:[^}]*\}/g, '').split('\n').slice(2).join('\n'); // the first two lines are the comment
    assert.ok(!/TODO/.test(outside), `TODO outside a tab stop:\n${outside.split('\n').filter((l) => l.includes('TODO')).join('\n')}`);
  });

  it('dates follow the day it is created: start next month, estimated', () => {
    const text = expandSnippetDefaults(body);
    assert.match(text, /^ {2}start 2027-01 estimated$/m);
    assert.match(text, /^ {2}primary completion 2028-01 estimated$/m);
    assert.match(text, /^ {2}completion 2028-07 estimated$/m);
  });
});
