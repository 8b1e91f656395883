/**
 * Generates the published JSON Schema of an exported record (docs/registry-record.schema.json)
 * from the zod schema in schema.ts, with zod 4's `z.toJSONSchema`.
 *
 *   node out/server/registry/write-json-schema.js [output-file]
 *
 * Pure core: no vscode/LSP imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { exportRecordSchema } from './schema';

export const JSON_SCHEMA_ID = 'https://trial-protocols.invalid/schemas/registry-record.schema.json';
export const JSON_SCHEMA_FILE = path.join('docs', 'registry-record.schema.json');

/**
 * The JSON Schema (draft 2020-12) of `exportRecordSchema`. Everything but the calendar
 * and format refinements that a regex can carry is included: strict objects
 * (`additionalProperties: false`), enumerations, `maxLength`, date / age / NCT patterns.
 */
export function buildRegistryRecordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(exportRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: JSON_SCHEMA_ID, ...rest };
}

/** The file text: 2-space JSON with a final newline. */
export function renderRegistryRecordJsonSchema(): string {
  return JSON.stringify(buildRegistryRecordJsonSchema(), null, 2) + '\n';
}

/** The repository root: the nearest ancestor of `from` holding package.json. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

/** Writes the schema file (default: docs/registry-record.schema.json in the repo) and returns its path. */
export function writeRegistryRecordJsonSchema(outFile: string = path.join(findRepoRoot(), JSON_SCHEMA_FILE)): string {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, renderRegistryRecordJsonSchema());
  return outFile;
}

if (require.main === module) {
  const out = writeRegistryRecordJsonSchema(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`wrote ${out}`);
}
