/**
 * The fuzz properties, shared by the seeded suite in npm test (fuzz.test.ts) and the long runs of
 * `npm run fuzz` (run.ts). Each returns what it found wrong (empty: the property holds), so the long
 * run can count and save, and the suite can assert. (Export refuses ⇔ the checks report an error is
 * test/checks/check-export-agree.test.ts, with mutations aimed at the export.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatText } from '../../grammar/format';
import { checkText } from '../../server/checks';
import { exportText } from '../../server/export';
import { REPO } from '../export/shared';

export interface Violation {
  property: string;
  detail: string;
}

/** An edit: replace `remove` characters at `at` (both taken modulo the text) with `insert`. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + (e.remove % 40)));
}

type Ajv = (x: unknown) => boolean;
let schemaValidator: (Ajv & { errors?: unknown }) | undefined;
/** docs/registry-record.schema.json through a standard validator (Ajv, draft 2020-12), independent of our zod schema. */
function registrySchema(): Ajv & { errors?: unknown } {
  if (!schemaValidator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv2020 = require('ajv/dist/2020').default as new (o: object) => { compile(s: object): Ajv & { errors?: unknown } };
    schemaValidator = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
      .compile(JSON.parse(fs.readFileSync(path.join(REPO, 'docs', 'registry-record.schema.json'), 'utf8')) as object);
  }
  return schemaValidator;
}

const codes = (text: string) => checkText(text).diagnostics.map((d) => d.code).sort();
const described = (text: string, previous?: ReturnType<typeof checkText>['parse']) =>
  JSON.stringify(checkText(text, {}, previous).diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.offset, d.range.end.offset]));

/**
 * Every property on one document (and, for incremental = fresh, one edit of it): checking never
 * throws nor reports an internal error, ranges lie inside the document, the formatter is
 * idempotent and keeps the diagnostics' codes, an exported record passes the published JSON
 * schema, and checking the edited text with the previous parse equals checking it fresh.
 */
export function violations(text: string, edit?: Edit): Violation[] {
  const out: Violation[] = [];
  const first = checkText(text);
  for (const d of first.diagnostics) {
    if (!(d.range.start.offset >= 0 && d.range.start.offset <= d.range.end.offset && d.range.end.offset <= text.length)) {
      out.push({ property: 'range inside the document', detail: `${d.code} ${JSON.stringify(d.range)}` });
    }
    if (d.code.startsWith('internal-error')) out.push({ property: 'no internal error', detail: d.message });
  }
  const once = formatText(text);
  if (once.ok) {
    const twice = formatText(once.text);
    if (!twice.ok || twice.text !== once.text) out.push({ property: 'format is idempotent', detail: twice.ok ? 'the second format differs' : 'the formatted text does not parse' });
    const before = first.diagnostics.map((d) => d.code).sort();
    const after = codes(once.text);
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ property: 'format keeps the diagnostics', detail: `${before.join(',')} → ${after.join(',')}` });
  }
  const exported = exportText(text);
  if (exported.ok) {
    const validate = registrySchema();
    if (!validate(JSON.parse(exported.json))) out.push({ property: 'export passes the schema', detail: JSON.stringify(validate.errors).slice(0, 400) });
  }
  if (edit) {
    const next = applyEdit(text, edit);
    const incremental = described(next, first.parse);
    const fresh = described(next);
    if (incremental !== fresh) out.push({ property: 'incremental = fresh', detail: `after ${JSON.stringify(edit)}` });
  }
  return out;
}
