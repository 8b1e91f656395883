/**
 * How the language writes registry enumeration values: the registry value in lower case, with
 * spaces for underscores (`active comparator` = ACTIVE_COMPARATOR, `not yet recruiting` =
 * NOT_YET_RECRUITING). One rule for every enumeration means nothing to memorise and completion
 * can list every value straight from the registry's own lists.
 *
 * Phases are the one exception, because protocol writers say "phase 2/3": `1`…`4` = PHASE1…4,
 * `early 1` = EARLY_PHASE1, `na` = NA.
 */
import { ENUMS, type EnumName, type EnumValue } from '../registry/enums';

/**
 * Words already read, per enumeration (null: no value). The same few words recur on every site,
 * arm and intervention of a large protocol, and the export and the checks ask for each of them;
 * bounded like the unit display memo, since the words are the writer's.
 */
const readWords = new Map<EnumName, Map<string, string | null>>();

export function registryValue<N extends EnumName>(words: string, enumName: N): EnumValue<N> | undefined {
  let memo = readWords.get(enumName);
  if (!memo) readWords.set(enumName, (memo = new Map()));
  const hit = memo.get(words);
  if (hit !== undefined) return (hit ?? undefined) as EnumValue<N> | undefined;
  const candidate = words.trim().toUpperCase().replace(/[\s,-]+/g, '_');
  const value = (ENUMS[enumName] as readonly string[]).includes(candidate) ? candidate : null;
  if (memo.size >= 1000) memo.clear();
  memo.set(words, value);
  return (value ?? undefined) as EnumValue<N> | undefined;
}

/** The words a writer types for a registry value: ACTIVE_COMPARATOR → `active comparator`. */
export function wordsFor(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function phaseValue(written: string): EnumValue<'Phase'> | undefined {
  const w = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if (w === 'na' || w === 'n/a') return 'NA';
  if (w === 'early 1') return 'EARLY_PHASE1';
  if (/^[1-4]$/.test(w)) return `PHASE${w}` as EnumValue<'Phase'>;
  return undefined;
}

/** PHASE3 → `3`, EARLY_PHASE1 → `early 1`, NA → `na`. */
export function phaseWords(value: EnumValue<'Phase'>): string {
  if (value === 'NA') return 'na';
  if (value === 'EARLY_PHASE1') return 'early 1';
  return value.replace('PHASE', '');
}

export function yesNo(words: string): boolean | undefined {
  const w = words.trim().toLowerCase();
  if (w === 'yes' || w === 'true') return true;
  if (w === 'no' || w === 'false') return false;
  return undefined;
}
