/**
 * The units library's answers kept between runs (server/units/ucum.ts asks the store first): the
 * first `trial check` of a build loads @lhncbc/ucum-lhc, which builds its unit tables (≈ 10 ms
 * of CPU, the largest part of checking a small protocol after the parser) and asks it; the answers
 * are saved at exit beside the bundle's code cache, named for that build (code-cache.ts,
 * buildCacheFile), so the next runs ask the file, and load the library only for a question it has
 * not answered yet. An optimisation only: a missing, damaged or unreadable file is an empty store,
 * and a file that cannot be written is not written.
 */
import { setUcumAnswerStore, type UcumAnswerStore } from '../units/ucum';
import { buildCacheFile, readCacheFile, writeCacheFile } from './code-cache';

/** Answers kept at most (a folder of protocols asks a few hundred; each is a few hundred bytes). */
export const MAX_ANSWERS = 5000;

/** A store backed by `file` (read on the first question), and what writes it when it learnt answers. */
export function answerFile(file: string): { store: UcumAnswerStore; save(): boolean } {
  let answers: Map<string, unknown> | undefined;
  let learnt = false;
  const kept = (): Map<string, unknown> => (answers ??= readAnswers(file));
  return {
    store: {
      get: (key) => kept().get(key),
      set(key, answer) {
        const map = kept();
        if (map.size >= MAX_ANSWERS) return;
        map.set(key, answer);
        learnt = true;
      },
    },
    save() {
      if (!learnt || answers === undefined) return false;
      learnt = false;
      return writeCacheFile(file, Buffer.from(JSON.stringify([...answers], keepNumbers)));
    },
  };
}

function readAnswers(file: string): Map<string, unknown> {
  const data = readCacheFile(file);
  if (!(data instanceof Buffer)) return new Map();
  try {
    const entries = JSON.parse(data.toString('utf8'), readNumbers) as unknown;
    return Array.isArray(entries) ? new Map(entries as [string, unknown][]) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * JSON keeps every answer but the numbers it has no text for: NaN (a unit's unknown magnitude),
 * ±Infinity and -0 are written as `{"number": "NaN"}` … (no answer has an object of that one key).
 * JSON rather than node:v8's serializer, whose module alone costs ≈ 1.8 ms of every start.
 */
function keepNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { number: Object.is(value, -0) ? '-0' : String(value) } : value;
}

function readNumbers(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'number' && typeof (value as { number: unknown }).number === 'string' ? Number((value as { number: string }).number) : value;
}

/**
 * For a bundle's entry: keep the library's answers of this build in the code cache folder, saved
 * when the process exits. Nothing when the bundle does not run with the code cache.
 */
export function keepUcumAnswers(): void {
  const file = buildCacheFile('ucum');
  if (file === undefined) return;
  const { store, save } = answerFile(file);
  setUcumAnswerStore(store);
  process.once('exit', () => save());
}
