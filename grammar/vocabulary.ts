/**
 * The dosing words of the language: routes and named frequencies, with the spellings clinicians
 * use for each. The parser accepts any word after a dose amount; this table decides what it means,
 * so an unknown word gets a precise message instead of a grammar error.
 */
import type { FrequencyCode, RouteCode } from './ast';

export const ROUTES: Record<RouteCode, { name: string; spellings: string[] }> = {
  iv: { name: 'intravenous', spellings: ['iv', 'intravenous', 'intravenously'] },
  oral: { name: 'oral', spellings: ['oral', 'orally', 'po'] },
  sc: { name: 'subcutaneous', spellings: ['sc', 'subcutaneous', 'subcutaneously', 'subq'] },
  im: { name: 'intramuscular', spellings: ['im', 'intramuscular', 'intramuscularly'] },
  inhaled: { name: 'inhaled', spellings: ['inhaled', 'inh'] },
  topical: { name: 'topical', spellings: ['topical', 'topically'] },
  intranasal: { name: 'intranasal', spellings: ['intranasal', 'nasal'] },
  rectal: { name: 'rectal', spellings: ['rectal', 'pr'] },
  sublingual: { name: 'sublingual', spellings: ['sublingual', 'sl'] },
  transdermal: { name: 'transdermal', spellings: ['transdermal'] },
  intrathecal: { name: 'intrathecal', spellings: ['intrathecal', 'it'] },
  intravitreal: { name: 'intravitreal', spellings: ['intravitreal', 'ivt'] },
  intravesical: { name: 'intravesical', spellings: ['intravesical'] },
  intradermal: { name: 'intradermal', spellings: ['intradermal', 'id'] },
};

type NamedFrequency = Exclude<FrequencyCode, `q${number}h`>;

/** Named frequencies with how many administrations a day each means (FHIR timing abbreviations). */
export const FREQUENCIES: Record<NamedFrequency, { name: string; perDay: number | null; spellings: string[] }> = {
  once: { name: 'once', perDay: null, spellings: ['once'] },
  daily: { name: 'once daily', perDay: 1, spellings: ['daily', 'qd', 'od'] },
  bid: { name: 'twice daily', perDay: 2, spellings: ['bid', 'twice_daily'] },
  tid: { name: 'three times daily', perDay: 3, spellings: ['tid'] },
  qid: { name: 'four times daily', perDay: 4, spellings: ['qid'] },
  qod: { name: 'every other day', perDay: 0.5, spellings: ['qod'] },
  weekly: { name: 'once weekly', perDay: 1 / 7, spellings: ['weekly', 'qw'] },
  monthly: { name: 'once monthly', perDay: null, spellings: ['monthly'] },
};

const routeBySpelling = new Map<string, RouteCode>();
for (const [code, route] of Object.entries(ROUTES)) for (const s of route.spellings) routeBySpelling.set(s, code as RouteCode);

const frequencyBySpelling = new Map<string, FrequencyCode>();
for (const [code, f] of Object.entries(FREQUENCIES)) for (const s of f.spellings) frequencyBySpelling.set(s, code as FrequencyCode);

export function routeOf(word: string): RouteCode | undefined {
  return routeBySpelling.get(word.toLowerCase());
}

/** `bid` → bid, `q12h` → q12h (every 12 hours). */
export function frequencyOf(word: string): FrequencyCode | undefined {
  const lower = word.toLowerCase();
  const named = frequencyBySpelling.get(lower);
  if (named) return named;
  const hourly = /^q(\d+)h$/.exec(lower);
  if (hourly && Number(hourly[1]) > 0) return `q${Number(hourly[1])}h` as FrequencyCode;
  return undefined;
}

/** Administrations per day a frequency code means, where it is fixed. */
export function administrationsPerDay(code: FrequencyCode): number | null {
  const hourly = /^q(\d+)h$/.exec(code);
  if (hourly) return 24 / Number(hourly[1]);
  return FREQUENCIES[code as NamedFrequency]?.perDay ?? null;
}
