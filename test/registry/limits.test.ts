import * as assert from 'assert';
import { z } from 'zod';
import { TEXT_LIMITS, limitKey, textLimitFor, type TextLimit } from '../../server/registry/limits';
import { protocolSectionSchema } from '../../server/registry/schema';
import { referenceText } from './fixtures';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; maxLength?: number };

/** Walks a JSON Schema along a limits.ts path (`a.b[].c`). */
function schemaAt(root: JsonSchema, key: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const part of key.split('.')) {
    const isArray = part.endsWith('[]');
    node = node?.properties?.[isArray ? part.slice(0, -2) : part];
    if (isArray) node = node?.items;
  }
  return node;
}

describe('registry limits', () => {
  it('every enforced limit is applied by the export schema as maxLength, a warning-level one is not, and no other maxLength exists', () => {
    const json = z.toJSONSchema(protocolSectionSchema) as JsonSchema;
    const enforced: string[] = [];
    for (const [key, l] of Object.entries(TEXT_LIMITS) as [string, TextLimit][]) {
      const node = schemaAt(json, key);
      assert.ok(node, `${key} is not in the schema`);
      assert.strictEqual(node.type, 'string', key);
      assert.strictEqual(node.maxLength, l.severity === 'warning' ? undefined : l.limit, key);
      if (l.severity !== 'warning') enforced.push(key);
    }
    const found: string[] = [];
    const walk = (n: JsonSchema, at: string) => {
      if (n.maxLength !== undefined) found.push(at);
      for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, at ? `${at}.${k}` : k);
      if (n.items) walk(n.items, `${at}[]`);
    };
    walk(json, '');
    assert.deepStrictEqual(found.sort(), enforced.sort());
  });

  it('has the §5 figures of registry-format.md', () => {
    const ref = referenceText();
    const section = ref.slice(ref.indexOf('## 5. Character limits'), ref.indexOf('## 6.'));
    const expect: [string, number][] = [
      ['identificationModule.orgStudyIdInfo.id', 30], ['identificationModule.briefTitle', 300],
      ['identificationModule.acronym', 14], ['identificationModule.officialTitle', 600],
      ['descriptionModule.briefSummary', 5000], ['descriptionModule.detailedDescription', 32000],
      ['statusModule.whyStopped', 250], ['armsInterventionsModule.armGroups[].label', 100],
      ['armsInterventionsModule.armGroups[].description', 999], ['armsInterventionsModule.interventions[].name', 200],
      ['armsInterventionsModule.interventions[].description', 1000], ['outcomesModule.primaryOutcomes[].description', 999],
      ['outcomesModule.primaryOutcomes[].measure', 254], ['eligibilityModule.eligibilityCriteria', 20000],
      ['contactsLocationsModule.locations[].facility', 254], ['referencesModule.seeAlsoLinks[].url', 3999],
    ];
    for (const [key, limit] of expect) {
      assert.strictEqual(textLimitFor(key)?.limit, limit, key);
      assert.ok(section.includes(limit.toLocaleString('en-US')), `${limit} appears in §5`);
    }
    for (const l of Object.values(TEXT_LIMITS)) {
      for (const src of l.sources) assert.ok(ref.includes(`| ${src} |`), `source id ${src} is in §0`);
    }
  });

  it('normalises concrete paths to table keys', () => {
    assert.strictEqual(limitKey('protocolSection.armsInterventionsModule.armGroups[12].label'), 'armsInterventionsModule.armGroups[].label');
    assert.strictEqual(limitKey(['protocolSection', 'outcomesModule', 'otherOutcomes', 0, 'timeFrame']), 'outcomesModule.otherOutcomes[].timeFrame');
    assert.strictEqual(limitKey('armsInterventionsModule.interventions.3.name'), 'armsInterventionsModule.interventions[].name');
    assert.strictEqual(textLimitFor('protocolSection.identificationModule.acronym')?.sources[0], 'DEFS');
    assert.strictEqual(textLimitFor('conditionsModule.conditions[]'), undefined);
  });
});
