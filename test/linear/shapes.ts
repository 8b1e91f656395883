/**
 * Pathological document shapes at a chosen size n (issue 8): each repeats one construct n times,
 * the way a generated or hostile file would. Used by the linearity test and the fuzz script.
 */
export interface Shape {
  name: string;
  /** The document for size n (n repeats of the construct). */
  make(n: number): string;
}

const trialHead = 'trial {\n  brief title "Shapes"\n  nct id NCT00000000\n}\n';

export const SHAPES: Shape[] = [
  { name: 'many trial-ignore lines', make: (n) => trialHead + 'intervention x {\n  type drug\n  name "X"\n' + '  // trial-ignore unit-unknown\n  dose 1 mgg oral once\n'.repeat(n) + '}\n' },
  { name: 'a run of trial-ignore comments', make: (n) => trialHead + 'intervention x {\n  type drug\n' + '  // trial-ignore unit-unknown\n'.repeat(n) + '  dose 1 mgg oral once\n}\n' },
  { name: 'unit that is mg/ repeated', make: (n) => trialHead + `intervention x {\n  type drug\n  dose 1 ${'mg/'.repeat(n)}kg oral once\n}\n` },
  { name: 'nested receives x {', make: (n) => trialHead + 'arm a {\n' + '  receives x {\n'.repeat(n) + '}\n' },
  { name: 'many dose lines in one intervention', make: (n) => trialHead + 'intervention x {\n  type drug\n  name "X"\n' + '  dose 10 mg/kg iv every 4 weeks from day 1 for 12 months\n'.repeat(n) + '}\n' },
  { name: 'one long line', make: (n) => trialHead + `intervention x {\n  name "${'a'.repeat(n * 20)}"\n}\n` },
  { name: 'deep braces', make: (n) => trialHead + 'arm a {\n' + '{'.repeat(n) + '\n' + '}'.repeat(n) + '\n}\n' },
  { name: 'many arms', make: (n) => trialHead + Array.from({ length: n }, (_, i) => `arm a${i} {\n  type experimental\n  receives x\n}\n`).join('') },
  // Every placebo arm against every experimental arm would be quadratic (placebo-schedule-mismatch).
  { name: 'many placebo and experimental arms', make: (n) => trialHead + 'design {\n  masking double participant, investigator\n}\nintervention x {\n  name "X"\n  dose 1 mg iv every 4 weeks from day 1 for 6 months\n}\nintervention p {\n  name "Placebo"\n  dose 1 mL iv every 2 weeks from day 1 for 6 months\n}\n' + Array.from({ length: n }, (_, i) => `arm e${i} {\n  type experimental\n  receives x\n}\narm p${i} {\n  type placebo comparator\n  receives p\n}\n`).join('') },
  { name: 'many measures and criteria', make: (n) => trialHead + Array.from({ length: n }, (_, i) => `measure m${i} "M ${i}" unit mg/dL\n`).join('') + 'eligibility {\n' + Array.from({ length: n }, (_, i) => `  include m${i} >= 1 mg/dL\n`).join('') + '}\n' },
  { name: 'many unclosed quotes', make: (n) => trialHead + 'trial {\n' + '  brief title "x\n'.repeat(n) + '}\n' },
  { name: 'CR line ends', make: (n) => (trialHead + 'intervention x {\n  type drug\n' + '  dose 1 mg oral once\n'.repeat(n) + '}\n').replace(/\n/g, '\r') },
  { name: 'many syntax errors', make: (n) => trialHead + 'intervention x {\n' + '  dose mg mg mg {{ ]] \n'.repeat(n) + '}\n' },
  { name: 'triple texts', make: (n) => trialHead + 'trial {\n' + '  detailed description """\n  a\n  """\n'.repeat(n) + '}\n' },
];
