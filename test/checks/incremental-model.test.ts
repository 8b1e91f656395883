/**
 * The incremental model (server/model/model.ts): after an incremental parse, the model derived
 * from the previous one must equal a model built afresh from the same text — declarations,
 * references (resolved or not), the maps by name, the lists — and a keystroke inside an item must
 * take the incremental path (it is what keeps a keystroke from rebuilding the whole model).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../grammar/parse';
import { applyEdit, seededEdits } from '../../bench/edits';
import { generateProtocol } from '../../bench/generate';
import { buildModel, modelEditOf, type TrialModel } from '../../server/model';
import { facts } from '../../server/checks/facts';
import { readExample } from '../helpers/paths';
import { collectGarbage } from '../helpers/gc';

/** The model as plain data (positions by value), with the unresolved references in document order. */
function plain(m: TrialModel): unknown {
  const range = (r: { start: { offset: number }; end: { offset: number } }): string => `${r.start.offset}-${r.end.offset}`;
  const of = (map: ReadonlyMap<string, { range: { start: { offset: number }; end: { offset: number } } }>): string[] => [...map].map(([k, v]) => `${k}@${range(v.range)}`);
  return JSON.parse(JSON.stringify({
    single: [m.trial, m.design, m.sponsors, m.eligibility, m.schedule, m.oversight, m.ipdSharing].map((b) => b && range(b.range)),
    extra: m.extraBlocks.map((b) => range(b.range)),
    maps: [of(m.measures), of(m.interventions), of(m.arms), of(m.visits), of(m.periods)],
    lists: [m.outcomes, m.sites, m.references, m.assessments].map((l) => l.map((x) => range(x.range))),
    declarations: m.declarations.map((d) => [d.kind, d.name, range(d.nameRange), range(d.node.range)]),
    duplicates: m.duplicateDeclarations.map((d) => [range(d.first.nameRange), range(d.duplicate.nameRange)]),
    references: m.symbolReferences.map((r) => [r.kind, r.name, range(r.range), r.declaration && range(r.declaration.nameRange)]),
    unresolved: m.unresolvedReferences.map((r) => [r.kind, r.name, range(r.range)]).sort((a, b) => Number(a[2]!.split('-')[0]) - Number(b[2]!.split('-')[0])),
  }));
}

