import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../grammar/parse';
import { buildRecord } from '../../../server/export';
import { checkText } from '../../../server/checks';
import { buildModel } from '../../../server/model';
import { importRecord, unescapeMarkdown } from '../../../server/import';
import { findShared } from '../../export/shared';

type J = Record<string, any>;
const shared = findShared();
const dir = path.join(shared, 'registry-records');
const files = [
      ...fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)),
      ...(fs.existsSync(path.join(dir, 'corpus')) ? fs.readdirSync(path.join(dir, 'corpus')).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, 'corpus', f)) : []),
    ].sort();

describe('extract: every real record (../shared/registry-records, corpus included)', function () {
  this.timeout(300000);
  const imported = () =>
    files.map((file) => {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const study = json.studies ? json.studies[0] : json;
      const [t] = importRecord(json);
      return { file: path.basename(file), original: unescapeMarkdown(study.protocolSection) as J, trial: t! };
    });
  let all: ReturnType<typeof imported> = [];
  before(() => {
    all = imported();
  });

  it('reads structure out of the records (doses and thresholds, not none)', () => {
    assert.ok(files.length >= 200, `${files.length} records`);
    const doses = all.reduce((n, r) => n + r.trial.report.doses.length, 0);
    const criteria = all.reduce((n, r) => n + r.trial.report.criteria.length, 0);
    assert.ok(doses >= 40 && criteria >= 30, `${doses} dose lines, ${criteria} structured criteria`);
  });

  it('export of the unedited import gives back every intervention and arm description exactly, as the ORIGINAL record has it', () => {
    const differences: string[] = [];
    for (const { file, original, trial } of all) {
      const record = buildRecord(buildModel(parse(trial.text))).record.protocolSection as J;
      const o = original['armsInterventionsModule'] ?? {};
      const e = record['armsInterventionsModule'] ?? {};
      for (const key of ['interventions', 'armGroups']) {
        (o[key] ?? []).forEach((x: J, i: number) => {
          const got = e[key]?.[i]?.description;
          if ((x['description'] ?? undefined) !== got) differences.push(`${file} ${key}[${i}]: ${JSON.stringify(x['description'])} → ${JSON.stringify(got)}`);
        });
      }
    }
    assert.deepEqual(differences, []);
  });

  it('export keeps each structured criterion in the original words: its sentence is in the original text and in the exported one', () => {
    const missing: string[] = [];
    for (const { file, original, trial } of all) {
      if (trial.report.criteria.length === 0) continue;
      const before = String(original['eligibilityModule']?.['eligibilityCriteria'] ?? '');
      const after = String((buildRecord(buildModel(parse(trial.text))).record.protocolSection as J)['eligibilityModule']?.['eligibilityCriteria'] ?? '');
      for (const c of trial.report.criteria) {
        // An item of the exported text: the wording right after a list marker (or none) at the start of a line.
        const item = after.split('\n').some((l) => l.replace(/^(?:[*\-+•]|\d{1,3}\.) /, '').startsWith(c.wording));
        if (!before.includes(c.wording) || !item) missing.push(`${file}: ${c.wording}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the checks raise nothing on the structured lines of the imported records', () => {
    const raised: string[] = [];
    for (const { file, trial } of all) {
      if (trial.report.doses.length + trial.report.criteria.length === 0) continue;
      const lines = trial.text.split('\n');
      for (const d of checkText(trial.text).diagnostics) {
        const line = lines[d.range.start.line] ?? '';
        if (/ as "|^\s*measure |^\s*receives \S+ \{/.test(line)) raised.push(`${file} ${d.code}: ${d.message}`);
      }
    }
    assert.deepEqual(raised, []);
  });
});
