import { itemUnits, UNIT_ITEMS } from '../../facts';
import { analyzeUnit } from '../../../units';
import { itemRule, type QuickFix } from '../../types';
import { replaceFix } from '../../util';

/**
 * The library suggests replacements for the invalid PART of a unit (`dy` in `mg/dy` → `d`); put
 * each back into the whole unit and keep the results that are valid UCUM with no trap.
 */
export function unitReplacements(text: string): { code: string; name: string }[] {
  const a = analyzeUnit(text);
  const part = /^(\S+) is not a valid UCUM code/.exec(a.message ?? '')?.[1];
  const out: { code: string; name: string }[] = [];
  for (const s of a.suggestions) {
    let candidate = s.code;
    if (part && part !== text.trim()) {
      // Replacing one term: only single-term suggestions (`d`, `24.h`) make sense in its place.
      if (s.code.includes('/')) continue;
      const i = text.lastIndexOf(part);
      if (i < 0) continue;
      const inner = /[/.]/.test(s.code) && !/^\(.*\)$/.test(s.code) ? `(${s.code})` : s.code;
      candidate = text.slice(0, i) + inner + text.slice(i + part.length);
    }
    const c = analyzeUnit(candidate);
    if (c.status === 'invalid' || c.traps.length > 0 || out.some((o) => o.code === (c.code ?? candidate))) continue;
    out.push({ code: c.validUcum ? candidate : (c.code ?? candidate), name: c.name ?? s.name });
    if (out.length >= 5) break;
  }
  return out;
}

export const unitUnknown = itemRule({
  code: 'unit-unknown',
  group: 'units',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A unit is not valid UCUM and is not a common clinical spelling of one.' },
  kinds: UNIT_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const u of itemUnits(item)) {
      ctx.at(u.unit.range);
      if (u.analysis.status !== 'invalid') continue;
      const suggestions = unitReplacements(u.unit.value);
      const fixes: QuickFix[] = suggestions.map((s, i) => replaceFix(`Change to '${s.code}' (${s.name})`, u.unit.range, s.code, i === 0));
      const detail = (u.analysis.message ?? '').replace(/\s+No alternatives were found\.?/, '').trim();
      report(
        u.unit.range,
        `'${u.unit.value}' is not a unit the checker knows (UCUM)${detail ? `: ${detail}` : ''}${suggestions.length ? ` Did you mean '${suggestions[0]!.code}'?` : ''}`,
        { unit: u.unit.value, suggestions: suggestions.map((s) => s.code), fixes },
      );
    }
  },
});
