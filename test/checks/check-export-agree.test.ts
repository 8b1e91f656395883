/**
 * `trial check` and `trial export` agree (issue 9, item 1): over generated and mutated documents,
 * the export refuses exactly when the checks report at least one error. So the editor shows every
 * reason the export (its record builder or its zod schema) would refuse, at its place, before the
 * writer asks for an export.
 *
 * The documents are the fictional ZEPHYR-1 (which exports cleanly) and the seed NCT04743739, with
 * mutations a protocol writer makes: impossible dates, malformed NCT ids, fractional or negative
 * counts and ages, texts past their limits, unknown registry words, deleted and duplicated lines.
 * fast-check, seeded and bounded, so a failure is reproducible.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkText, EXPORT_BLOCKING_CODES } from '../../server/checks';
import { exportText } from '../../server/export';
import { readExample } from '../helpers/paths';

const BASES = [readExample('ZEPHYR-1.trial'), readExample('NCT04743739.trial')];

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const two = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 1990, max: 2035 }), two, two).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.integer({ min: 1990, max: 2035 }), two).map(([y, m]) => `${y}-${m}`),
  fc.constantFrom('2021-02-29', '2024-02-29', '2100-02-29', '2000-02-29', '2023-04-31', '2023-00'),
);
const nctId = fc.oneof(
  digits(8, 8).map((d) => `NCT${d}`),
  digits(5, 10).map((d) => `NCT${d}`),
  digits(8, 8).map((d) => `nct${d}`),
  fc.constantFrom('NCTX1234567', 'XYZ12345678'),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 400 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
);
const ageUnit = fc.constantFrom('years', 'months', 'weeks', 'days', 'h', 'min', 'a', 'mo', 'mg', 'year');
const letters = fc.string({ unit: fc.constantFrom(...'abcdefgh XYZ-,'), minLength: 0, maxLength: 320 });
const word = fc.constantFrom(
  'recruiting', 'completed', 'withdrawn', 'terminated', 'suspended', 'not yet recruiting', 'randomized', 'na', 'parallel',
  'single group', 'crossover', 'none', 'double', 'quadruple', 'treatment', 'other', 'drug', 'device', 'placebo comparator',
  'experimental', 'no intervention', 'all', 'female', 'yes', 'no', 'random', 'maybe', 'blinded', 'xyz',
);

type Mutation = (text: string) => string;

/** Replaces the first match of `pattern` (if any) with `make(match)`. */
const at = (pattern: RegExp, make: (m: RegExpExecArray) => string): Mutation => (text) => {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length) : text;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constantFrom('start', 'primary completion', 'completion'), date).map(([field, d]) =>
    at(new RegExp(`^(\\s*${field}) \\S+`, 'm'), (m) => `${m[1]} ${d}`)),
  nctId.map((id) => at(/^(trial \{\n)/m, (m) => `${m[1]}  nct id ${id}\n`)),
  number.map((n) => at(/^(\s*enrollment) \S+/m, (m) => `${m[1]} ${n}`)),
  fc.tuple(number, ageUnit, number, ageUnit).map(([a, u, b, v]) => at(/^(\s*age) .*$/m, (m) => `${m[1]} ${a} ${u} to ${b} ${v}`)),
  fc.tuple(number, ageUnit).map(([a, u]) => at(/^(\s*age) .*$/m, (m) => `${m[1]} ${a} ${u} or older`)),
  fc.tuple(fc.constantFrom('acronym', 'brief title', 'org study id', 'label', 'name', 'condition', 'official title'), letters).map(([field, t]) =>
    at(new RegExp(`^(\\s*${field}) "[^"\\n]*"`, 'm'), (m) => `${m[1]} "${t}"`)),
  fc.tuple(fc.constantFrom('status', 'allocation', 'model', 'purpose', 'sex', 'healthy volunteers', 'type'), word).map(([field, w]) =>
    at(new RegExp(`^(\\s*${field}) [a-z ]+$`, 'm'), (m) => `${m[1]} ${w}`)),
  fc.tuple(word, fc.subarray(['participant', 'care provider', 'investigator', 'outcomes assessor'])).map(([level, roles]) =>
    at(/^(\s*masking) .*$/m, (m) => `${m[1]} ${level.split(' ')[0]}${roles.length ? ' ' + roles.join(', ') : ''}`)),
  // The language's newer dose forms: an amount in words, a number of doses, a cumulative cap.
  fc.constantFrom('"placebo to match"', '"as directed"', '0.50 mg', '1/mm3', '1000 mL/min').map((amount) =>
    at(/^(\s*dose) \S+ \S+/m, (m) => `${m[1]} ${amount}`)),
  fc.integer({ min: 0, max: 12 }).map((n) => at(/^(\s*dose .*?) for \d+ months/m, (m) => `${m[1]} for ${n} doses`)),
  fc.tuple(number, fc.constantFrom('g', 'mg/kg', 'mg/m2', 'mL')).map(([n, u]) => at(/^(\s*max dose .*)$/m, (m) => `${m[1]}\n  max cumulative dose ${n} ${u}`)),
  // Placeholders a quick fix leaves (issue 13): a date, the enrollment, the ages, a text, a word.
  fc.constantFrom('start', 'primary completion', 'completion', 'enrollment', 'age', 'status', 'sex').map((field) =>
    at(new RegExp(`^(\\s*${field}) \\S.*$`, 'm'), (m) => `${m[1]} TODO`)),
  fc.constantFrom('brief title', 'official title', 'label', 'name', 'time frame').map((field) =>
    at(new RegExp(`^(\\s*${field}) "[^"\\n]*"`, 'm'), (m) => `${m[1]} "TODO"`)),
  // `// trial-ignore` before any line, for a code that blocks the export or one that does not:
  // a silenced blocker must still count as an error.
  fc.tuple(fc.nat(), fc.constantFrom(...EXPORT_BLOCKING_CODES.keys(), 'dose-day-zero', 'status-needs-actual', 'date-order')).map(([n, code]) => (text: string) => {
    const lines = text.split('\n');
    const i = n % lines.length;
    lines.splice(i, 0, `${/^\s*/.exec(lines[i]!)![0]}// trial-ignore ${code}`);
    return lines.join('\n');
  }),
  fc.nat().map((n) => (text: string) => {
    const lines = text.split('\n');
    lines.splice(n % lines.length, 1);
    return lines.join('\n');
  }),
  fc.nat().map((n) => (text: string) => {
    const lines = text.split('\n');
    const i = n % lines.length;
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  }),
);

