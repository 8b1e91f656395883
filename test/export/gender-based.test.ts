/**
 * Gender-based eligibility (eligibilityModule.genderBased / genderDescription): the statements
 * through the real parser, the export, the yes/no check, and the real record NCT05649592 (the only
 * shared record with a gender description) imported and exported back.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';
import { checkText } from '../../server/checks';
import { buildRecord, diagnoseText } from '../../server/export';
import { importRecord } from '../../server/import';
import { findShared } from './shared';

const ELIGIBILITY = [
  'eligibility {',
  '  age 20 years to 55 years',
  '  sex all',
  '  gender based yes',
  '  gender description "Participants who identify as women, whatever their sex"',
  '}',
].join('\n');

describe('gender-based eligibility', () => {
  it('parses `gender based` as a words statement and `gender description` as a text statement', () => {
    const result = parse(ELIGIBILITY);
    assert.deepEqual(result.diagnostics.map((d) => d.message), []);
    const block = result.ast.items[0] as A.EligibilityBlock;
    const [, , based, description] = block.statements;
    assert.deepEqual([based?.kind, (based as A.WordsStmt).field, (based as A.WordsStmt).words.value], ['Words', 'genderBased', 'yes']);
    assert.deepEqual([description?.kind, (description as A.TextStmt).field, (description as A.TextStmt).text.value],
      ['Text', 'genderDescription', 'Participants who identify as women, whatever their sex']);
  });

  it('exports genderBased and genderDescription after sex', () => {
    const em = (buildRecord(diagnoseText(ELIGIBILITY).model).record as any).protocolSection.eligibilityModule;
    assert.equal(em.genderBased, true);
    assert.equal(em.genderDescription, 'Participants who identify as women, whatever their sex');
    assert.deepEqual(Object.keys(em), ['sex', 'genderBased', 'genderDescription', 'minimumAge', 'maximumAge']);
    const no = (buildRecord(diagnoseText(ELIGIBILITY.replace('gender based yes', 'gender based no')).model).record as any).protocolSection.eligibilityModule;
    assert.equal(no.genderBased, false);
  });

  it('an answer other than yes or no is reported on the word', () => {
    const text = ELIGIBILITY.replace('gender based yes', 'gender based maybe');
    const found = checkText(text).diagnostics.filter((d) => d.code === 'word-unknown');
    assert.deepEqual(found.map((d) => text.slice(d.range.start.offset, d.range.end.offset)), ['maybe']);
  });

  it('NCT05649592: imported with both statements and exported back unchanged', () => {
    const file = path.join(findShared(), 'registry-records', 'corpus', 'NCT05649592.json');
    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    const original = record.protocolSection.eligibilityModule;
    const [t] = importRecord(record);
    assert.match(t!.text, /^ {2}gender based yes$/m);
    assert.match(t!.text, /^ {2}gender description "patients and healthy volunteers aged 20 to 55 years, including 20 and 55 years"$/m);
    assert.ok(!t!.notes.some((n) => /genderBased|genderDescription/.test(n)), t!.notes.join('\n'));
    const em = (buildRecord(diagnoseText(t!.text).model).record as any).protocolSection.eligibilityModule;
    assert.equal(em.genderBased, original.genderBased);
    assert.equal(em.genderDescription, original.genderDescription);
  });
});
