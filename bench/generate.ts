/**
 * Seeded protocols for the benchmarks, shaped like large real ones: a trial block with long texts,
 * sponsors with collaborators and officials, dozens of measures, interventions with several doses
 * (listed days, periods, conditions, divided doses, adjustments, tapers), arms receiving several
 * shared interventions (some with their own doses), an eligibility block with many criteria,
 * primary and secondary outcomes at schedule visits, and many sites.
 *
 * Every kind of item grows with `lines`, except where the registry caps a text (eligibility
 * criteria ≤ 20,000 characters, detailed description ≤ 32,000): then the criteria stop growing
 * and the other items take the rest. Every size from 100 to 50,000 lines exports cleanly (no
 * error diagnostic, schema-valid record); bench/run.ts checks that before it times anything.
 */

/** A small seeded generator (mulberry32): the same seed gives the same protocol. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEASURE_UNITS = ['mg/dL', '10*9/L', 'mmol/L', 'g/g', 'ng/mL', 'g/dL', 'mL/min/{1.73_m2}', '10*6/L'] as const;
const WORDS = ['renal', 'hepatic', 'cardiac', 'response', 'remission', 'baseline', 'tolerability', 'exposure', 'safety', 'infusion', 'randomised', 'participants', 'visit', 'sample', 'laboratory', 'protocol', 'criteria', 'treatment', 'follow-up', 'adverse'];
const CITIES: [string, string, string][] = [
  ['Lyon', 'Auvergne-Rhône-Alpes', 'France'],
  ['Boston', 'Massachusetts', 'United States'],
  ['Toronto', 'Ontario', 'Canada'],
  ['Beijing', 'Beijing Municipality', 'China'],
  ['Madrid', 'Comunidad de Madrid', 'Spain'],
  ['Melbourne', 'Victoria', 'Australia'],
  ['Houston', 'Texas', 'United States'],
  ['Leiden', 'South Holland', 'Netherlands'],
];
const VISITS: [string, string][] = [['screening', 'day 1'], ['week4', 'week 4'], ['week12', 'week 12'], ['month6', 'month 6'], ['month9', 'month 9'], ['month12', 'month 12'], ['month18', 'month 18']];

/** Upper bound of eligibility criteria lines, so the rendered criteria stay under the registry's 20,000 characters. */
const MAX_CRITERIA = 160;