const documents = fc.tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, ms]) => ms.reduce((t, m) => m(t), base));

function agreement(text: string): void {
  const errors = checkText(text).diagnostics.filter((d) => d.severity === 'error');
  const exported = exportText(text);
  if (exported.ok) {
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], 'export wrote a record the checks call wrong');
  } else {
    const why = exported.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? exported.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
    assert.ok(errors.length > 0, `export refuses but check reports no error: ${why}`);
  }
}

describe('checks: check and export agree (property)', () => {
  it('ZEPHYR-1 exports and has no error; the seed refuses and has errors', () => {
    agreement(BASES[0]!);
    assert.equal(exportText(BASES[0]!).ok, true);
    agreement(BASES[1]!);
    assert.equal(exportText(BASES[1]!).ok, false);
  });

  it('export refuses ⇔ check reports at least one error, over mutated protocols', () => {
    fc.assert(fc.property(documents, agreement), { seed: 20261201, numRuns: 250 });
  });

  for (const [what, from, to] of [
    ['a day that is not in its month', 'start 2026-03-02 actual', 'start 2021-02-30 actual'],
    ['month 13', 'start 2026-03-02 actual', 'start 2021-13 actual'],
    ['a malformed NCT id', 'org study id "ZEPHYR-1"', 'org study id "ZEPHYR-1"\n  nct id NCT123'],
    ['a fractional age', 'age 18 years to 75 years', 'age 0.5 years to 75 years'],
    ['a fractional enrollment', 'enrollment 240 estimated', 'enrollment 2.5 estimated'],
    ['a placeholder date', 'start 2026-03-02 actual', 'start TODO'],
    ['a silenced missing element', '  official title "A Randomized', '  // trial-ignore registry-missing-element\n  official title "" // "A Randomized'],
    ['a silenced invalid date', 'start 2026-03-02 actual', '// trial-ignore date-invalid\n  start 2021-02-30 actual'],
  ] as const) {
    it(`${what}: both refuse`, () => {
      const text = BASES[0]!.replace(from, to);
      assert.notEqual(text, BASES[0]);
      assert.equal(exportText(text).ok, false);
      agreement(text);
    });
  }
});
