/**
 * What a writer would use instead of the language, on the same content: the exported record read
 * with `JSON.parse`, and the record as YAML read with `yaml` and validated with ajv against
 * docs/registry-record.schema.json (the schema compiled once, outside the timing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { medianMs } from './stats';

const SCHEMA = path.resolve(__dirname, '..', '..', 'docs', 'registry-record.schema.json');
let validate: ((data: unknown) => boolean) | undefined;

export function baselines(json: string, runs: number): { jsonParseMs: number; yamlAjvMs: number } {
  validate ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  const yaml = toYaml(JSON.parse(json));
  const check = validate;
  if (!check(parseYaml(yaml))) throw new Error('bench: the exported record does not pass ajv against docs/registry-record.schema.json');
  return {
    jsonParseMs: medianMs(runs * 3, () => JSON.parse(json)),
    yamlAjvMs: medianMs(runs, () => check(parseYaml(yaml))),
  };
}
