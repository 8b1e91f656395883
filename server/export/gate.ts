/**
 * What stops the export besides the record's own schema (issue 13, item 6): the errors the writer
 * sees, and the export blockers (server/checks/export-blocking.ts) whatever hides them. A
 * `// trial-ignore` on a blocker leaves an `ignore-blocks-export` error that carries what it
 * silenced, so the refusal names the silenced diagnostics (code, line); settings that switch a
 * blocker off or re-level it (the editor's `trial.rules.*`, `trial.severity`) are seen by running
 * the blocking rules again under the default settings.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { ALL_RULES, blocksExport, checkModel, EXPORT_BLOCKING_CODES, IGNORE_BLOCKS_EXPORT, silencedBlockers } from '../checks';
import type { TrialModel } from '../model';
import type { Rule } from '../checks';

export interface Refusal {
  reason: string;
  diagnostics: Diagnostic[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `registry-missing-element (line 3), placeholder-value (line 9)` */
function named(list: readonly Diagnostic[]): string {
  return list.map((d) => `${d.code} (line ${d.range.start.line + 1})`).join(', ');
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The refusal for a protocol with errors: the silenced blockers are named and listed with them. */
export function refuseErrors(errors: readonly Diagnostic[]): Refusal {
  const silenced = errors.flatMap(silencedBlockers);
  const base = `the protocol has ${plural(errors.length, 'error')}`;
  const reason = silenced.length === 0
    ? `${base}; nothing was written`
    : `${base}; nothing was written. Silenced by trial-ignore, but still blocking the export: ${named(silenced)}`;
  return { reason, diagnostics: [...errors, ...silenced].sort(byPlace) };
}

let blockingRules: Rule[] | undefined;

/**
 * The blockers the settings hide: the blocking rules run again with the default settings (the
 * `trial-ignore` comments still apply, and a silenced blocker still counts).
 */
export function blockersHiddenBySettings(model: TrialModel, text?: string): Refusal | undefined {
  blockingRules ??= ALL_RULES.filter((r) => EXPORT_BLOCKING_CODES.has(r.code));
  const found = checkModel(model, { onlyRules: blockingRules }, text).filter((d) => blocksExport(d) || d.code === IGNORE_BLOCKS_EXPORT);
  if (found.length === 0) return undefined;
  const all = [...found, ...found.flatMap(silencedBlockers)].sort(byPlace);
  const shown = all.filter((d) => d.code !== IGNORE_BLOCKS_EXPORT);
  return {
    reason: `the settings hide ${plural(shown.length, 'error')} that the registry would refuse: ${named(shown)}; nothing was written`,
    diagnostics: all,
  };
}
