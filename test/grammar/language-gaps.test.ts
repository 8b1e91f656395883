/**
 * Constructs real protocols needed when they were translated by hand (issue 9, item 6): a dose with no
 * amount, `for N doses`, units that start with `/` or a digit, a clear message for a reserved word
 * used as a name, the reserved words documented, and the precision written kept in rendered text.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';
import { KEYWORDS } from '../../grammar/tokens';
import { checkText } from '../../server/checks';
import { doseSpan } from '../../server/checks/facts';
import { exportText, renderDose } from '../../server/export';
import { repoRoot, readExample } from '../helpers/paths';

function doseOf(line: string): A.DoseStmt {
  const r = parse(`intervention x {\n  ${line}\n}\n`);
  assert.deepEqual(r.diagnostics.map((d) => d.message), [], line);
  const iv = r.ast.items[0] as A.InterventionBlock;
  const d = iv.statements[0] as A.DoseStmt;
  assert.equal(d.kind, 'Dose');
  return d;
}

describe('language gaps real protocols hit', () => {
  it('a dose with no amount keeps its route and schedule', () => {
    const d = doseOf('dose "placebo to match" iv every 4 weeks from day 1 for 12 months');
    assert.equal(d.amount, undefined);
    assert.equal(d.amountText?.value, 'placebo to match');
    assert.equal(d.route?.value, 'iv');
    assert.equal(d.frequency?.kind, 'every');
    assert.equal(d.schedule?.from?.value, 1);
    assert.equal(renderDose(d), 'placebo to match IV every 4 weeks from Day 1 for 12 months');
  });

  it('`for N doses` counts administrations at the dose frequency', () => {
    const d = doseOf('dose 100 mg iv every 3 weeks for 4 doses');
    assert.equal(d.schedule?.for?.value.value, 4);
    assert.equal(d.schedule?.for?.unit.value, 'doses');
    const span = doseSpan(d, undefined);
    assert.deepEqual([span.start, span.end], [1, 64]); // days 1, 22, 43, 64
    const bid = doseSpan(doseOf('dose 5 mg oral bid from day 3 for 6 doses'), undefined);
    assert.deepEqual([bid.start, bid.end], [3, 5]); // 6 doses twice a day: days 3, 4 and 5
    assert.match(renderDose(d), /for 4 doses$/);
  });

  it('`for N doses` is not a unit to check', () => {
    const r = checkText('intervention x {\n  type drug\n  dose 100 mg iv every 3 weeks for 4 doses\n}\n');
    assert.deepEqual(r.diagnostics.filter((x) => x.code.startsWith('unit-')).map((x) => x.message), []);
  });

  for (const unit of ['/mm3', '1/mm3', '/min', '10*9/L']) {
    it(`a unit written ${unit}`, () => {
      const r = parse(`measure plt "Platelets" unit ${unit}\neligibility {\n  include plt >= 100 ${unit}\n}\n`);
      assert.deepEqual(r.diagnostics.map((d) => d.message), []);
      const c = (r.ast.items[1] as A.EligibilityBlock).statements[0] as A.CriterionStmt;
      assert.equal(c.threshold?.unit.value, unit);
      const checked = checkText(`measure plt "Platelets" unit ${unit}\neligibility {\n  include plt >= 100 ${unit}\n}\n`);
      assert.deepEqual(checked.diagnostics.filter((x) => x.code === 'unit-unknown').map((x) => x.message), []);
    });
  }

  it('a unit glued to its number: `100000/mm3`', () => {
    const r = parse('measure plt "Platelets" unit /mm3\neligibility {\n  include plt >= 100000/mm3\n}\n');
    assert.deepEqual(r.diagnostics.map((d) => d.message), []);
  });

  it('a slash or digits that are not a unit stay what they were (`phase 2/3`, day lists)', () => {
    const r = parse('trial {\n  phase 2/3\n}\nintervention x {\n  dose 1 mg iv on days 1, 8 and 15\n}\n');
    assert.deepEqual(r.diagnostics.map((d) => d.message), []);
    const phase = (r.ast.items[0] as A.TrialBlock).statements[0] as A.PhaseStmt;
    assert.deepEqual(phase.phases.map((p) => p.value), ['2', '3']);
  });

  it('a reserved word as a name is named as such', () => {
    const r = parse('measure weight "Body weight" unit kg\n');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0]!.message, /'weight' is a reserved word/);
    assert.match(r.diagnostics[0]!.message, /docs\/language\.md/);
    assert.equal(r.diagnostics[0]!.range.start.character, 'measure '.length);
  });

  it('docs/language.md lists exactly the reserved words of the lexer', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');
    const block = /<!-- reserved-words:start -->([\s\S]*?)<!-- reserved-words:end -->/.exec(doc);
    assert.ok(block, 'docs/language.md has the reserved-words block');
    const listed = [...block[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
    const keywords: string[] = [...new Set<string>(KEYWORDS)].sort();
    const missing = keywords.filter((k) => !listed.includes(k));
    const extra = listed.filter((k) => !keywords.includes(k));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'a keyword was added or removed in grammar/tokens.ts: update the reserved words in docs/language.md (sorted, each in backticks)');
  });

  it('the precision written is kept in the exported text (`3.0 g/dL` stays "3.0 g/dL")', () => {
    const text = readExample('ZEPHYR-1.trial')
      .replace('exclude hemoglobin < 8 g/dL', 'exclude hemoglobin < 8.0 g/dL')
      .replace('dose 0.05 mg/kg/d oral', 'dose 0.050 mg/kg/d oral');
    const r = exportText(text);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const ps = (r.record as { protocolSection: Record<string, any> }).protocolSection; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.match(ps.eligibilityModule.eligibilityCriteria, /hemoglobin below 8\.0 g\/dL|8\.0 g\/dL/);
    const tacrolimus = ps.armsInterventionsModule.interventions.find((i: { name: string }) => i.name === 'Tacrolimus');
    assert.match(tacrolimus.description, /0\.050 mg\/kg\/day/);
  });
});
