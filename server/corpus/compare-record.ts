/**
 * The corpus round-trip comparison: every leaf of the ORIGINAL record's protocolSection against the
 * same place in the exported record, independent of the importer (no criteria splitting, no list of
 * modelled fields). Texts are compared as texts: the API's markdown backslash escapes removed and
 * whitespace runs collapsed on both sides, nothing else. Each leaf is `same`, `differs` (the export
 * has another value there) or `missing` (the export has nothing there); a leaf the export has and the
 * original does not is `added`. Results are grouped by field pattern (indices as `[]`).
 */
export type LeafOutcome = 'same' | 'differs' | 'missing' | 'added';

export interface FieldTally {
  same: number;
  differs: number;
  missing: number;
  added: number;
}

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Concrete leaf path (`a.b[2].c`) → value, in document order. Empty arrays and objects have no leaves. */
export function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  else if (value !== undefined && value !== null) out.set(prefix, value);
  return out;
}

/** `a.b[2].c[0]` → `a.b[].c[]` */
export const patternOf = (concrete: string): string => concrete.replace(/\[\d+\]/g, '[]');

/** The API serves texts as CommonMark with ASCII punctuation escaped (`\\>`); the registry stores the plain text. */
const unescape = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Text as text: escapes removed, whitespace runs (spaces, tabs, line breaks, blank lines) collapsed. */
export function textKey(v: unknown): unknown {
  return typeof v === 'string' ? unescape(v).replace(/\s+/g, ' ').trim() : v;
}

export function compareRecord(original: unknown, exported: unknown): Map<string, FieldTally> {
  const a = leaves(original);
  const b = leaves(exported);
  const fields = new Map<string, FieldTally>();
  const tally = (concrete: string, outcome: LeafOutcome) => {
    const p = patternOf(concrete);
    const t = fields.get(p) ?? { same: 0, differs: 0, missing: 0, added: 0 };
    t[outcome]++;
    fields.set(p, t);
  };
  for (const [path, v] of a) {
    if (!b.has(path)) tally(path, 'missing');
    else tally(path, textKey(v) === textKey(b.get(path)) ? 'same' : 'differs');
  }
  for (const path of b.keys()) if (!a.has(path)) tally(path, 'added');
  return fields;
}
