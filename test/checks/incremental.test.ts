/**
 * Incremental checking: `checkText(text, options, previous)` re-uses the per-item rules'
 * diagnostics on the items an edit did not touch (server/checks/item-cache.ts). It must give
 * exactly what a fresh `checkText` gives, and cached diagnostics must move with their items.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ParseResult } from '../../grammar/parse';
import { applyEdit as applyBenchEdit, seededEdits } from '../../bench/edits';
import { generateProtocol } from '../../bench/generate';
import { checkText, type CheckOptions, type Rule } from '../../server/checks';
import { armDescription, interventionDescription } from '../../server/checks/rules/registry/text-too-long';
import { itemRule } from '../../server/checks/types';
import { buildRecord } from '../../server/export/build-record';
import { readExample } from '../helpers/paths';

const seed = readExample('NCT04743739.trial');
const zephyr = readExample('ZEPHYR-1.trial');
const generated = generateProtocol(200);

/** A small protocol that trips many rules (units, schedule, registry, names). */
const busy = `trial {
  org study id "B-1"
  brief title "Busy"
  study type interventional
  status completed
  why stopped "no reason"
  start 2024-01 estimated
  primary completion 2023-01 estimated
  completion 2025-01
  enrollment 10
  duration 2 weeks
  phase na
}

design {
  allocation randomized
  model parallel
  purpose treatment
  masking none participant
}

measure anc "Absolute neutrophil count" unit 10*9/L
measure crea "Creatinine" unit mg/dL

intervention drugA {
  type drug
  name "Drug A"
  max dose 100 mg
  dose 5 mg/kg iv on days 0, 8 and 8 if anc > 1.5 mg
  dose 200 mg oral bid in 3 divided doses from day 1 to day 30
  adjust by crea
  taper after 1 month over 2 weeks
}

intervention unusedDrug {
  type drug
  name "Unused"
  dose 1 mg/dy oral once
}

arm a1 {
  label "Same"
  type experimental
  receives drugA {
    dose 2000 mg iv on day 40
    dose 10 mg iv on day 50 if anc > 2 10*9/L
  }
  receives ghost
}

arm a2 {
  label "Same"
  type no intervention
  receives drugA
}

eligibility {
  age 80 years to 18 years
  sex all
  include crea < 2 mmol/L
  exclude anc < 1 mg/dL
}

primary outcome "Response" {
  at week 3 and month 9
}

schedule {
  visit screening at day 1
  visit w2 at week 2
}

site "Clinic" in "Boston", "United States" status recruiting
`;

const alphabet = fc.constantFrom(
  'a', ' ', '\n', '{', '}', '"', '0', '1', '9', 'x', 'mg', 'arm ',
  'site "S" in "Austin", "USA" status recruiting\n',
  '  dose 5 mg iv on day 0\n',
  '  dose 900 mg/kg iv every 4 weeks from day 1 for 12 months\n',
  '  receives drugA\n',
  '  taper after 1 day\n',
  '  max dose 1 mg\n',
  '  status terminated\n',
  '  duration 1 week\n',
  '\nintervention y {\n  type drug\n',
  '\narm z {\n  receives drugA {\n    dose 1 mg on day 400\n  }\n}\n',
  '\nmeasure crea "Serum creatinine" unit mmol/L\n',
  '\nmeasure anc "ANC" unit /uL\n',
  '  // trial-ignore dose-day-zero\n',
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(15), insert: fc.array(alphabet, { maxLength: 3 }) });

/** Fresh and incremental results, in a form deepEqual compares strictly (no shared AST objects). */
function plain(result: ReturnType<typeof checkText>): unknown {
  return JSON.parse(JSON.stringify(result.diagnostics));
}

function applyEdit(text: string, e: { at: number; remove: number; insert: string[] }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
}

/**
 * The edits in turn, each checked with the previous parse: equal to a fresh check, and of `codes`
 * reporting exactly those its step names (space-separated, repeated when reported twice).
 */
function editsInTurn(start: string, codes: readonly string[], steps: readonly [string, (text: string) => string][]): void {
  let text = start;
  let previous = checkText(text);
  assert.deepEqual(previous.diagnostics.filter((d) => codes.includes(d.code)), []);
  for (const [expected, edit] of steps) {
    text = edit(text);
    const next = checkText(text, {}, previous.parse);
    assert.deepEqual(plain(next), plain(checkText(text)));
    assert.deepEqual(next.diagnostics.filter((d) => codes.includes(d.code)).map((d) => d.code).sort(), expected ? expected.split(' ').sort() : [], text);
    previous = next;
  }
}

