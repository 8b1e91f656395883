/**
 * The corpus report: what a run over a folder of real records shows — crashes, records with no
 * error, every error and warning code with the records it hit, round-trip agreement per field
 * (modelled fields, then what is dropped and why), and export refusals.
 */
import { MODELLED_FIELDS, unmodelledReason } from '../import';
import type { FieldTally } from './compare-record';
import type { RecordOutcome } from './run-record';

export interface FieldSummary extends FieldTally {
  field: string;
  /** Records that have the field (in the original or the export). */
  records: number;
  /** Records where the field does not fully agree. */
  recordsDiffering: string[];
  modelled: boolean;
}

export interface CorpusSummary {
  records: number;
  crashes: { name: string; stage: string; message: string }[];
  zeroErrors: number;
  exported: number;
  /** Records whose every modelled field comes back unchanged. */
  modelledAgree: number;
  errors: Record<string, string[]>;
  warnings: Record<string, string[]>;
  refusals: Record<string, string[]>;
  fields: FieldSummary[];
  otherSections: Record<string, number>;
}

const isModelled = (field: string) => MODELLED_FIELDS.includes(field);
const agrees = (t: FieldTally) => t.differs === 0 && t.missing === 0 && t.added === 0;

export function summarize(outcomes: RecordOutcome[]): CorpusSummary {
  const byCode = (pick: (o: RecordOutcome) => Record<string, number>) => {
    const out: Record<string, string[]> = {};
    for (const o of outcomes) for (const code of Object.keys(pick(o))) (out[code] ??= []).push(o.name);
    return Object.fromEntries(Object.entries(out).sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1)));
  };
  const fields = new Map<string, FieldSummary>();
  const otherSections: Record<string, number> = {};
  const refusals: Record<string, string[]> = {};
  for (const o of outcomes) {
    for (const s of o.otherSections) otherSections[s] = (otherSections[s] ?? 0) + 1;
    if (o.exported === 'refused' && !o.crash) {
      const why = (o.refusal ?? 'refused').replace(/\d+/g, 'N');
      (refusals[why] ??= []).push(o.name);
    }
    for (const [field, t] of Object.entries(o.fields)) {
      const f = fields.get(field) ?? { field, same: 0, differs: 0, missing: 0, added: 0, records: 0, recordsDiffering: [], modelled: isModelled(field) };
      f.same += t.same; f.differs += t.differs; f.missing += t.missing; f.added += t.added;
      f.records++;
      if (!agrees(t)) f.recordsDiffering.push(o.name);
      fields.set(field, f);
    }
  }
  return {
    records: outcomes.length,
    crashes: outcomes.filter((o) => o.crash).map((o) => ({ name: o.name, ...o.crash! })),
    zeroErrors: outcomes.filter((o) => !o.crash && Object.keys(o.errors).length === 0).length,
    exported: outcomes.filter((o) => o.exported === 'ok').length,
    modelledAgree: outcomes.filter((o) => !o.crash && Object.entries(o.fields).every(([f, t]) => !isModelled(f) || agrees(t))).length,
    errors: byCode((o) => o.errors),
    warnings: byCode((o) => o.warnings),
    refusals,
    fields: [...fields.values()].sort((a, b) => (a.field < b.field ? -1 : 1)),
    otherSections,
  };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const names = (list: string[], max = 6) => list.slice(0, max).map((n) => n.replace(/\.json$/, '')).join(', ') + (list.length > max ? `, … (+${list.length - max})` : '');

export function formatSummary(s: CorpusSummary): string {
  const out: string[] = [];
  out.push(`records: ${s.records}`);
  out.push(`crashes: ${s.crashes.length}`);
  for (const c of s.crashes) out.push(`  ${c.name} (${c.stage}): ${c.message}`);
  out.push(`records with 0 errors: ${s.zeroErrors} / ${s.records} (${pct(s.zeroErrors, s.records)})`);
  out.push(`exported (passes checks and the registry schema): ${s.exported} / ${s.records}`);
  out.push(`records whose every modelled field comes back unchanged: ${s.modelledAgree} / ${s.records}`);
  const codes = (title: string, m: Record<string, string[]>) => {
    const total = Object.keys(m).length;
    out.push('', `${title} (${total} code${total === 1 ? '' : 's'}):`);
    for (const [code, list] of Object.entries(m)) out.push(`  ${code.padEnd(32)} ${String(list.length).padStart(4)} records: ${names(list)}`);
  };
  codes('errors by code', s.errors);
  codes('warnings by code', s.warnings);
  if (Object.keys(s.refusals).length > 0) {
    out.push('', 'export refused:');
    for (const [why, list] of Object.entries(s.refusals)) out.push(`  ${String(list.length).padStart(4)} × ${why}`);
  }
  const row = (f: FieldSummary) => {
    const total = f.same + f.differs + f.missing;
    const extra = [f.differs && `${f.differs} differ`, f.missing && `${f.missing} missing`, f.added && `${f.added} added`].filter(Boolean).join(', ');
    return `  ${f.field.padEnd(72)} ${pct(f.same, total).padStart(8)} of ${String(total).padStart(5)}${extra ? `  (${extra}; ${names(f.recordsDiffering, 4)})` : ''}`;
  };
  out.push('', 'round trip, modelled fields (values equal, texts as texts):');
  for (const f of s.fields.filter((x) => x.modelled)) out.push(row(f));
  const unmodelled = s.fields.filter((x) => !x.modelled);
  const kept = unmodelled.filter((f) => f.missing === 0 && f.differs === 0);
  if (kept.length > 0) {
    out.push('', 'round trip, fields outside the import\'s modelled list that the export still writes:');
    for (const f of kept) out.push(row(f));
  }
  out.push('', 'dropped (in the records, not in the export), with the reason:');
  for (const f of unmodelled.filter((x) => x.missing > 0 || x.differs > 0)) {
    out.push(`  ${f.field.padEnd(72)} ${String(f.records).padStart(4)} records: ${unmodelledReason(f.field)}`);
  }
  for (const [section, n] of Object.entries(s.otherSections)) out.push(`  ${section.padEnd(72)} ${String(n).padStart(4)} records: not part of the protocol (outside protocolSection)`);
  return `${out.join('\n')}\n`;
}
