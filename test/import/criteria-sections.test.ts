/**
 * The criteria of every real record keep their section and population through import → export,
 * judged independently of the importer: the text is read here with a deliberately simple,
 * line-based reading (its own heading rule, no list parsing), and populations are checked against
 * hand-labelled criteria of a sample. Never through server/import/criteria.ts.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as A from '../../grammar/ast';
import { parse } from '../../grammar/parse';
import { buildRecord } from '../../server/export';
import { importStudy } from '../../server/import';
import { buildModel } from '../../server/model';
import { findShared } from '../export/shared';

const dir = path.join(findShared(), 'registry-records');
const files = [
  ...fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)),
  ...fs.readdirSync(path.join(dir, 'corpus')).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, 'corpus', f)),
].sort();

type Section = 'none' | 'include' | 'exclude';

/** The API's markdown escapes removed (the export writes plain text). */
const unescape = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** A line's words without its list marker and layout. */
const content = (line: string): string => line.trim().replace(/^(?:[*\-+•]|\d{1,3}[.)])(?:\s+|$)/, '').replace(/\s+/g, ' ');
const HEADING = /^\W*(?:[\p{L}-]+\s+){0,3}(inclusion|exclusion)\s+criteria\W*$/iu;

/**
 * Each non-blank line with the section it stands in. A heading is a whole line "… Inclusion
 * Criteria:" in the first column; an indented one counts only when no first-column heading of that
 * section exists (the documented rule; NCT04280705 indents an "Exclusion Criteria:" inside an item).
 */
function sectionsOf(text: string): { line: string; section: Section; heading: boolean }[] {
  const lines = unescape(text).replace(/\r\n?/g, '\n').split('\n');
  const firstColumn = new Set(lines.filter((l) => /^\S/.test(l)).map((l) => HEADING.exec(l)?.[1]?.toLowerCase()).filter(Boolean));
  let section: Section = 'none';
  const out: { line: string; section: Section; heading: boolean }[] = [];
  for (const l of lines) {
    if (l.trim() === '') continue;
    const h = HEADING.exec(l);
    const heading = !!h && (/^\S/.test(l) || !firstColumn.has(h[1]!.toLowerCase()));
    if (heading) section = h![1]!.toLowerCase() === 'inclusion' ? 'include' : 'exclude';
    out.push({ line: content(l), section, heading });
  }
  return out;
}

function exportedCriteria(study: unknown): { text: string; ast: A.EligibilityBlock | undefined } {
  const parsed = parse(importStudy(study).text);
  const record = buildRecord(buildModel(parsed)).record as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } };
  const ast = parsed.ast.items.find((i): i is A.EligibilityBlock => i.kind === 'EligibilityBlock');
  return { text: record.protocolSection?.eligibilityModule?.eligibilityCriteria ?? '', ast };
}

const studies = files.map((file) => {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const study = json.studies ? json.studies[0] : json;
  return { name: path.basename(file, '.json'), study, original: String(study?.protocolSection?.eligibilityModule?.eligibilityCriteria ?? '') };
});

