/**
 * The round-trip comparison: `export(import(record))` against the record's protocolSection, field
 * by field, on the fields the language models (MODELLED_FIELDS). Used by the tests and documented
 * in docs/export.md.
 */
import { MODELLED_FIELDS, unescapeMarkdown } from './index';

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A copy of `value` keeping only the modelled leaf paths (indices as `[]`). */
export function projectModelled(value: unknown, prefix = ''): unknown {
  const wanted = (p: string) => MODELLED_FIELDS.some((f) => f === p || f.startsWith(`${p}.`) || f.startsWith(`${p}[]`));
  if (Array.isArray(value)) return value.map((v) => projectModelled(v, `${prefix}[]`));
  if (isObj(value)) {
    const out: J = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      if (!wanted(p)) continue;
      const projected = projectModelled(v, p);
      if (isObj(projected) && Object.keys(projected).length === 0) continue;
      out[k] = projected;
    }
    return out;
  }
  return value;
}

export interface FieldDifference {
  path: string;
  record: unknown;
  exported: unknown;
}

/**
 * Differences between two protocol sections on the modelled fields. The eligibility text is
 * compared as text, without the API's markdown backslash escapes and with whitespace runs collapsed
 * (never through the importer's own reading of it, which would hide a criterion moved to the
 * wrong list).
 */
export function compareModelled(record: unknown, exported: unknown): { differences: FieldDifference[] } {
  const a = projectModelled(unescapeMarkdown(record)) as J;
  const b = projectModelled(exported) as J;
  const differences: FieldDifference[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (path === 'eligibilityModule.eligibilityCriteria' && typeof x === 'string' && typeof y === 'string') {
      const collapse = (t: string) => t.replace(/\s+/g, ' ').trim();
      if (collapse(x) !== collapse(y)) differences.push({ path, record: x, exported: y });
      return;
    }
    if (Array.isArray(x) || Array.isArray(y)) {
      const xa = Array.isArray(x) ? x : [];
      const ya = Array.isArray(y) ? y : [];
      if (!Array.isArray(x) && x !== undefined) differences.push({ path, record: x, exported: y });
      for (let i = 0; i < Math.max(xa.length, ya.length); i++) walk(xa[i], ya[i], `${path}[${i}]`);
      return;
    }
    if (isObj(x) || isObj(y)) {
      const xo = isObj(x) ? x : {};
      const yo = isObj(y) ? y : {};
      for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) walk(xo[k], yo[k], path ? `${path}.${k}` : k);
      return;
    }
    if (x !== y) differences.push({ path, record: x, exported: y });
  };
  walk(a, b, '');
  return { differences };
}