export function generateProtocol(lines = 5000, seed = 1): string {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const sentence = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  // The share of the lines each kind of item gets (interventions ~11 lines, arms ~9, outcomes ~5, sites 1).
  const budget = Math.max(lines - 60, 40);
  const measures = Math.max(3, Math.min(200, Math.round(budget / 120)));
  const interventions = Math.max(2, Math.round((budget * 0.3) / 11));
  const arms = Math.max(2, Math.round((budget * 0.25) / 9));
  const criteria = Math.max(4, Math.min(MAX_CRITERIA, Math.round(budget * 0.04)));
  const outcomes = Math.max(1, Math.round((budget * 0.15) / 5));

  const out: string[] = [
    '// A generated protocol (bench/generate.ts): shaped like a large real one, exported cleanly.',
    'trial {',
    '  org study id "BENCH-1"',
    '  brief title "A Generated Platform Protocol for Benchmarks"',
    '  official title "A Randomized, Double-Blind, Multi-Arm Platform Study Used Only to Measure the Language Server"',
    '  study type interventional',
    '  phase 2/3',
    '  status recruiting',
    '  start 2026-01-05 actual',
    '  primary completion 2028-01 estimated',
    '  completion 2028-06 estimated',
    `  enrollment ${arms * 40} estimated`,
    '  duration 24 months',
    '  condition "Fictional nephritis"',
    '  keyword "platform"',
    '  summary """',
    `    A generated platform protocol with ${arms} arms and ${interventions} interventions. ${sentence(20)}.`,
    '  """',
    '  details """',
    ...Array.from({ length: 6 }, () => `    ${sentence(24)}.`),
    '  """',
    '}',
    '',
    'design {',
    '  allocation randomized',
    '  model parallel',
    '  purpose treatment',
    '  masking double participant, investigator',
    '}',
    '',
    'sponsors {',
    '  organization "Bench Sponsor" class industry',
    '  lead "Bench Sponsor" class industry',
    '  collaborator "Example University Hospital" class other',
    '  collaborator "Fictional Research Network" class network',
    '  responsible party sponsor',
    '  official "Ada Example, MD" role principal investigator affiliation "Example University Hospital"',
    '}',
    '',
    'schedule {',
    ...VISITS.map(([id, at]) => `  visit ${id} at ${at}`),
    '}',
    '',
  ];
  for (let m = 0; m < measures; m++) out.push(`measure lab${m} "Laboratory value ${m}" unit ${MEASURE_UNITS[m % MEASURE_UNITS.length]}`);
  out.push('');
  const unitOf = (m: number): string => MEASURE_UNITS[m % MEASURE_UNITS.length]!;

  for (let i = 0; i < interventions; i++) {
    const m = int(0, measures - 1);
    const body: string[] = [`intervention drug${i} {`, `  type ${i % 7 === 6 ? 'biological' : 'drug'}`, `  name "Drug ${i}"`];
    if (rand() < 0.6) body.push(`  other name "D-${i}"`);
    body.push(`  description "Investigational product ${i}: ${sentence(8)}."`);
    switch (i % 4) {
      case 0:
        body.push('  basis weight "actual body weight at screening"', '  max dose 2000 mg');
        body.push(`  dose ${int(1, 9)} mg/kg iv every ${int(2, 4)} weeks from day 1 for 12 months`);
        body.push(`  dose ${int(1, 5)} mg/kg iv on days 15 and 43 if lab${m} > ${int(1, 9)}.5 ${unitOf(m)}`);
        break;
      case 1:
        body.push(`  dose ${int(100, 900)} mg iv on days 1, 15 and 29`);
        body.push(`  dose ${int(100, 900)} mg iv on days 29 and 57 depending on lab${m}`);
        break;
      case 2:
        body.push(`  dose ${int(1, 5)} mg/kg/d oral in 2 divided doses every 12 h from day 1`);
        body.push(`  adjust by lab${m} target ${int(1, 4)} to ${int(5, 9)} ${unitOf(m)}`);
        body.push('  taper after 6 months over 3 months');
        break;
      default:
        body.push(`  dose ${int(5, 50)} mg oral daily from day 1 to day ${int(60, 300)}`);
        body.push(`  adjust by lab${m}`);
        break;
    }
    body.push('}', '');
    out.push(...body);
  }

  // Each arm receives two to four interventions; every intervention is received by some arm.
  const received = new Set<number>();
  const armsOf: number[] = [];
  for (let a = 0; a < arms; a++) {
    // At most four arms per intervention: the export writes each arm's dosing into the
    // intervention's description (≤ 1,000 characters).
    const own = new Set<number>([a % interventions]);
    const want = Math.min(interventions, int(2, 4));
    for (let tries = 0; own.size < want && tries < 20; tries++) {
      const i = int(0, interventions - 1);
      if ((armsOf[i] ?? 0) < 4) own.add(i);
    }
    for (const i of own) armsOf[i] = (armsOf[i] ?? 0) + 1;
    const body: string[] = [
      `arm arm${a} {`,
      `  label "Arm ${a}"`,
      `  type ${a === 0 ? 'placebo comparator' : a % 5 === 1 ? 'active comparator' : 'experimental'}`,
      `  description "Participants receive ${[...own].map((i) => `drug ${i}`).join(', ')}; ${sentence(6)}."`,
    ];
    for (const i of own) {
      received.add(i);
      if (i % 4 === 2 && rand() < 0.4) body.push(`  receives drug${i} {`, `    dose 0.0${int(1, 9)} mg/kg/d oral in 2 divided doses every 12 h from day 1`, '  }');
      else body.push(`  receives drug${i}`);
    }
    body.push('}', '');
    out.push(...body);
  }
  // Interventions no arm drew: the last arm receives them too (keeps `intervention-unused` quiet).
  const missing = [...Array(interventions).keys()].filter((i) => !received.has(i));
  if (missing.length) {
    const close = out.lastIndexOf('}');
    out.splice(close, 0, ...missing.map((i) => `  receives drug${i}`));
  }

  out.push('eligibility {', '  age 18 years to 75 years', '  sex all', '  healthy volunteers no');
  for (let c = 0; c < criteria; c++) {
    const m = int(0, measures - 1);
    switch (c % 4) {
      case 0: out.push(`  include lab${m} >= ${int(1, 7)} ${unitOf(m)} "on two samples"`); break;
      case 1: out.push(`  exclude lab${m} < ${int(1, 4)} ${unitOf(m)}`); break;
      case 2: out.push(`  include "${sentence(6)} (${c})"`); break;
      default: out.push(`  exclude "${sentence(5)} (${c})"`); break;
    }
  }
  out.push('}', '');

  for (let o = 0; o < outcomes; o++) {
    const kind = o === 0 ? 'primary' : o % 6 === 5 ? 'other' : 'secondary';
    const [, at] = VISITS[int(1, VISITS.length - 1)]!;
    out.push(`${kind} outcome "Outcome ${o}: ${sentence(3)}" {`, `  description "${sentence(10)}."`, `  at ${at}${rand() < 0.5 ? ' and month 12' : ''}`, '}', '');
  }

  // Sites take the lines left.
  const sites = Math.max(1, lines - out.length - 3);
  for (let s = 0; s < sites; s++) {
    const [city, state, country] = pick(CITIES);
    out.push(`site "Hospital ${s}" in "${city}", "${state}", "${country}" status recruiting`);
  }
  out.push('', 'reference background pmid 20110379 "A paper."', '');
  return out.join('\n');
}