describe('incremental checking', () => {
  it('equals a fresh checkText after any sequence of random edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(seed, zephyr, busy, generated), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let previous: ParseResult = checkText(text).parse;
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = checkText(text, {}, previous);
          assert.deepEqual(plain(incremental), plain(checkText(text)));
          previous = incremental.parse;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('equals a fresh checkText after text typed past the last item (a quick fix appends at the new end)', () => {
    // The seed lacks elements whose fix appends a block at the document's end; typing after its last
    // item must move that insertion point, as a fresh check puts it (found by the property above).
    for (const typed of ['arm ', '\n// note\n', '\n\n', 'x']) {
      const previous = checkText(seed).parse;
      const text = seed + typed;
      assert.deepEqual(plain(checkText(text, {}, previous)), plain(checkText(text)), JSON.stringify(typed));
    }
  });

  it('equals a fresh checkText after an item is typed before the first one of a document without a trial block', () => {
    // A document without a trial block is told so at the document's start (line 0); an item typed
    // above its first item must not carry that finding down with the item that used to open the
    // document (found by the property below, seed -50648058).
    const noTrial = 'arm ' + busy.slice(1);
    for (const typed of ['site "S" in "Austin", "USA" status recruiting\n', 'measure m "M" unit mg\n', '\n']) {
      const previous = checkText(noTrial).parse;
      const text = typed + noTrial;
      assert.deepEqual(plain(checkText(text, {}, previous)), plain(checkText(text)), JSON.stringify(typed));
    }
  });

  it("equals a fresh checkText after the bench's edits: typing, line starts, block boundaries, backspaces, multi-line pastes", () => {
    // A large protocol (many arms sharing interventions, conditional doses, outcomes, sites),
    // edited at random places as the bench does; every step is compared with a fresh check.
    for (const seed of [1, 2]) {
      let text = generateProtocol(300, seed);
      let previous = checkText(text);
      for (const e of seededEdits(text, 80, seed)) {
        text = applyBenchEdit(text, e);
        const incremental = checkText(text, {}, previous.parse);
        assert.deepEqual(plain(incremental), plain(checkText(text)), `after a ${e.kind} edit at offset ${e.offset}`);
        previous = incremental;
      }
    }
  });

  it('equals a fresh checkText after seeded edits at line starts, block boundaries and multi-line pastes, for any seed', function () {
    this.timeout(120_000);
    // Larger documents than above (with repeated criteria, whose message names a line), a seed
    // chosen by fast-check for both the protocol and the edits.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(400, 900), (seedNumber, lines) => {
        let text = generateProtocol(lines, seedNumber);
        let previous = checkText(text);
        for (const e of seededEdits(text, 25, seedNumber)) {
          text = applyBenchEdit(text, e);
          const incremental = checkText(text, {}, previous.parse);
          assert.deepEqual(plain(incremental), plain(checkText(text)), `after a ${e.kind} edit at offset ${e.offset}`);
          previous = incremental;
        }
      }),
      { numRuns: 4 },
    );
  });

  it('a cached criterion-duplicate names the line of the first criterion where it now is, after lines are added above', () => {
    // Regression: the rule's message names a line; a cached diagnostic kept the old line number
    // when an edit above moved the eligibility block (the bench's 'same as fresh' was false).
    const text = `${busy}\neligibility {\n  sex all\n  include "adults"\n  include "adults"\n}\n`.replace(/eligibility \{\n  age 80[^}]*\}\n/, '');
    const first = checkText(text);
    const message = (r: ReturnType<typeof checkText>): string | undefined => r.diagnostics.find((d) => d.code === 'criterion-duplicate')?.message;
    assert.match(message(first) ?? '', /on line (\d+)/);
    const edited = text.replace('  org study id "B-1"\n', '  org study id "B-1"\n  acronym "BUSY"\n');
    const second = checkText(edited, {}, first.parse);
    const line = (m: string | undefined): number => Number(/on line (\d+)/.exec(m ?? '')?.[1]);
    assert.equal(line(message(second)), line(message(first)) + 1);
    assert.deepEqual(plain(second), plain(checkText(edited)));
  });

  it('equals a fresh checkText under settings (groups off, severities overridden), and when they change', () => {
    const settings: CheckOptions[] = [{}, { rules: { schedule: false } }, { severity: { 'unit-unknown': 'warning', 'dose-day-zero': 'off' } }, { rules: { units: false, registry: false } }];
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.constantFrom(...settings)), { minLength: 1, maxLength: 6 }), (steps) => {
        let text = busy;
        let previous: ParseResult = checkText(text).parse;
        for (const [e, options] of steps) {
          text = applyEdit(text, e);
          const incremental = checkText(text, options, previous);
          assert.deepEqual(plain(incremental), plain(checkText(text, options)));
          previous = incremental.parse;
        }
      }),
      { numRuns: 30 },
    );
  });

  it('a cached diagnostic moves with its item when an edit above moves it, without checking the item again', () => {
    let calls = 0;
    const probe = itemRule({
      code: 'test-probe',
      group: 'schedule',
      defaultSeverity: 'information',
      doc: { summary: 'reports every intervention name, with a quick fix' },
      kinds: ['InterventionBlock'],
      checkItem(iv, _model, report) {
        calls++;
        report(iv.id.range, `intervention ${iv.id.value}`, { fixes: [{ title: 'rename', edits: [{ range: iv.id.range, newText: 'renamed' }] }] });
      },
    });
    const options: CheckOptions = { extraRules: [probe] };
    const first = checkText(busy, options);
    const ivBefore = first.model.interventions.get('unusedDrug')!;
    const before = first.diagnostics.find((d) => d.code === 'test-probe' && d.message === 'intervention unusedDrug')!;
    // Positions by value: the diagnostics' positions follow their item when it moves.
    const beforeStart = { ...JSON.parse(JSON.stringify(before.range.start)) } as { line: number; offset: number; character: number };
    const zeroBefore = first.diagnostics.filter((d) => d.code === 'dose-day-zero').map((d) => d.range.start.line);
    assert.equal(calls, 2);

    // Three lines inserted at the top of the document (inside the trial block).
    const edited = busy.replace('  org study id "B-1"\n', '  org study id "B-1"\n  acronym "BUSY"\n  condition "A"\n  condition "B"\n');
    const delta = edited.length - busy.length;
    const second = checkText(edited, options, first.parse);
    const ivAfter = second.model.interventions.get('unusedDrug')!;
    assert.equal(ivAfter, ivBefore, 'the intervention object is reused');
    assert.equal(calls, 2, 'no intervention was checked again');
    const after = second.diagnostics.find((d) => d.code === 'test-probe' && d.message === 'intervention unusedDrug')!;
    assert.equal(after.range.start.line, beforeStart.line + 3);
    assert.equal(after.range.start.offset, beforeStart.offset + delta);
    assert.equal(after.range.start.character, beforeStart.character);
    assert.deepEqual(after.range, ivAfter.id.range);
    const fix = (after.data!.fixes as { edits: { range: unknown }[] }[])[0]!.edits[0]!;
    assert.deepEqual(fix.range, ivAfter.id.range, 'ranges inside data move too');
    // A real rule's cached diagnostics moved as well, and everything equals a fresh check.
    const zeroAfter = second.diagnostics.filter((d) => d.code === 'dose-day-zero');
    assert.deepEqual(zeroAfter.map((d) => d.range.start.line), zeroBefore.map((line) => line + 3));
    assert.deepEqual(plain(second), plain(checkText(edited, options)));
  });

  it('a document rule that says what it reads runs again only when an edit replaces such an item; its findings move with their segment', () => {
    let calls = 0;
    const probe: Rule = {
      code: 'test-doc-probe',
      group: 'schedule',
      defaultSeverity: 'information',
      doc: { summary: 'reports the end of every arm, through the line index' },
      reads: ['ArmBlock'],
      check(model, report, ctx) {
        calls++;
        for (const arm of model.arms.values()) report(ctx.lines.range(arm.range.end.offset - 1, arm.range.end.offset), `arm ${arm.id.value} ends`);
      },
    };
    const options: CheckOptions = { extraRules: [probe] };
    const first = checkText(busy, options);
    assert.equal(calls, 1);
    // Lines added in the trial block: no arm replaced, the arms move down.
    const above = busy.replace('  org study id "B-1"\n', '  org study id "B-1"\n  acronym "BUSY"\n  condition "A"\n');
    const second = checkText(above, options, first.parse);
    assert.equal(calls, 1, 'not run again');
    assert.deepEqual(plain(second), plain(checkText(above, options)));
    calls = 0;
    const inArm = above.replace('label "Same"\n  type no', 'label "Other"\n  type no');
    const third = checkText(inArm, options, second.parse);
    assert.equal(calls, 1, 'run again when an arm is replaced');
    assert.deepEqual(plain(third), plain(checkText(inArm, options)));
  });

  it('the document rules over the arms find what an edit of one arm or intervention adds or removes, and keep what it leaves', () => {
    // Three arms, two interventions, nothing found; then, one edit at a time (same names, so the
    // model is derived and the rules look only at the arms the edit can have changed), an overlap
    // and a conditional dose outside treatment in an intervention two arms receive, a label that
    // another arm has, each undone again, with edits elsewhere between them; then an overlap kept
    // while other arms and interventions are edited, one of them adding a second overlap.
    const quiet = 'intervention c {\n  type drug\n  name "C"\n  max cumulative dose 20 g\n  dose 600 mg/d oral in 2 divided doses from day 1 for 2 weeks\n}\n\nintervention a {\n  type drug\n  name "A"\n  dose 10 mg oral daily from day 1 to day 28\n}\n\nintervention b {\n  type drug\n  name "B"\n  dose 5 mg oral daily from day 1 to day 14\n}\n\narm one {\n  type experimental\n  label "One"\n  receives c\n  receives a\n}\n\narm two {\n  type experimental\n  label "Two"\n  receives b\n}\n\narm three {\n  type active comparator\n  label "Three"\n  receives a\n  receives b\n}\n';
    const inB = (extra: string) => (t: string) => t.replace('from day 1 to day 14\n', `from day 1 to day 14\n${extra}`);
    const steps: [string, (t: string) => string][] = [
      ['dose-overlap', inB('  dose 5 mg oral daily from day 10 to day 20\n')],
      ['', (t) => t.replace('  dose 5 mg oral daily from day 10 to day 20\n', '')],
      ['', (t) => t.replace('name "A"', 'name "A2"')],
      ['dose-condition-outside-treatment', inB('  dose 2 mg oral on day 40 if anc > 1.5 10*9/L\n')],
      ['', (t) => t.replace('  dose 2 mg oral on day 40 if anc > 1.5 10*9/L\n', '')],
      ['dose-overlap', (t) => t.replace('  receives a\n}\n\narm two', '  receives a\n  receives a\n}\n\narm two')],
      ['', (t) => t.replace('  receives a\n  receives a\n', '  receives a\n')],
      ['arm-label-duplicate', (t) => t.replace('label "Three"', 'label "one"')],
      ['', (t) => t.replace('label "one"', 'label "Three"')],
      ['dose-overlap', (t) => t.replace('  receives a\n}\n\narm two', '  receives a\n  receives a\n}\n\narm two')],
      ['dose-overlap', (t) => t.replace('label "Two"', 'label "Two arms"')],
      ['dose-overlap', (t) => t.replace('name "B"', 'name "B2"')],
      ['dose-overlap dose-overlap', inB('  dose 5 mg oral daily from day 10 to day 20\n')],
      ['dose-overlap', (t) => t.replace('  dose 5 mg oral daily from day 10 to day 20\n', '')],
      ['dose-overlap arm-label-duplicate', (t) => t.replace('label "Two arms"', 'label "one"')],
      ['', (t) => t.replace('  receives a\n  receives a\n', '  receives a\n').replace('label "one"', 'label "Two"')],
      // Reported at the intervention's dose, in the first arm receiving it; that arm stops receiving it.
      ['dose-overlap', inB('  dose 5 mg oral daily from day 10 to day 20\n')],
      ['dose-overlap', (t) => t.replace('label "Two"\n  receives b\n', 'label "Two"\n  receives a\n')],
      ['dose-overlap', (t) => t.replace('label "Two"\n  receives a\n', 'label "Two"\n  receives b\n')],
      ['', (t) => t.replace('  dose 5 mg oral daily from day 10 to day 20\n', '')],
      // A capped intervention: an arm's own doses over the cap, kept while other arms and interventions are edited.
      ['cumulative-dose-above-max', (t) => t.replace('  receives c\n', '  receives c {\n    dose 1200 mg/d oral in 2 divided doses from day 1 for 3 weeks\n  }\n')],
      ['cumulative-dose-above-max', (t) => t.replace('name "B2"', 'name "B3"')],
      ['cumulative-dose-above-max', (t) => t.replace('label "Two"', 'label "Second"')],
      ['', (t) => t.replace('for 3 weeks\n  }', 'for 1 week\n  }')],
      ['cumulative-dose-above-max', (t) => t.replace('for 2 weeks\n}', 'for 5 weeks\n}').replace('for 1 week\n  }', 'for 5 weeks\n  }')],
    ];
    editsInTurn(quiet, ['dose-overlap', 'dose-condition-outside-treatment', 'arm-label-duplicate', 'cumulative-dose-above-max'], steps);
  });

  it('outcome-in-no-period follows the periods the arms go through when one arm at a time is edited', () => {
    const start = 'schedule {\n  period treatment for 12 weeks\n  period followup follow up for 4 weeks\n  visit week14 at week 14\n}\n\nintervention x {\n  type drug\n  dose 10 mg oral daily for 12 weeks\n}\n\narm a {\n  type experimental\n  label "A"\n  receives x\n}\n\narm b {\n  type experimental\n  label "B"\n  receives x\n}\n\nprimary outcome "Response" {\n  at week 14\n}\n';
    const steps: [string, (t: string) => string][] = [
      ['', (t) => t.replace('label "A"\n', 'label "A"\n  periods treatment\n')],
      ['outcome-in-no-period', (t) => t.replace('label "B"\n', 'label "B"\n  periods treatment\n')],
      ['outcome-in-no-period', (t) => t.replace('label "A"', 'label "A1"')],
      ['', (t) => t.replace('label "B"\n  periods treatment\n', 'label "B"\n  periods treatment, followup\n')],
      ['', (t) => t.replace('label "A1"', 'label "A2"')],
      ['outcome-in-no-period', (t) => t.replace('periods treatment, followup\n', 'periods treatment\n')],
    ];
    editsInTurn(start, ['outcome-in-no-period'], steps);
  });

  it('an edit inside an item checks that item again, and an edit to what it depends on too', () => {
    let calls = 0;
    const probe = itemRule({
      code: 'test-probe',
      group: 'units',
      defaultSeverity: 'information',
      doc: { summary: 'counts checks of arms' },
      kinds: ['ArmBlock'],
      deps: (arm, model) => arm.statements.flatMap((s) => (s.kind === 'Receives' ? [model.interventions.get(s.intervention.value)] : [])),
      checkItem() {
        calls++;
      },
    });
    const options: CheckOptions = { extraRules: [probe] };
    const first = checkText(busy, options);
    assert.equal(calls, 2);
    const inArm = busy.replace('label "Same"\n  type no', 'label "Other"\n  type no');
    const second = checkText(inArm, options, first.parse);
    assert.equal(calls, 3, 'only the edited arm');
    const inDrug = inArm.replace('name "Drug A"', 'name "Drug AA"');
    checkText(inDrug, options, second.parse);
    assert.equal(calls, 5, 'both arms receive drugA');
  });
});

describe('registry-text-too-long measures what the export writes', () => {
  for (const [name, text] of [['NCT04743739', seed], ['ZEPHYR-1', zephyr], ['busy', busy], ['generated', generated]] as const) {
    it(`composed descriptions equal the record's (${name})`, () => {
      const { model } = checkText(text);
      const protocol = buildRecord(model).record.protocolSection as {
        armsInterventionsModule?: { armGroups?: { description?: string }[]; interventions?: { description?: string }[] };
      };
      const arms = [...model.arms.values()];
      const ivs = [...model.interventions.values()];
      assert.deepEqual(arms.map((a) => armDescription(model, a) || undefined), (protocol.armsInterventionsModule?.armGroups ?? []).map((g) => g.description));
      assert.deepEqual(ivs.map((iv) => interventionDescription(model, iv) || undefined), (protocol.armsInterventionsModule?.interventions ?? []).map((g) => g.description));
    });
  }
});
