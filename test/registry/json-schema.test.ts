import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  JSON_SCHEMA_FILE, buildRegistryRecordJsonSchema, findRepoRoot, renderRegistryRecordJsonSchema, writeRegistryRecordJsonSchema,
} from '../../server/registry/write-json-schema';
import { removeKnownNonApiFields, unwrapStudy } from '../../server/registry/schema';
import { readJson, registryRecordFiles } from './fixtures';

const docsFile = path.join(findRepoRoot(__dirname), JSON_SCHEMA_FILE);

describe('registry JSON Schema', () => {
  it(`${JSON_SCHEMA_FILE} is up to date with the zod schema (regenerate: node out/server/registry/write-json-schema.js)`, () => {
    assert.ok(fs.existsSync(docsFile), `${docsFile} is missing`);
    const committed = JSON.parse(fs.readFileSync(docsFile, 'utf8')) as unknown;
    const fresh = JSON.parse(JSON.stringify(buildRegistryRecordJsonSchema())) as unknown;
    assert.deepStrictEqual(committed, fresh);
  });

  it('is strict, draft 2020-12, and carries enums, limits and patterns', () => {
    const s = buildRegistryRecordJsonSchema() as Record<string, any>;
    assert.strictEqual(s['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.strictEqual(s['additionalProperties'], false);
    assert.deepStrictEqual(s['required'], ['protocolSection']);
    const ps = s['properties'].protocolSection;
    assert.strictEqual(ps.additionalProperties, false);
    assert.strictEqual(Object.keys(ps.properties).length, 13);
    assert.strictEqual(ps.properties.identificationModule.properties.briefTitle.maxLength, 300);
    assert.deepStrictEqual(ps.properties.designModule.properties.phases.items.enum,
      ['NA', 'EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4']);
    const date = new RegExp(ps.properties.statusModule.properties.startDateStruct.properties.date.pattern);
    assert.ok(date.test('2024-02-29') && date.test('2021') && date.test('2021-12'));
    assert.ok(!date.test('2021-02-30') && !date.test('2021-13') && !date.test('21-04-14') && !date.test('2023-02-29'));
    const age = new RegExp(ps.properties.eligibilityModule.properties.minimumAge.pattern);
    assert.ok(age.test('18 Years') && !age.test('18 years'));
  });

  it('writeRegistryRecordJsonSchema writes the rendered text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-schema-'));
    try {
      const out = writeRegistryRecordJsonSchema(path.join(dir, 'x.schema.json'));
      assert.strictEqual(fs.readFileSync(out, 'utf8'), renderRegistryRecordJsonSchema());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works with a standard JSON Schema validator (Ajv)', function () {
    let Ajv2020: new (opts: object) => { compile(schema: object): ((x: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null } };
    try {
      // Ajv is a transitive dev dependency (in package-lock, so npm ci installs it); missing, the test fails.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Ajv2020 = require('ajv/dist/2020').default;
    } catch (e) {
      throw new Error(`ajv/dist/2020 could not be loaded (run npm ci): ${(e as Error).message}`);
    }
    const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
      .compile(JSON.parse(fs.readFileSync(docsFile, 'utf8')) as object);
    for (const file of registryRecordFiles()) {
      if (file.endsWith('NCT06094296.json')) continue; // 1018-character outcome description as served (markdown escapes)
      const study = removeKnownNonApiFields(unwrapStudy(readJson(file))).study as { protocolSection: unknown };
      assert.ok(validate({ protocolSection: study.protocolSection }), `${path.basename(file)}: ${JSON.stringify(validate.errors)}`);
    }
    const bad = [
      { protocolSection: {}, derivedSection: {} },
      { protocolSection: { designModule: { phases: ['Phase 3'] } } },
      { protocolSection: { identificationModule: { briefTitle: 'x'.repeat(301) } } },
      { protocolSection: { statusModule: { startDateStruct: { date: '2021-02-30' } } } },
      { protocolSection: { eligibilityModule: { minimumAge: '18 years' } } },
      { protocolSection: { identificationModule: { foo: 1 } } },
    ];
    for (const b of bad) assert.ok(!validate(b), JSON.stringify(b).slice(0, 80));
  });
});
