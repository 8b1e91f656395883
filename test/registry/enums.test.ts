import * as assert from 'assert';
import * as path from 'path';
import {
  ENUMS, ENUM_MEANINGS, ENUM_VALUE_SOURCES, EnumName, INTERVENTION_TYPE, INTERVENTION_TYPE_PREFIX,
  armInterventionName, enumMeaning, isEnumValue, parseArmInterventionName,
} from '../../server/registry/enums';
import { readJson, referenceText, registryRecordFiles } from './fixtures';
import { unwrapStudy } from '../../server/registry/schema';

/** §3 of registry-format.md as `{ EnumName: values[] }`. */
function referenceEnums(): Map<string, string[]> {
  const text = referenceText();
  const section = text.slice(text.indexOf('## 3. Enumerations'), text.indexOf('## 4.'));
  const out = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| ([A-Za-z]+)[^|]*\| ([A-Z0-9_, ]+) \|$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2]!.split(',').map((v) => v.trim()));
  }
  return out;
}

describe('registry enums', () => {
  it('match every enumeration of registry-format.md §3, value for value and in order', () => {
    const ref = referenceEnums();
    assert.ok(ref.size >= 29, `parsed ${ref.size} enumerations from §3`);
    for (const [name, values] of ref) {
      assert.ok(name in ENUMS, `missing enumeration ${name}`);
      assert.deepStrictEqual([...ENUMS[name as EnumName]], values, name);
    }
    assert.deepStrictEqual(Object.keys(ENUMS).sort(), [...ref.keys()].sort());
  });

  it('give every value exactly one plain-English sentence', () => {
    for (const name of Object.keys(ENUMS) as EnumName[]) {
      const meanings = ENUM_MEANINGS[name] as Record<string, string>;
      assert.deepStrictEqual(Object.keys(meanings).sort(), [...ENUMS[name]].sort(), name);
      for (const [value, sentence] of Object.entries(meanings)) {
        assert.match(sentence, /^[A-Z"(].{15,}[.)]$/s, `${name}.${value}`);
        assert.ok(!/\.\s+[A-Z]/.test(sentence.replace(/U\.S\./g, 'US').replace(/e\.g\./g, 'eg')), `${name}.${value} is one sentence`);
      }
    }
  });

  it('name sources only for existing values', () => {
    for (const key of Object.keys(ENUM_VALUE_SOURCES)) {
      const [name, value] = key.split('.') as [EnumName, string];
      assert.ok(isEnumValue(name, value), key);
    }
  });

  it('looks up meanings and rejects non-values', () => {
    assert.match(enumMeaning('Phase', 'EARLY_PHASE1')!, /Phase 0/);
    assert.match(enumMeaning('Status', 'WITHDRAWN')!, /prior to enrollment of the first participant/);
    assert.strictEqual(enumMeaning('Phase', 'Phase 3'), undefined);
    assert.strictEqual(enumMeaning('Phase', 'toString'), undefined);
    assert.ok(isEnumValue('Sex', 'ALL'));
    assert.ok(!isEnumValue('Sex', 'BOTH'));
  });

  it('has the registry display prefix of every intervention type', () => {
    assert.deepStrictEqual(Object.keys(INTERVENTION_TYPE_PREFIX).sort(), [...INTERVENTION_TYPE].sort());
    assert.deepStrictEqual(
      Object.values(INTERVENTION_TYPE_PREFIX).sort(),
      ['Behavioral', 'Biological', 'Combination Product', 'Device', 'Diagnostic Test', 'Dietary Supplement', 'Drug',
        'Genetic', 'Other', 'Procedure', 'Radiation'],
    );
    assert.strictEqual(armInterventionName('DRUG', 'Placebo'), 'Drug: Placebo');
    assert.strictEqual(armInterventionName('DIETARY_SUPPLEMENT', 'Vitamin D'), 'Dietary Supplement: Vitamin D');
    assert.deepStrictEqual(parseArmInterventionName('Combination Product: X: Y'), { type: 'COMBINATION_PRODUCT', name: 'X: Y' });
    assert.strictEqual(parseArmInterventionName('Vaccine: X'), undefined);
  });

  it('every interventionNames entry of the real records is "<prefix>: <name>" of an intervention of that type', () => {
    let checked = 0;
    for (const file of registryRecordFiles()) {
      const study = unwrapStudy(readJson(file)) as {
        protocolSection: { armsInterventionsModule?: { armGroups?: { interventionNames?: string[] }[]; interventions?: { type: string; name: string }[] } };
      };
      const ai = study.protocolSection.armsInterventionsModule ?? {};
      const interventions = ai.interventions ?? [];
      for (const arm of ai.armGroups ?? []) {
        for (const entry of arm.interventionNames ?? []) {
          const parsed = parseArmInterventionName(entry);
          assert.ok(parsed, `${path.basename(file)}: "${entry}" has no known prefix`);
          assert.ok(
            interventions.some((iv) => iv.type === parsed.type && iv.name === parsed.name),
            `${path.basename(file)}: "${entry}" matches no intervention`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked > 20, `checked ${checked} entries`);
  });
});
