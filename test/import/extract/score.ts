/**
 * Scores the extractor against the hand-labelled phrases (test/import/fixtures/labelled-phrases.json):
 * every structure it produces is compared field by field with the label; a structure where the label
 * says "stays text" is wrong. Units compare by meaning through the units module (`mg/m²` = `mg/m2`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commensurable, convert } from '../../../server/units';
import { extractDoses, extractThreshold, type DoseContext, type ExtractedDose } from '../../../server/import/extract';

export interface Label {
  id: string;
  source: string;
  kind: 'dose' | 'criterion';
  text: string;
  context?: { field: 'intervention' | 'arm'; intervention?: string; otherNames?: string[]; receives?: { name: string; otherNames: string[] }[] };
  expected: Record<string, unknown>[];
}

export const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'import', 'fixtures', 'labelled-phrases.json');

export function loadLabels(file = FIXTURE): Label[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { phrases: Label[] }).phrases;
}

/** Same unit by meaning: the same UCUM unit, or convertible 1:1 (annotations such as {score} aside for pure numbers). */
export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (u: string) => (/^\{[^}]*\}$/.test(u) ? '1' : u);
  if (strip(a) === strip(b)) return true;
  return commensurable(a, b) && convert(1, a, b) === 1;
}

export interface FieldScore { right: number; wrong: number; missed: number }
export interface Score {
  fields: Record<string, FieldScore>;
  /** Structures produced where the label says the phrase stays text (or no labelled structure matches). */
  spurious: { id: string; what: string }[];
  wrong: { id: string; field: string; got: unknown; expected: unknown }[];
  phrases: number;
  structured: number;
  labelledStructures: number;
  requiredStructures: number;
  found: number;
}

function field(s: Score, name: string): FieldScore {
  return (s.fields[name] ??= { right: 0, wrong: 0, missed: 0 });
}

function doseContext(l: Label, all: Label[]): DoseContext {
  const c = l.context!;
  const candidates = c.field === 'intervention'
    ? [{ id: c.intervention!, names: [c.intervention!, ...(c.otherNames ?? [])] }]
    : (c.receives ?? []).map((r) => ({ id: r.name, names: [r.name, ...r.otherNames] }));
  const foreign = new Set<string>();
  for (const o of all) {
    if (o.source !== l.source || o.kind !== 'dose' || !o.context) continue;
    if (o.context.intervention) foreign.add(o.context.intervention);
    for (const r of o.context.receives ?? []) foreign.add(r.name);
  }
  for (const cand of candidates) foreign.delete(cand.id);
  return { candidates, foreign: [...foreign] };
}

function eq(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const TIME: Record<string, string> = { h: 'h', min: 'min', d: 'd', wk: 'wk', mo: 'mo', a: 'a', cycles: 'cycles' };
const timeText = (t: { value: number; unit: string } | undefined) => (t ? `${t.value} ${TIME[t.unit] ?? t.unit}` : undefined);

function doseFields(d: ExtractedDose): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (d.route) f['route'] = d.route;
  if (d.frequency) {
    if ('code' in d.frequency) f['frequency'] = d.frequency.code;
    else f['every'] = timeText(d.frequency.every);
  }
  if (d.days) f['days'] = d.days;
  if (d.for) f['for'] = timeText(d.for);
  if (d.doses !== undefined) f['doses'] = d.doses;
  if (d.infusion) f['infusion'] = timeText(d.infusion);
  return f;
}

export function score(labels: Label[]): Score {
  const s: Score = { fields: {}, spurious: [], wrong: [], phrases: labels.length, structured: 0, labelledStructures: 0, requiredStructures: 0, found: 0 };
  for (const l of labels) {
    s.labelledStructures += l.expected.length;
    s.requiredStructures += l.expected.filter((e) => !e['optional']).length;
    if (l.kind === 'dose') {
      const { doses } = extractDoses(l.text, doseContext(l, labels));
      if (doses.length) s.structured++;
      const used = new Set<number>();
      for (const d of doses) {
        // The label this dose is about: same drug (for arms) and same amount, else the first unused one.
        const candidates = l.expected.map((e, i) => ({ e, i })).filter(({ e, i }) => !used.has(i) && (!e['drug'] || e['drug'] === d.candidate));
        const match = candidates.find(({ e }) => e['amount'] === d.amount.value && sameUnit(String(e['unit']), d.amount.unit)) ?? candidates[0];
        if (!match) {
          s.spurious.push({ id: l.id, what: `${d.amount.value} ${d.amount.unit}` });
          continue;
        }
        used.add(match.i);
        s.found++;
        const e = match.e;
        const amountRight = e['amount'] === d.amount.value && (e['low'] ?? undefined) === d.amount.low;
        field(s, 'amount')[amountRight ? 'right' : 'wrong']++;
        if (!amountRight) s.wrong.push({ id: l.id, field: 'amount', got: [d.amount.low, d.amount.value], expected: e['amount'] });
        const unitRight = sameUnit(String(e['unit']), d.amount.unit);
        field(s, 'unit')[unitRight ? 'right' : 'wrong']++;
        if (!unitRight) s.wrong.push({ id: l.id, field: 'unit', got: d.amount.unit, expected: e['unit'] });
        const got = doseFields(d);
        for (const name of ['route', 'frequency', 'every', 'days', 'for', 'doses', 'infusion']) {
          if (got[name] === undefined) {
            if (e[name] !== undefined) field(s, name).missed++;
          } else if (eq(got[name], e[name])) field(s, name).right++;
          else {
            field(s, name).wrong++;
            s.wrong.push({ id: l.id, field: name, got: got[name], expected: e[name] });
          }
        }
      }
      l.expected.forEach((e, i) => { if (!used.has(i) && !e['optional']) field(s, 'amount').missed++; });
    } else {
      const r = extractThreshold(l.text);
      const e = l.expected[0];
      if (!('threshold' in r)) {
        if (e && !e['optional']) field(s, 'measure').missed++;
        continue;
      }
      s.structured++;
      const t = r.threshold;
      if (!e) {
        s.spurious.push({ id: l.id, what: `${t.measure.id} ${t.comparator ?? `${t.low} to`} ${t.value} ${t.unit ?? `x ${t.limit}`}` });
        continue;
      }
      s.found++;
      const check = (name: string, right: boolean, got: unknown, expected: unknown) => {
        field(s, name)[right ? 'right' : 'wrong']++;
        if (!right) s.wrong.push({ id: l.id, field: name, got, expected });
      };
      check('measure', t.measure.id === e['measure'], t.measure.id, e['measure']);
      // A range (`low` to `value`) has no comparator.
      check('comparator', t.comparator === e['comparator'], t.comparator, e['comparator']);
      if (t.low !== undefined || e['low'] !== undefined) check('low', t.low === e['low'], t.low, e['low']);
      check('value', t.value === e['value'], t.value, e['value']);
      const unit = t.limit ? `x${t.limit}` : t.unit!;
      check('unit', e['unit'] === 'xULN' || unit === 'xULN' || unit === 'xLLN' ? unit === e['unit'] : sameUnit(unit, String(e['unit'])), unit, e['unit']);
    }
  }
  return s;
}

export function precision(f: FieldScore): number {
  return f.right + f.wrong === 0 ? 1 : f.right / (f.right + f.wrong);
}
