/**
 * A large, valid protocol for the benchmarks: the trial, design and sponsors blocks, then many
 * measures, interventions (with doses, adjustments, tapers), arms (with overrides), a long
 * eligibility block, outcomes, a schedule and sites, up to about `lines` lines.
 */
export function generateProtocol(lines = 5000): string {
  const out: string[] = [];
  out.push(
    'trial {',
    '  org study id "BENCH-1"',
    '  brief title "A generated protocol for benchmarks"',
    '  official title "A Generated, Randomized Protocol Used Only to Measure the Language Server"',
    '  study type interventional',
    '  phase 2/3',
    '  status recruiting',
    '  start 2026-01-05 actual',
    '  primary completion 2028-01 estimated',
    '  completion 2028-06 estimated',
    '  enrollment 900 estimated',
    '  duration 24 months',
    '  condition "Fictional nephritis"',
    '  summary """',
    '    A generated protocol.',
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
    '  lead "Bench Sponsor" class industry',
    '  responsible party sponsor',
    '}',
    '',
  );
  const measures = 40;
  for (let m = 0; m < measures; m++) out.push(`measure lab${m} "Laboratory value ${m}" unit ${['mg/dL', '10*9/L', 'mmol/L', 'g/g', 'ng/mL'][m % 5]}`);
  out.push('');
  const units = ['mg/dL', '10*9/L', 'mmol/L', 'g/g', 'ng/mL'];
  // Each group: one intervention (~11 lines) + one arm (~10 lines) + 4 criteria collected for eligibility.
  const criteria: string[] = [];
  let group = 0;
  const budget = () => out.length + criteria.length + 40;
  while (budget() < lines) {
    const g = group++;
    const m = g % measures;
    out.push(
      `intervention drug${g} {`,
      '  type drug',
      `  name "Drug ${g}"`,
      `  other name "D-${g}"`,
      `  description "Investigational product number ${g}."`,
      '  basis weight "actual body weight at screening"',
      '  max dose 2000 mg',
      `  dose ${(g % 9) + 1} mg/kg iv every 4 weeks from day 1 for 12 months`,
      `  dose ${(g % 5) + 1} mg/kg iv on days 15 and 181 if lab${m} > 1.5 ${units[m % 5]}`,
      `  adjust by lab${(m + 1) % measures}`,
      '  taper after 6 months over 3 months',
      '}',
      '',
      `arm arm${g} {`,
      `  label "Arm ${g}"`,
      `  type ${g % 3 === 0 ? 'placebo comparator' : 'experimental'}`,
      `  description "Participants receive drug ${g}."`,
      `  receives drug${g}`,
      `  receives drug${Math.max(0, g - 1)} {`,
      '    dose 0.04 mg/kg/d oral in 2 divided doses every 12 h from day 1',
      '  }',
      '}',
      '',
    );
    criteria.push(
      `  include lab${m} >= ${g % 7} ${units[m % 5]} "on two samples"`,
      `  exclude lab${(m + 2) % measures} < ${(g % 4) + 1} ${units[(m + 2) % 5]}`,
      `  include "Free-text inclusion criterion number ${g}"`,
      `  exclude "Free-text exclusion criterion number ${g}"`,
    );
  }
  out.push('eligibility {', '  age 18 years to 75 years', '  sex all', '  healthy volunteers no', ...criteria, '}', '');
  out.push('primary outcome "Change in proteinuria" {', '  description "Change from baseline."', '  at month 6 and month 12', '}', '');
  out.push('schedule {', '  visit screening at day 1', '  visit week12 at week 12', '  visit month6 at month 6', '}', '');
  out.push('site "Bench Hospital" in "Lyon", "France" status recruiting');
  out.push('reference background pmid 20110379 "A paper."', '');
  return out.join('\n');
}
