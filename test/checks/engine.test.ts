import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkModel, checkText, quickFixes, RULES, type Rule } from '../../server/checks';
import { exportText } from '../../server/export';
import { readExample, repoRoot } from '../helpers/paths';

function summary(text: string, options = {}): string[] {
  return checkText(text, options).diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code} ${JSON.stringify(text.slice(d.range.start.offset, d.range.end.offset))}${d.code === 'registry-missing-element' ? ` ${String(d.data?.element)}` : ''}`,
  );
}

describe('checks: examples', () => {
  it('the seed NCT04743739 shows exactly what the record deserves', () => {
    assert.deepEqual(summary(readExample('NCT04743739.trial')), [
      // One diagnostic per place, naming every element missing there (errors and warnings apart).
      // The primary completion date and the primary outcome have no source that requires them: a warning (docs/diagnostics.md).
      '6:1-6:6 warning registry-missing-element "trial" the primary completion date; a primary outcome; the oversight answers (FDA-regulated drug, FDA-regulated device)',
      '6:1-6:6 error registry-missing-element "trial" the official title (required for studies starting on or after 2017-01-18)',
      '12:10-12:20 error why-stopped-missing "terminated"',
      '38:1-38:9 error registry-missing-element "sponsors" the organization',
      '104:28-104:33 information unit-clinical-spelling "g/24h"',
      '105:22-105:35 information unit-clinical-spelling "mL/min/1.73m2"',
    ]);
  });

  it('ZEPHYR-1 checks clean', () => {
    assert.deepEqual(summary(readExample('ZEPHYR-1.trial')), []);
  });

  it('the seed fixed by its quick fixes keeps only what a writer must fill in', () => {
    let text = readExample('NCT04743739.trial');
    for (let i = 0; i < 30; i++) {
      const d = checkText(text).diagnostics.find((x) => quickFixes(text, x).length > 0);
      if (!d) break;
      const fixes = quickFixes(text, d);
      text = applyEdits(text, (fixes.find((f) => f.isPreferred) ?? fixes[0]!).edits);
    }
    // What is left are placeholders, each an error at its place: a fix never answers for the writer
    // (no yes or no, no date borrowed from another field, no made-up text).
    const left = checkText(text).diagnostics.map((d) => `${d.code} ${text.slice(d.range.start.offset, d.range.end.offset)}`);
    assert.ok(left.length > 0);
    assert.deepEqual(left.filter((l) => !/^placeholder-value "?TODO"?$/.test(l)), []);
    // The seed completed 2024-12-20; its primary completion date is unknown, not that date, and not "actual".
    assert.match(text, /^ {2}primary completion TODO$/m);
    assert.match(text, /^ {2}why stopped "TODO"$/m);
    assert.match(text, /^ {2}organization "TODO" class TODO$/m);
    assert.match(text, /^ {2}fda regulated drug TODO$/m);
    assert.equal(exportText(text).ok, false);
  });
});

describe('checks: engine', () => {
  const text = `intervention x {\n  type drug\n  dose 10 mg iv on days 0 and 8\n}\narm a {\n  label "A"\n  type experimental\n  receives x\n}\n`;

  it('a rule that throws becomes one internal-error on the node it was checking; the others still run', () => {
    const throwing: Rule = {
      code: 'test-throws',
      group: 'schedule',
      defaultSeverity: 'error',
      doc: { summary: 'throws' },
      check(model, _report, ctx) {
        const arm = model.arms.get('a')!;
        ctx.at(arm.id.range);
        throw new Error('boom');
      },
    };
    const plain = checkText(text).diagnostics;
    const withThrow = checkText(text, { extraRules: [throwing] }).diagnostics;
    const internal = withThrow.filter((d) => d.code === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0]!.message, /test-throws/);
    assert.match(internal[0]!.message, /boom/);
    assert.equal(internal[0]!.data?.rule, 'test-throws');
    assert.equal(text.slice(internal[0]!.range.start.offset, internal[0]!.range.end.offset), 'a');
    assert.deepEqual(withThrow.filter((d) => d.code !== 'internal-error'), plain);
  });

  it('a throwing rule registered first does not stop the rules after it', () => {
    const throwing: Rule = { code: 'test-throws', group: 'names', defaultSeverity: 'error', doc: { summary: '' }, check: () => { throw new TypeError('x'); } };
    const rules = [throwing, ...(require('../../server/checks').ALL_RULES as Rule[])];
    const d = checkText(text, { onlyRules: rules }).diagnostics;
    assert.ok(d.some((x) => x.code === 'dose-day-zero'));
    assert.equal(d.filter((x) => x.code === 'internal-error').length, 1);
  });

  it('rule groups can be switched off, and severities overridden or turned off', () => {
    assert.ok(checkText(text).diagnostics.some((d) => d.code === 'dose-day-zero'));
    assert.ok(!checkText(text, { rules: { schedule: false } }).diagnostics.some((d) => d.code === 'dose-day-zero'));
    assert.ok(!checkText(text, { rules: { units: true, schedule: true, registry: false } }).diagnostics.some((d) => d.code.startsWith('registry-')));
    const warn = checkText(text, { severity: { 'dose-day-zero': 'warning' } }).diagnostics.find((d) => d.code === 'dose-day-zero');
    assert.equal(warn?.severity, 'warning');
    assert.ok(!checkText(text, { severity: { 'dose-day-zero': 'off' } }).diagnostics.some((d) => d.code === 'dose-day-zero'));
    assert.ok(!checkText('trial {\n  status\n}\n', { severity: { 'syntax-error': 'off' } }).diagnostics.some((d) => d.code === 'syntax-error'));
  });

  it('diagnostics are sorted by position', () => {
    const d = checkText(readExample('NCT04743739.trial')).diagnostics;
    const offsets = d.map((x) => x.range.start.offset);
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
  });

  it('checkModel gives the rule diagnostics of a built model', () => {
    const r = checkText(text);
    assert.deepEqual(checkModel(r.model, {}, text), r.diagnostics.filter((d) => !r.parse.diagnostics.includes(d)));
  });

  it('RULES lists every code once, with group, severity and description', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const r of RULES) {
      assert.match(r.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['units', 'schedule', 'registry', 'names', 'engine'].includes(r.group));
      assert.ok(r.description.length > 10);
    }
  });
});

describe('checks: trial-ignore', () => {
  const doc = (ignore: string) =>
    `intervention x {\n  type drug\n${ignore}  dose 10 mg iv on days 0 and 8\n  dose 5 mg iv on day 0\n}\n`;

  it('silences the code on the next statement only', () => {
    const d = checkText(doc('  // trial-ignore dose-day-zero\n')).diagnostics.filter((x) => x.code === 'dose-day-zero');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.range.start.line, 4);
  });

  it('skips blank and comment lines to find the next statement, and takes several codes', () => {
    const d = checkText(doc('  // trial-ignore dose-day-zero, unit-unknown\n\n  // a note\n')).diagnostics;
    assert.equal(d.filter((x) => x.code === 'dose-day-zero').length, 1);
    assert.equal(d.filter((x) => x.code === 'ignore-unused').length, 1); // unit-unknown silenced nothing
  });

  it('on a block header it covers the whole block', () => {
    const d = checkText(`// trial-ignore dose-day-zero\n${doc('')}`).diagnostics;
    assert.deepEqual(d.filter((x) => x.code === 'dose-day-zero' || x.code.startsWith('ignore-')), []);
  });

  it('reports unknown codes, with the closest known code as a fix', () => {
    const t = doc('  // trial-ignore dose-day-zer\n');
    const d = checkText(t).diagnostics.find((x) => x.code === 'ignore-unknown-code')!;
    assert.ok(d);
    const fixed = applyEdits(t, quickFixes(t, d)[0]!.edits);
    assert.match(fixed, /trial-ignore dose-day-zero\n/);
    assert.ok(!checkText(fixed).diagnostics.some((x) => x.code === 'ignore-unknown-code'));
  });

  it('does not call a code unused when its rule group is switched off', () => {
    const d = checkText(doc('  // trial-ignore dose-day-zero\n'), { rules: { schedule: false } }).diagnostics;
    assert.ok(!d.some((x) => x.code === 'ignore-unused'));
  });
});

describe('checks: docs/diagnostics.md', () => {
  it('has one entry per registered code, and none other', () => {
    const md = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
    const documented = [...md.matchAll(/^## `([a-z0-9-]+)`/gm)].map((m) => m[1]!);
    assert.equal(new Set(documented).size, documented.length, 'no code documented twice');
    assert.deepEqual([...documented].sort(), RULES.map((r) => r.code).sort());
  });

  it('every entry says what it means, why it matters, an example and the fix', () => {
    const md = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
    const entries = md.split(/^## /m).slice(1);
    for (const e of entries) {
      const code = /^`([^`]+)`/.exec(e)?.[1];
      for (const part of ['**Means**', '**Why**', '**Example**', '**Fix**']) assert.ok(e.includes(part), `${code}: ${part}`);
      const rule = RULES.find((r) => r.code === code)!;
      assert.equal(/Quick fix: yes/.test(e), rule.fixable, `${code}: the quick-fix line matches RULES`);
    }
  });
});
