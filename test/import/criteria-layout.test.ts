/**
 * The layout of the criteria text: headings as written, markers, populations — written by the
 * export from the language's statements, and read back by the import so the text comes back.
 */
import { strict as assert } from 'node:assert';
import { formatText } from '../../grammar/format';
import { parse } from '../../grammar/parse';
import { buildRecord } from '../../server/export';
import { importStudy } from '../../server/import';
import { buildModel } from '../../server/model';
import { placedCriteria } from './placed-criteria';

const criteriaOf = (trial: string): string | undefined =>
  (buildRecord(buildModel(parse(trial))).record as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection?.eligibilityModule?.eligibilityCriteria;

const recordWith = (eligibilityCriteria: string) => ({
  protocolSection: { identificationModule: { nctId: 'NCT00000001', briefTitle: 'T' }, eligibilityModule: { eligibilityCriteria, sex: 'ALL' } },
});

describe('criteria layout: export', () => {
  it('writes the example of docs/language.md as documented', () => {
    const trial = `eligibility {
  age 18 years to 65 years
  inclusion criteria "Key Inclusion Criteria:" numbered
  include "Able to give informed consent"
  exclude "Pregnancy"

  population "Asthmatic Subjects" {
    include "Asthma diagnosed at least 1 year ago"
  }
  population "Healthy Controls" {
    include "No respiratory symptoms"
    exclude "Smoking in the last year"
  }
}
`;
    assert.equal(criteriaOf(trial), [
      'Key Inclusion Criteria:', '', '1. Able to give informed consent', '', 'Asthmatic Subjects', '', '1. Asthma diagnosed at least 1 year ago', '',
      'Healthy Controls', '', '1. No respiratory symptoms', '', 'Exclusion Criteria:', '', '* Pregnancy', '', 'Healthy Controls', '', '* Smoking in the last year',
    ].join('\n'));
  });

  it('numbers again when a writer adds a criterion to a numbered list', () => {
    const text = criteriaOf('eligibility {\n  inclusion criteria numbered\n  include "a"\n  include "new"\n  include "b"\n}\n');
    assert.equal(text, 'Inclusion Criteria:\n\n1. a\n2. new\n3. b');
  });

  it('by population: each title, then its own lists; a population with no criteria is not written', () => {
    const text = criteriaOf(`eligibility {
  criteria by population
  population "Cohort 1" {
    inclusion criteria
    include "a"
    exclude "b"
  }
  population "Empty" {
    inclusion criteria
  }
}
`);
    assert.equal(text, 'Cohort 1\n\nInclusion Criteria:\n\n* a\n\nExclusion Criteria:\n\n* b');
  });
});

describe('criteria layout: kept markers, lead text and order (export)', () => {
  const el = (body: string) => criteriaOf(`eligibility {\n${body}\n}\n`);

  it('numbered "7." starts the count at 7; numbered "a)" writes letters', () => {
    assert.equal(el('  exclusion criteria numbered "7."\n  exclude "a"\n  exclude "b"'), 'Exclusion Criteria:\n\n7. a\n8. b');
    assert.equal(el('  inclusion criteria numbered "a)"\n  include "x"\n  include "y"\n  include "z"'), 'Inclusion Criteria:\n\na) x\nb) y\nc) z');
    assert.equal(el('  inclusion criteria numbered "(1)"\n  include "x"\n  include "y"'), 'Inclusion Criteria:\n\n(1) x\n(2) y');
  });

  it('a criterion\'s own number sets the count; a paragraph inside the list is not counted', () => {
    const text = el([
      '  inclusion criteria numbered',
      '  include "a"',
      '  include "Part B:" bullet ""',
      '  include "b" numbered "1."',
      '  include "c"',
      '  include "d" numbered "6."',
      '  include "e"',
      '  include "f" bullet "-"',
      '  include "g"',
    ].join('\n'));
    assert.equal(text, 'Inclusion Criteria:\n\n1. a\nPart B:\n1. b\n2. c\n6. d\n7. e\n- f\n8. g');
  });

  it('a number in another form than the list\'s is written as is and does not set the count', () => {
    assert.equal(el('  inclusion criteria numbered\n  include "a"\n  include "b" numbered "9)"\n  include "c"'), 'Inclusion Criteria:\n\n1. a\n9) b\n2. c');
  });

  it('a criterion with its own marker in a bullet list', () => {
    assert.equal(el('  include "a"\n  include "Note: other criteria apply." bullet ""\n  include "b"'), 'Inclusion Criteria:\n\n* a\nNote: other criteria apply.\n* b');
  });

  it('a heading with the lead text before it; an empty heading writes none', () => {
    assert.equal(el('  inclusion criteria "Two groups are enrolled.\\n\\nInclusion Criteria:"\n  include "a"'), 'Two groups are enrolled.\n\nInclusion Criteria:\n\n* a');
    assert.equal(el('  inclusion criteria "" numbered\n  include "a"\n  exclude "b"'), '1. a\n\nExclusion Criteria:\n\n* b');
  });

  it('the study\'s list follows the populations written before it', () => {
    const text = el([
      '  population "Disease specific" {',
      '    inclusion criteria "Disease specific Inclusion Criteria:"',
      '    include "AML"',
      '  }',
      '  inclusion criteria',
      '  include "Age 12 or older"',
      '  exclude "APL"',
    ].join('\n'));
    assert.equal(text, 'Disease specific Inclusion Criteria:\n\n* AML\n\nInclusion Criteria:\n\n* Age 12 or older\n\nExclusion Criteria:\n\n* APL');
  });

  it('by population: a heading that starts with the title stands for the title line', () => {
    const text = el([
      '  criteria by population',
      '  population "Patient" {',
      '    inclusion criteria "Patient Inclusion Criteria:"',
      '    include "AML"',
      '    exclusion criteria "Patient Exclusion Criteria:"',
      '    exclude "HIV"',
      '  }',
      '  population "Donor" {',
      '    inclusion criteria "Donor Inclusion Criteria:"',
      '    include "HLA haploidentical"',
      '  }',
      '  population "Cohort 2" {',
      '    inclusion criteria "Inclusion criteria"',
      '    include "CR1"',
      '  }',
    ].join('\n'));
    assert.equal(text, [
      'Patient Inclusion Criteria:', '* AML', 'Patient Exclusion Criteria:', '* HIV', 'Donor Inclusion Criteria:', '* HLA haploidentical',
      'Cohort 2', 'Inclusion criteria', '* CR1',
    ].join('\n\n'));
  });

  it('the formatter keeps a criterion\'s marker, also after a text over several lines', () => {
    const trial = 'eligibility {\n  include   "a"   numbered  "3."\n  include """\n    b\n      * c\n  """ bullet ""\n}\n';
    const formatted = formatText(trial);
    assert.ok(formatted.ok);
    assert.equal(formatted.text, 'eligibility {\n  include "a" numbered "3."\n  include """\n    b\n      * c\n  """ bullet ""\n}\n');
    assert.equal(criteriaOf(formatted.text), 'Inclusion Criteria:\n\n3. a\nb\n  * c');
  });
});

describe('criteria layout: import → export gives the same text', () => {
  const cases: [string, string][] = [
    ['a qualifier and numbering', 'Key Inclusion Criteria:\n\n1. Adults\n2. Consent\n\nKey Exclusion Criteria:\n\n1. Pregnancy'],
    ['a heading without a colon and "-" bullets', 'Inclusion criteria\n\n- Adults\n- Consent\n\nExclusion criteria\n\n- Pregnancy'],
    ['populations inside the lists', 'Inclusion Criteria:\n\nAsthmatics:\n\n* asthma for 1 year\n\nSmokers:\n\n* smoke 1 pack a day\n\nExclusion Criteria:\n\n* pregnancy'],
    ['a population in both lists', 'Inclusion Criteria:\n\n* everyone\n\nHealthy Controls\n\n* no symptoms\n\nExclusion Criteria:\n\n* pregnancy\n\nHealthy Controls\n\n* smoking'],
    ['qualified headings per population', 'Patient Inclusion Criteria:\n\n* AML\n\nDonor Inclusion Criteria\n\n* age 18 to 75\n\nPatient Exclusion Criteria:\n\n* infection\n\nDonor Exclusion Criteria\n\n* HIV'],
    ['a text by population', 'Episodic Cluster Headache\n\nInclusion Criteria:\n\n* attacks for 1 year\n\nExclusion Criteria:\n\n* chronic form\n\nChronic Cluster Headache\n\nInclusion Criteria:\n\n* attacks without remission'],
    ['a nested list inside an item', 'Inclusion Criteria:\n\n1. Adequate organ function:\n\n   a) ANC ≥ 1.5\n   b) platelets ≥ 100\n2. Consent'],
    ['a line leading into the list, kept with its heading', 'Inclusion Criteria:\n\nSubjects must meet all of the following criteria:\n\n1. Adults\n2. Consent'],
    ['items without markers', 'Inclusion Criteria:\n\nAdults\nConsent given\n\nExclusion Criteria:\n\nPregnancy'],
  ];
  for (const [what, text] of cases) {
    it(what, () => {
      const trial = importStudy(recordWith(text)).text;
      assert.deepEqual(parse(trial).diagnostics, []);
      assert.equal(criteriaOf(trial), text, trial);
    });
  }

  it('a population title is never a criterion', () => {
    const trial = importStudy(recordWith('Episodic Cluster Headache\n\nInclusion Criteria:\n\n* attacks\n\nExclusion Criteria:\n\n* chronic form')).text;
    assert.match(trial, /population "Episodic Cluster Headache" \{/);
    assert.doesNotMatch(trial, /(include|exclude) "Episodic Cluster Headache"/);
    assert.match(trial, /criteria by population/);
  });

  it('a lead-in line is not a criterion', () => {
    const trial = importStudy(recordWith('Inclusion Criteria:\n\nSubjects must meet all of the following criteria:\n\n1. Adults')).text;
    assert.doesNotMatch(trial, /include "Subjects must meet/);
    assert.match(trial, /inclusion criteria "Inclusion Criteria:\\n\\nSubjects must meet all of the following criteria:" numbered/);
  });

  it('"* Not meeting inclusion criteria" stays a criterion, not a heading (NCT05774990)', () => {
    const trial = importStudy(recordWith('Inclusion Criteria:\n\n* Age < 18\n\nExclusion Criteria:\n\n* Not meeting inclusion criteria')).text;
    assert.match(trial, /exclude "Not meeting inclusion criteria"/);
  });

  it('irregular numbering is kept: the criterion that breaks the count keeps its number', () => {
    const t = importStudy(recordWith('Inclusion Criteria:\n\n1. a\n3. b\n4. c'));
    assert.equal(criteriaOf(t.text), 'Inclusion Criteria:\n\n1. a\n3. b\n4. c');
    assert.match(t.text, /include "b" numbered "3\."\n\s*include "c"\n/);
    assert.ok(!t.notes.some((n) => /will not be exported word for word/.test(n)), t.notes.join('\n'));
  });
});

/**
 * The four layouts a list may have beyond one marker throughout — an item without a marker inside
 * a list, numbering that goes on or breaks, text before the first heading, lists in an order of
 * their own — in hand-written texts (variants the real records do not all have). Each must come
 * back as written (whitespace aside), and each criterion must land in the list and population a
 * reader gives it: `where` is read by hand from the text, not from the importer.
 */
describe('criteria layout: each kind of layout comes back, every criterion in its place', () => {
  type Place = [starts: string, polarity: 'include' | 'exclude', population?: string];
  const cases: { what: string; text: string; syntax?: RegExp[]; where: Place[] }[] = [
    {
      what: 'a paragraph between bullets',
      text: 'Inclusion Criteria:\n\n* Adults\n\nPatients treated before 2020 are eligible only if they consented again.\n\n* Consent\n\nExclusion Criteria:\n\n* Pregnancy',
      syntax: [/include "Patients treated before 2020[^"]*" bullet ""/],
      where: [['Adults', 'include'], ['Patients treated before 2020', 'include'], ['Consent', 'include'], ['Pregnancy', 'exclude']],
    },
    {
      what: 'a sub-heading and a note without markers in a numbered list',
      text: 'Inclusion Criteria:\n\n1. Adults\n2. Consent\n\nNote: other protocol-defined criteria apply.\n\nExclusion Criteria:\n\n1. Pregnancy\n\nOR\n\n2. Breast feeding',
      syntax: [/include "Note: other protocol-defined criteria apply\." bullet ""/, /exclude "OR" bullet ""/],
      where: [['Adults', 'include'], ['Note: other', 'include'], ['Pregnancy', 'exclude'], ['OR', 'exclude'], ['Breast feeding', 'exclude']],
    },
    {
      what: '"1)" markers, and exclusions numbered on from the inclusions',
      text: 'Inclusion Criteria:\n\n1) Adults\n2) Consent\n\nExclusion Criteria:\n\n3) Pregnancy\n4) Infection',
      syntax: [/inclusion criteria numbered "1\)"/, /exclusion criteria numbered "3\)"/],
      where: [['Adults', 'include'], ['Consent', 'include'], ['Pregnancy', 'exclude'], ['Infection', 'exclude']],
    },
    {
      what: '"(1)" markers on consecutive lines, "(a)" sub-items under them',
      text: 'Inclusion Criteria:\n(1) Adults\n(2) Adequate organ function:\n(a) ANC ≥ 1.5 × 10^9/L\n(b) platelets ≥ 100 × 10^9/L\n(3) Consent\nExclusion Criteria:\n(1) Pregnancy',
      syntax: [/inclusion criteria numbered "\(1\)"/],
      where: [['Adults', 'include'], ['Adequate organ function:', 'include'], ['Consent', 'include'], ['Pregnancy', 'exclude']],
    },
    {
      what: '"a." markers in a lettered list',
      text: 'Inclusion Criteria:\n\na. Adults\nb. Consent\nc. ECOG 0-1\n\nExclusion Criteria:\n\na. Pregnancy',
      syntax: [/inclusion criteria numbered "a\."/],
      where: [['Adults', 'include'], ['ECOG 0-1', 'include'], ['Pregnancy', 'exclude']],
    },
    {
      what: 'lettered sub-items in the first column stay inside their numbered item',
      text: 'Inclusion Criteria:\n\n1. Adequate organ function:\n\na) ANC ≥ 1.5 × 10^9/L\nb) platelets ≥ 100 × 10^9/L\n\n2. Consent',
      where: [['Adequate organ function:', 'include'], ['Consent', 'include']],
    },
    {
      what: 'numbering that restarts in each section and breaks once (a number skipped, one repeated)',
      text: 'Inclusion Criteria:\n\n1. Adults\n2. Consent\n4. Measurable disease\n4. Able to swallow tablets\n5. Contraception\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Infection',
      syntax: [/include "Measurable disease" numbered "4\."\n\s*include "Able to swallow tablets" numbered "4\."\n\s*include "Contraception"\n/],
      where: [['Adults', 'include'], ['Measurable disease', 'include'], ['Contraception', 'include'], ['Pregnancy', 'exclude'], ['Infection', 'exclude']],
    },
    {
      what: 'sub-bullets with other markers, nested and in the first column',
      text: 'Inclusion Criteria:\n\n* Adequate organ function:\n  - ANC ≥ 1.5\n  - platelets ≥ 100\n* Contraception, one of:\n- an intrauterine device\n- abstinence\n* Consent',
      syntax: [/include "an intrauterine device" bullet "-"/],
      where: [['Adequate organ function:', 'include'], ['Contraception, one of:', 'include'], ['an intrauterine device', 'include'], ['Consent', 'include']],
    },
    {
      what: 'a paragraph before the first heading',
      text: 'The study enrols adults with relapsed AML.\n\nInclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy',
      syntax: [/inclusion criteria "The study enrols adults with relapsed AML\.\\n\\nInclusion Criteria:"/],
      where: [['Adults', 'include'], ['Pregnancy', 'exclude']],
    },
    {
      what: 'inclusions with no heading of their own before the exclusion heading',
      text: 'Demographic characteristics:\n\n1. Male or female\n2. Aged 6 months to 16 years\n\nMedical criteria:\n\n1. Relapsed T-cell leukaemia\n\nExclusion Criteria:\n\n1. Weight < 6 kg',
      syntax: [/inclusion criteria "" numbered/, /include "Relapsed T-cell leukaemia" numbered "1\."/],
      where: [['Male or female', 'include'], ['Relapsed T-cell leukaemia', 'include'], ['Weight < 6 kg', 'exclude']],
    },
    {
      what: 'a text with no heading at all',
      text: '* Adults with a diagnosis of hairy cell leukaemia\n* Consent',
      where: [['Adults with a diagnosis', 'include'], ['Consent', 'include']],
    },
    {
      what: '"Inclusion:" and "List of exclusion criteria:" headings',
      text: 'Inclusion:\n\n* Adults\n\nList of exclusion criteria:\n\n* Pregnancy',
      where: [['Adults', 'include'], ['Pregnancy', 'exclude']],
    },
    {
      what: 'populations named by their headings, written one after the other',
      text: 'Patient Inclusion Criteria:\n\n* AML\n\nPatient Exclusion Criteria:\n\n* HIV\n\nDonor Inclusion Criteria:\n\n* HLA haploidentical\n\nDonor Exclusion Criteria:\n\n* HLA identical',
      syntax: [/criteria by population/],
      where: [['AML', 'include', 'Patient'], ['HIV', 'exclude', 'Patient'], ['HLA haploidentical', 'include', 'Donor'], ['HLA identical', 'exclude', 'Donor']],
    },
    {
      what: 'a population\'s list before the study\'s own',
      text: 'Disease specific Inclusion Criteria:\n\n* CD38 expression\n\nInclusion Criteria:\n\n* Age 12 years or older\n\nExclusion Criteria:\n\n* APL',
      where: [['CD38 expression', 'include', 'Disease specific'], ['Age 12 years', 'include'], ['APL', 'exclude']],
    },
  ];
  const collapse = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

  it('a layout the language cannot state (exclusions before inclusions) is announced in the notes, the criteria still in their lists', () => {
    const imported = importStudy(recordWith('Exclusion Criteria:\n\n* Pregnancy\n\nInclusion Criteria:\n\n* Adults'));
    assert.ok(imported.notes.some((n) => /will not be exported word for word: .*order of its lists/.test(n)), imported.notes.join('\n'));
    assert.match(imported.text, /include "Adults"/);
    assert.match(imported.text, /exclude "Pregnancy"/);
  });

  for (const c of cases) {
    it(c.what, () => {
      const imported = importStudy(recordWith(c.text));
      const parsed = parse(imported.text);
      assert.deepEqual(parsed.diagnostics, []);
      assert.equal(collapse(criteriaOf(imported.text)), collapse(c.text), imported.text);
      for (const re of c.syntax ?? []) assert.match(imported.text, re);
      assert.ok(!imported.notes.some((n) => /will not be exported word for word/.test(n)), imported.notes.join('\n'));
      const placed = placedCriteria(parsed);
      for (const [starts, polarity, population] of c.where) {
        const found = placed.filter((p) => p.text.startsWith(starts));
        assert.equal(found.length, 1, `"${starts}" is one criterion: ${JSON.stringify(placed)}`);
        assert.deepEqual([found[0]!.polarity, found[0]!.population], [polarity, population], starts);
      }
    });
  }
});