describe('import → export keeps every criterion in its section (independent reading)', function () {
  this.timeout(120000);

  it('reads all 210 real records', () => assert.ok(studies.length >= 210, `found ${studies.length}`));

  it('every original line comes back in the same section, with no heading added', () => {
    const problems: string[] = [];
    for (const { name, study, original } of studies) {
      if (!original) continue;
      const before = sectionsOf(original);
      const kept = sectionsOf(exportedCriteria(study).text);
      if (kept.length !== before.length) {
        problems.push(`${name}: ${before.length} lines became ${kept.length}`);
        continue;
      }
      // Matched by words, in order among equal lines (populations may be regrouped; the corpus
      // report's text comparison shows any change of order).
      const pending = new Map<string, Section[]>();
      for (const a of kept) pending.set(a.line, [...(pending.get(a.line) ?? []), a.section]);
      for (const b of before) {
        const a = pending.get(b.line)?.shift();
        if (a === undefined) problems.push(`${name}: "${b.line.slice(0, 50)}" is not in the export`);
        else if (!b.heading && a !== b.section) problems.push(`${name}: "${b.line.slice(0, 50)}" moved from ${b.section} to ${a}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every record comes back with its own criteria text, whitespace aside (the corpus report\'s comparison, made here on the files)', () => {
    const collapse = (t: string) => unescape(t).replace(/\s+/g, ' ').trim();
    // Records whose text the language cannot yet write back, each with the reason: none today.
    const EXPECTED_DIFFERENCES = new Map<string, string>();
    const differ = studies.filter((s) => s.original && collapse(exportedCriteria(s.study).text) !== collapse(s.original)).map((s) => s.name);
    assert.deepEqual(differ, [...EXPECTED_DIFFERENCES.keys()]);
  });

  it('NCT04280705: the indented "Exclusion Criteria:" inside an item leaves the contraception requirement an inclusion', () => {
    const s = studies.find((x) => x.name === 'NCT04280705')!;
    const after = sectionsOf(exportedCriteria(s.study).text);
    const line = after.find((l) => /Women of childbearing potential must agree/.test(l.line));
    assert.equal(line?.section, 'include');
  });
});

/**
 * Hand-labelled (read from the records by a person): a criterion's opening words → its list and
 * its population (undefined: the study's own criteria).
 */
const LABELLED: { record: string; starts: string; polarity: 'include' | 'exclude'; population?: string }[] = [
  { record: 'NCT02753764', starts: 'FEV1≥ 80%', polarity: 'include', population: 'Healthy Controls' },
  { record: 'NCT02753764', starts: 'Asthma defined by symptoms', polarity: 'include', population: 'Asthmatic Subjects' },
  { record: 'NCT02753764', starts: 'Smoking in the last year or prior smoking history', polarity: 'exclude', population: 'Healthy Controls' },
  { record: 'NCT02753764', starts: 'Pregnancy.', polarity: 'exclude' },
  { record: 'NCT00712335', starts: 'smoke 1/2 to 2 packs a day', polarity: 'include', population: 'Smokers:' },
  { record: 'NCT00712335', starts: 'clinical history of asthma for at least 1 year', polarity: 'include', population: 'Asthmatics:' },
  { record: 'NCT00712335', starts: 'history of psychiatric illness', polarity: 'exclude' },
  { record: 'NCT05507827', starts: 'Evidence of active infection', polarity: 'exclude', population: 'Donor' },
  { record: 'NCT05507827', starts: 'Willing to donate for two separate apheresis', polarity: 'include', population: 'Donor' },
  { record: 'NCT05507827', starts: 'Pregnant or breast feeding', polarity: 'exclude', population: 'Patient' },
  { record: 'NCT01515527', starts: 'Patients with previously untreated AML who are not currently eligible', polarity: 'include', population: 'Cohort 2' },
  { record: 'NCT01515527', starts: 'Patients with previously untreated AML or high risk MDS', polarity: 'include', population: 'Cohort 1' },
];

describe('import puts hand-labelled criteria in their population', () => {
  it('each labelled criterion is an include/exclude of the labelled population, and no population title is a criterion', () => {
    const problems: string[] = [];
    for (const l of LABELLED) {
      const s = studies.find((x) => x.name === l.record);
      if (!s) {
        problems.push(`${l.record}: record not found`);
        continue;
      }
      const { ast } = exportedCriteria(s.study);
      const groups: { population?: string; criteria: A.CriterionStmt[] }[] = [{ criteria: [] }];
      for (const st of ast?.statements ?? []) {
        if (st.kind === 'Criterion') groups[0]!.criteria.push(st);
        if (st.kind === 'Population') groups.push({ population: st.title.value, criteria: st.statements.filter((x): x is A.CriterionStmt => x.kind === 'Criterion') });
      }
      const text = (c: A.CriterionStmt) => c.wording?.value ?? c.text?.value ?? '';
      const found = groups.flatMap((g) => g.criteria.filter((c) => unescape(text(c)).startsWith(l.starts)).map((c) => ({ population: g.population, polarity: c.polarity.value })));
      if (found.length !== 1) problems.push(`${l.record}: "${l.starts}" found ${found.length} times`);
      else if (found[0]!.polarity !== l.polarity || found[0]!.population !== l.population) problems.push(`${l.record}: "${l.starts}" is ${found[0]!.polarity} in ${found[0]!.population ?? 'the study'}`);
      for (const g of groups) for (const c of g.criteria) if (groups.some((h) => h.population !== undefined && text(c).trim() === h.population)) problems.push(`${l.record}: the title "${text(c)}" is a criterion`);
    }
    assert.deepEqual(problems, []);
  });
});
