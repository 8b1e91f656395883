/**
 * Every fixture section of test/fixtures/checks: the expected diagnostics (code + exact range)
 * appear and no others of those codes; near misses have none of theirs; every fixable
 * diagnostic's quick fix, applied, leaves the text clean of that code.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, checkText, quickFixes, RULES } from '../../server/checks';
import type { Diagnostic } from '../../grammar/diagnostic';
import { loadSections, type Section } from './harness';

const sections = loadSections();

/** Fixtures are checked on a fixed day, so the rules about dates already reached are deterministic. */
export const FIXTURE_TODAY = '2026-06-15';
const OPTIONS = { today: FIXTURE_TODAY };

function rangeText(text: string, d: { start: number; end: number }): string {
  return `${d.start}-${d.end} ${JSON.stringify(text.slice(d.start, d.end))}`;
}

function where(s: Section): string {
  return `${s.file}:${s.line} "${s.title}"`;
}

describe('checks: fixtures', () => {
  it('has fixtures', () => assert.ok(sections.length > 40));

  for (const s of sections) {
    describe(where(s), () => {
      const result = checkText(s.text, OPTIONS);
      const codes = new Set(s.expected.map((e) => e.code));

      it('reports exactly the marked diagnostics', () => {
        for (const code of codes) {
          const actual = result.diagnostics
            .filter((d) => d.code === code)
            .map((d) => rangeText(s.text, { start: d.range.start.offset, end: d.range.end.offset }))
            .sort();
          const expected = s.expected.filter((e) => e.code === code).map((e) => rangeText(s.text, e)).sort();
          assert.deepEqual(actual, expected, `${code} in ${where(s)}`);
        }
        for (const d of result.diagnostics.filter((x) => codes.has(x.code))) {
          assert.ok(d.message.length > 10, `a message for ${d.code}`);
          const rule = RULES.find((r) => r.code === d.code);
          assert.ok(rule, `${d.code} is registered`);
        }
      });

      it('has no near-miss diagnostics and no internal errors', () => {
        for (const code of s.nearMiss) {
          const found = result.diagnostics.filter((d) => d.code === code);
          assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), [], `near miss ${code} in ${where(s)}`);
        }
        assert.deepEqual(result.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message), []);
      });

      const fixable = [...codes].filter((c) => RULES.find((r) => r.code === c)?.fixable);
      for (const code of fixable) {
        it(`quick fixes of ${code} leave the text clean of it`, () => {
          let text = s.text;
          let previous = Infinity;
          for (let round = 0; round < 20; round++) {
            const now = checkText(text, OPTIONS).diagnostics.filter((d) => d.code === code);
            if (now.length === 0) return;
            assert.ok(now.length < previous || round === 0, `${code}: the fixes make progress (${now.map((d) => d.message).join(' | ')})`);
            previous = now.length;
            const withFix = now.find((d: Diagnostic) => quickFixes(text, d).length > 0);
            // Diagnostics without a fix (a unit with no suggestion …): nothing to apply here; that
            // every fixable code offers a fix somewhere is asserted below.
            if (!withFix) return;
            const fixes = quickFixes(text, withFix);
            const fix = fixes.find((f) => f.isPreferred) ?? fixes[0]!;
            text = applyEdits(text, fix.edits);
          }
          assert.fail(`${code}: fixes did not converge`);
        });
      }
    });
  }

  it('every code has a triggering fixture and a near miss', () => {
    const triggered = new Set(sections.flatMap((s) => s.expected.map((e) => e.code)));
    const near = new Set(sections.flatMap((s) => s.nearMiss));
    // internal-error: only a throwing rule triggers it (engine.test.ts); document-too-large: only the
    // language server emits it, over 2 MB (test/lsp/large-document.test.ts).
    const exempt = new Set(['internal-error', 'document-too-large', 'check-internal-error']);
    for (const r of RULES) {
      if (exempt.has(r.code)) continue;
      assert.ok(triggered.has(r.code), `no fixture triggers ${r.code}`);
      assert.ok(near.has(r.code), `no near miss for ${r.code}`);
    }
  });

  it('every fixable code offers a fix in some fixture', () => {
    const offered = new Set<string>();
    for (const s of sections) {
      for (const d of checkText(s.text, OPTIONS).diagnostics) if (quickFixes(s.text, d).length) offered.add(d.code);
    }
    for (const r of RULES.filter((x) => x.fixable)) assert.ok(offered.has(r.code), `${r.code} is marked fixable but no fixture gets a fix`);
  });
});

describe('checks: fixtures parse cleanly', () => {
  for (const s of loadSections()) {
    it(`${s.file}:${s.line} has no syntax errors`, () => {
      const syntax = checkText(s.text, OPTIONS).parse.diagnostics;
      assert.deepEqual(syntax.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
    });
  }
});
