import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { z } from 'zod';
import { exportRecordSchema, removeKnownNonApiFields, validateExportRecord } from '../../server/registry/schema';
import { compileChecker, type Checker } from '../../server/registry/schema-checker';
import { buildRecord } from '../../server/export';
import { checkText } from '../../server/checks';
import { readJson, registryRecordFiles } from './fixtures';

const zodAccepts = (x: unknown) => exportRecordSchema.safeParse(x).success;
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

function exportChecker(): Checker {
  const c = compileChecker(exportRecordSchema);
  assert.ok(c, 'the export schema has a part the checker does not read: every export would run zod twice');
  return c;
}

/** The records built from the examples (valid starting points for the mutations below). */
function exampleRecords(): unknown[] {
  const records = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.trial')).sort()
    .map((f) => JSON.parse(JSON.stringify(buildRecord(checkText(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).model).record)) as unknown);
  assert.ok(records.filter(zodAccepts).length >= 2, 'at least two examples build a valid record');
  return records;
}

type Path = (string | number)[];

/** Every path to a value inside `v` (objects' keys and lists' indexes). */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

/** A copy of `root` with the value at `at` replaced (or removed, for `undefined` in an object). */
function withValue(root: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const seg of at.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('registry schema checker (the export’s yes/no validator read off the zod schema)', () => {
  it('reads the whole export schema (no part left to zod alone)', () => {
    exportChecker();
  });

  it('gives no checker for a schema with a part it does not read (zod then decides alone)', () => {
    assert.strictEqual(compileChecker(z.strictObject({ a: z.string().default('x') })), undefined);
    assert.strictEqual(compileChecker(z.object({ a: z.string() })), undefined, 'a non-strict object strips unknown keys');
    assert.strictEqual(compileChecker(z.strictObject({ a: z.union([z.string(), z.number()]) })), undefined);
    assert.strictEqual(compileChecker(z.strictObject({ a: z.string().trim() })), undefined, 'a check that rewrites the value');
  });

  it('agrees with zod on the examples’ records and on the real registry records', () => {
    const check = exportChecker();
    const records = [
      ...exampleRecords(),
      ...registryRecordFiles().map((f) => ({ protocolSection: (readJson(f) as { protocolSection: unknown }).protocolSection })),
      ...registryRecordFiles().map((f) => ({ protocolSection: (removeKnownNonApiFields(readJson(f)).study as { protocolSection: unknown }).protocolSection })),
    ];
    let accepted = 0;
    for (const r of records) {
      assert.strictEqual(check(r), zodAccepts(r));
      if (check(r)) accepted++;
    }
    assert.ok(accepted >= 3, `the valid records are accepted (${accepted})`);
  });

  it('agrees with zod on records with one value replaced, removed or added (ASCII text)', () => {
    const check = exportChecker();
    const bases = exampleRecords();
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1.5, -0, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN)),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('NCT04743739', 'NCT0474373', '2021-02-29', '2024-02-29', '2021-13', '18 Years', '18 years', 'RECRUITING', 'recruiting', 'OTHER', 'PHASE2', 'x'.repeat(301), 'x'.repeat(1001)),
      fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('PHASE2', 'ACTUAL')), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('date', 'type', 'id', 'name', 'unknownKey', '__proto__'), fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('ACTUAL', '2021')), { maxKeys: 3 }),
    );
    fc.assert(fc.property(fc.nat(), fc.nat(), replacement, fc.option(fc.constantFrom('unknownKey', 'nctIdAliases', 'link', 'zip')), (b, p, value, addKey) => {
      const base = bases[b % bases.length];
      const paths = pathsOf(base);
      const at = paths[p % paths.length]!;
      let x = withValue(base, at, value);
      if (addKey !== null && x !== null && typeof x === 'object' && !Array.isArray(x)) x = { ...(x as object), [addKey]: 'NCT04743739' };
      assert.strictEqual(check(x), zodAccepts(x), `at ${JSON.stringify(at)} = ${JSON.stringify(value)}${addKey ? ` + ${addKey}` : ''}`);
    }), { numRuns: 2000, seed: 1204 });
  });

  it('never says yes where zod says no, whatever the text (any Unicode)', () => {
    const check = exportChecker();
    const bases = exampleRecords();
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 400 }), (b, p, text) => {
      const base = bases[b % bases.length];
      const strings = pathsOf(base).filter((at) => at.length > 0);
      const x = withValue(base, strings[p % strings.length]!, text);
      if (check(x)) assert.ok(zodAccepts(x));
    }), { numRuns: 500, seed: 1205 });
  });

  it('validateExportRecord still gives zod’s issues for a record the checker refuses', () => {
    const base = exampleRecords().find(zodAccepts);
    const bad = withValue(base, ['protocolSection', 'identificationModule', 'briefTitle'], 'x'.repeat(301));
    const v = validateExportRecord(bad);
    assert.ok(!v.ok);
    assert.deepStrictEqual(v.issues.map((i) => [i.path, i.code]), [['protocolSection.identificationModule.briefTitle', 'too_big']]);
  });
});