describe('incremental model', () => {
  it('equals a fresh model after seeded edits (typing, line starts, block boundaries, backspaces, pastes)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        let text = generateProtocol(300, seed);
        let previous = parse(text);
        buildModel(previous);
        for (const e of seededEdits(text, 40, seed)) {
          text = applyEdit(text, e);
          const next = parse(text, previous);
          assert.deepEqual(plain(buildModel(next)), plain(buildModel(parse(text))), `after a ${e.kind} edit at offset ${e.offset}`);
          previous = next;
        }
      }),
      { numRuns: 5 },
    );
  });

  it('an edit inside an intervention derives the model instead of rebuilding it', () => {
    const text = readExample('ZEPHYR-1.trial');
    const first = parse(text);
    const model = buildModel(first);
    const iv = [...model.interventions.values()][0]!;
    const at = iv.range.end.offset - 1;
    const edited = text.slice(0, at) + '\n' + text.slice(at);
    const second = buildModel(parse(edited, first));
    const edit = modelEditOf(second);
    assert.ok(edit, 'the model was derived from the previous one');
    assert.deepEqual(edit.removed, [iv]);
    assert.equal(second.interventions.get(iv.id.value), edit.added[0]);
    assert.deepEqual(plain(second), plain(buildModel(parse(edited))));
  });

  it('derives facts equal to a fresh model\'s after seeded edits, an arm that starts or stops receiving an intervention included', function () {
    this.timeout(120_000);
    // The receivers of each intervention (arms in document order) and the intervention types, by value.
    const plainFacts = (m: TrialModel): unknown => {
      const f = facts(m);
      return {
        studyDays: f.studyDays,
        types: [...f.interventionTypes].sort(),
        receivers: [...f.receivers].map(([name, arms]) => [name, arms.map((a) => `${a.id.value}@${a.range.start.offset}`)]).sort(),
      };
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        let text = generateProtocol(300, seed);
        let previous = parse(text);
        facts(buildModel(previous));
        const receivesAt = [...text.matchAll(/\n  receives /g)].map((m) => m.index! + 1);
        const edits = seededEdits(text, 30, seed);
        for (let k = 0; k < edits.length; k++) {
          // Every third edit renames what an arm receives (it stops receiving one intervention and starts another).
          const at = receivesAt[(seed + k) % receivesAt.length]!;
          const e = k % 3 === 2 && at < text.length ? { offset: at + '  receives '.length, remove: 0, insert: 'x' } : edits[k]!;
          text = text.slice(0, e.offset) + e.insert + text.slice(e.offset + e.remove);
          const next = parse(text, previous);
          assert.deepEqual(plainFacts(buildModel(next)), plainFacts(buildModel(parse(text))), `after an edit at offset ${e.offset}`);
          previous = next;
        }
      }),
      { numRuns: 5 },
    );
  });

  it('after an edit renaming what an arm receives, the facts are derived, not computed afresh, and list the arm under its new intervention', () => {
    const text = generateProtocol(300, 7);
    const first = parse(text);
    const before = facts(buildModel(first));
    const at = text.indexOf('\n  receives ') + '\n  receives '.length;
    const name = /\w+/.exec(text.slice(at))![0];
    const edited = text.slice(0, at) + 'renamed_' + text.slice(at);
    const model = buildModel(parse(edited, first));
    assert.ok(modelEditOf(model), 'the model was derived');
    const after = facts(model);
    assert.notEqual(after, before);
    assert.equal(after.interventionTypes, before.interventionTypes, 'no intervention was replaced: its types are kept');
    const arm = modelEditOf(model)!.added[0]!;
    assert.ok(after.receivers.get('renamed_' + name)?.includes(arm as never));
    assert.ok(!(after.receivers.get(name) ?? []).includes(arm as never));
  });

  it('sites and outcomes pasted, or joined to the item above by a character typed at their line start, derive the model and equal a fresh one', () => {
    const text = generateProtocol(300, 11);
    const siteAt = text.indexOf('\nsite ') + 1;
    const outcomeAt = text.indexOf('\nprimary outcome') + 1;
    const sites = text.slice(siteAt, text.indexOf('\n', text.indexOf('\n', siteAt) + 1) + 1);
    const cases: [string, (t: string) => string][] = [
      ['two sites pasted before an outcome', (t) => t.slice(0, outcomeAt) + sites + t.slice(outcomeAt)],
      ['a character typed at a site line start', (t) => t.slice(0, siteAt) + 'x' + t.slice(siteAt)],
      ['a character typed at an outcome line start', (t) => t.slice(0, outcomeAt) + 'x' + t.slice(outcomeAt)],
    ];
    for (const [what, edit] of cases) {
      const first = parse(text);
      buildModel(first);
      const edited = edit(text);
      const model = buildModel(parse(edited, first));
      assert.ok(modelEditOf(model), `${what}: the model was derived`);
      assert.deepEqual(plain(model), plain(buildModel(parse(edited))), what);
      // And back: the entries taken out again.
      const back = buildModel(parse(text, model.parse));
      assert.ok(modelEditOf(back), `${what}, undone: the model was derived`);
      assert.deepEqual(plain(back), plain(buildModel(parse(text))), `${what}, undone`);
    }
  });
  it('a derived model does not keep the models before it alive (nor their parses and texts)', async () => {
    const text = generateProtocol(300, 3);
    let previous = parse(text);
    const first = new WeakRef(buildModel(previous));
    const at = text.indexOf('\nintervention ') + 1;
    const eol = text.indexOf('\n', at);
    for (let k = 0; k < 4; k++) {
      // Typing in an intervention's line and taking it back: each model is derived from the one before.
      const edited = k % 2 === 0 ? text.slice(0, eol) + ' ' + text.slice(eol) : text;
      previous = parse(edited, previous);
      assert.ok(modelEditOf(buildModel(previous)), 'the model was derived');
    }
    // A WeakRef's target is held until the current job ends: collected after it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(first.deref(), undefined, 'the first model was collected');
  });
});
