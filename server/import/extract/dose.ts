/**
 * Dosing sentences of intervention and arm descriptions → structured doses, only where certain.
 *
 *   extractDoses("Cisplatin 75 mg/m2 IV on Day 1 of each 21-day cycle", ctx)
 *     → [{ amount: 75 mg/m2, route: iv, days: [1], frequency: every 21 d, span: [9, 52] }]
 *
 * The reader finds each amount with a dose unit (through the units module), decides whose dose it
 * is (the intervention named next to it, else the only candidate when no other substance is named
 * there), and then reads the regimen after it one known phrase at a time: route, frequency,
 * interval, days, cycle length, duration, number of doses, infusion length. It stops at the first
 * phrase it does not know; what it read is the dose's `span` (kept as its wording), the rest of the
 * sentence stays text. An amount in a titration step, a condition, a composition list, parentheses
 * or an ambiguous number (`2,5 mg`, `2x5 mg`) is skipped with the reason, for the import report.
 */
import type { FrequencyCode, RouteCode } from '../../../grammar/ast';
import { FILLER, FREQUENCY_PHRASES, ROUTE_PHRASES, UNCERTAIN_AFTER, UNCERTAIN_BEFORE } from './phrases';
import { isDoseUnit, NUMBER_SOURCE, readNumber, readUnit, smallNumber, SMALL_NUMBER_SOURCE, timeUnitOf, TIME_WORD_SOURCE } from './quantity';

export interface TimeQuantity {
  value: number;
  unit: 'h' | 'min' | 'd' | 'wk' | 'mo' | 'a';
}

export interface ExtractedDose {
  /** Where the structured part is in the text: [start, end). */
  span: [number, number];
  /** The candidate (intervention id) the dose was attributed to. */
  candidate: string;
  amount: { value: number; low?: number; unit: string; written: string; writtenLow?: string };
  route?: RouteCode;
  frequency?: { code: FrequencyCode } | { every: TimeQuantity };
  days?: number[];
  for?: TimeQuantity | { value: number; unit: 'cycles' };
  doses?: number;
  infusion?: TimeQuantity;
}

export interface SkippedAmount {
  span: [number, number];
  reason: string;
}

export interface DoseCandidate {
  id: string;
  /** Name and other names. */
  names: string[];
}

export interface DoseContext {
  /** Whose doses the text may state: the intervention itself, or each intervention an arm receives. */
  candidates: DoseCandidate[];
  /** Names of the record's other interventions: an amount next to one of them is not ours. */
  foreign: string[];
  /** Re-reading a kept wording: the dose is already known to be the (single) candidate's. */
  attributed?: boolean;
}

export interface DoseExtraction {
  doses: ExtractedDose[];
  skipped: SkippedAmount[];
}

const AMOUNT = new RegExp(String.raw`(?<![\w.,×*/^-])(${NUMBER_SOURCE})(?:\s*(?:-|–|to)\s*(${NUMBER_SOURCE}))?(?=\s?[A-Za-zµμ㎎㎍㎖%\[])`, 'g');

/** A name of several substances: its doses are the components' and cannot be one dose line. */
const COMBINATION = /,|\+|\/| and | with |&|\bregimen\b|\bcombination\b|therapy using|\bcocktail\b/i;

/** Words that may come right before an amount without naming a substance. */
const NEUTRAL_BEFORE = new Set([
  '', 'receive', 'receives', 'received', 'receiving', 'administer', 'administered', 'given', 'give', 'take', 'takes', 'with', 'at', 'of',
  'dose', 'dosage', 'doses', 'starting', 'be', 'will', 'is', 'are', 'the', 'a', 'an', 'participants', 'patients', 'subjects', 'then',
  'capsule', 'capsules', 'tablet', 'tablets', 'injection', 'infusion', 'solution', 'powder', 'daily', 'single', 'fixed', 'flat', 'time',
  'one', 'consisting', 'and', 'group', 'arm', 'in', 'on', 'by',
]);

const ROUTE_AT_END = ROUTE_PHRASES.map(([re, code]) => [new RegExp(`(?<![A-Za-z])(?:${re.source.slice(1)})\\s*$`, 'i'), code] as const);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms of a name worth looking for: the name, and its part before a parenthesis ("Rituximab (genetical recombination)"). */
function nameForms(names: string[]): string[] {
  const forms = new Set<string>();
  for (const n of names) {
    const t = n.trim();
    if (t.length >= 3) forms.add(t);
    const head = t.split(/\s*[(（]/)[0]!.trim();
    if (head.length >= 3) forms.add(head);
  }
  return [...forms];
}

function lastMention(text: string, forms: string[]): number {
  let best = -1;
  for (const f of forms) {
    const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(f)}(?![A-Za-z0-9])`, 'gi');
    for (const m of text.matchAll(re)) best = Math.max(best, m.index! + m[0].length);
  }
  return best;
}

function startsWithName(text: string, forms: string[]): boolean {
  return forms.some((f) => new RegExp(`^\\s*(?:of\\s+)?${escapeRegExp(f)}(?![A-Za-z0-9])`, 'i').test(text));
}

/**
 * Where the clause of `at` starts: after the last sentence end, semicolon or line break (or `from`);
 * with `clauses`, also after a colon, `followed by` and `then`.
 */
function clauseStart(text: string, at: number, from: number, clauses = true): number {
  let start = from;
  const re = clauses ? /[.;!?](?=\s)|\n|:(?=\s)|(?<![A-Za-z])(?:followed by|then)(?![A-Za-z])/g : /[.;!?](?=\s)|\n/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) start = m.index + m[0].length;
  return start;
}

function parenDepth(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return depth;
}

function attribute(left: string, after: string, ctx: DoseContext): { id: string } | { reason: string } {
  if (ctx.attributed && ctx.candidates.length === 1) return { id: ctx.candidates[0]!.id };
  let best: { id: string; at: number } | undefined;
  for (const c of ctx.candidates) {
    const at = lastMention(left, nameForms(c.names));
    if (at >= 0 && (!best || at > best.at)) best = { id: c.id, at };
  }
  const foreignForms = nameForms(ctx.foreign).filter((f) => !ctx.candidates.some((c) => nameForms(c.names).some((n) => n.toLowerCase() === f.toLowerCase())));
  const foreignAt = lastMention(left, foreignForms);
  if (foreignAt >= 0 && (!best || foreignAt > best.at)) return { reason: 'it follows the name of another intervention' };
  if (best) return { id: best.id };
  for (const c of ctx.candidates) if (startsWithName(after, nameForms(c.names))) return { id: c.id };
  if (startsWithName(after, foreignForms)) return { reason: 'it is the dose of another intervention' };
  if (ctx.candidates.length !== 1) return { reason: 'the sentence does not say which of the arm\'s interventions it is for' };
  // No name at all: ours only when the word before the amount names no other substance.
  const words = left.replace(/[^A-Za-z\s]/g, ' ').trim().split(/\s+/);
  let i = words.length - 1;
  while (i >= 0 && ROUTE_AT_END.some(([re]) => re.test(words[i]!))) i--;
  const before = (words[i] ?? '').toLowerCase();
  if (!NEUTRAL_BEFORE.has(before)) return { reason: `it follows '${words[i]}', which may name another substance` };
  return { id: ctx.candidates[0]!.id };
}

/** Words that may follow an amount without naming what is given. */
const NEUTRAL_AFTER = new Set([
  'in', 'at', 'on', 'for', 'during', 'while', 'with', 'as', 'per', 'to', 'from', 'until', 'after', 'before', 'starting', 'then',
  'followed', 'and', 'will', 'is', 'was', 'be', 'are', 'were', 'should', 'shall', 'maintenance', 'loading', 'dose', 'doses', 'over',
  'every', 'each', 'daily', 'once', 'twice', 'by', 'via', 'i', 'iv', 'po', 'sc', 'im', 'x', 'q', 'qd', 'bid', 'tid', 'qid', 'd', 'day', 'days',
]);

/** The substance named right after an amount when it is not the candidate's (`4 mg Mephamesone`, `1 mL of 0.5% bupivacaine`). */
function followingSubstance(after: string, candidate: DoseCandidate): string | undefined {
  const forms = nameForms(candidate.names);
  if (startsWithName(after, forms)) return undefined;
  const of = /^\s+of\s+(\S+(?:\s+\S+)?)/i.exec(after);
  if (of) return of[1];
  const word = /^\s*([A-Za-z][A-Za-z-]*)/.exec(after);
  if (!word) return undefined;
  if (readPart(after.replace(/^\s+/, '')) || FILLER.exec(after.replace(/^\s+/, ''))?.[0]) return undefined;
  const w = word[1]!.toLowerCase().split('-')[0]!;
  return NEUTRAL_AFTER.has(w) ? undefined : word[1];
}

type Part =
  | { kind: 'route'; route: RouteCode }
  | { kind: 'frequency'; frequency: ExtractedDose['frequency'] }
  | { kind: 'days'; days: number[]; cycle?: TimeQuantity }
  | { kind: 'cycle'; cycle: TimeQuantity }
  | { kind: 'for'; for: NonNullable<ExtractedDose['for']> }
  | { kind: 'doses'; doses: number }
  | { kind: 'infusion'; infusion: TimeQuantity; route?: RouteCode };

const N = SMALL_NUMBER_SOURCE;
const T = TIME_WORD_SOURCE;
const DAY_NUMBER = String.raw`-?\d{1,3}`;
const DAY_PREFIX = String.raw`(?:(?:days?|D)\s?)`;
const DAY_LIST = new RegExp(
  String.raw`^(?:on\s+)?(?:days?|D)\s?(${DAY_NUMBER})((?:\s*(?:,\s*and|,|and|&)\s*${DAY_PREFIX}?${DAY_NUMBER}(?![\d-]))*)(?:\s*(?:-|–|to|through)\s*${DAY_PREFIX}?(${DAY_NUMBER}))?(?![\d])`,
  'i',
);
const CYCLE = new RegExp(String.raw`^(?:of\s+|in\s+)?(?:each|every|a|an)?\s*(\d+)[- ](day|week)[- ]?cycles?(?![A-Za-z])`, 'i');

function time(value: string, unitWord: string): TimeQuantity | undefined {
  const v = smallNumber(value);
  const u = timeUnitOf(unitWord);
  return v !== undefined && u ? { value: v, unit: u } : undefined;
}

/** One regimen phrase at the start of `s`, with its length; undefined when none is known. */
function readPart(s: string): { part: Part; length: number } | undefined {
  for (const [re, route] of ROUTE_PHRASES) {
    const m = re.exec(s);
    if (m) return { part: { kind: 'route', route }, length: m[0].length };
  }
  let m = new RegExp(String.raw`^(?:every\s+(\d+)\s*(?:hours?|hrs?|h)|q\s?(\d+)\s?h|(\d+)[- ]hourly)(?![A-Za-z])`, 'i').exec(s);
  if (m) {
    const h = Number(m[1] ?? m[2] ?? m[3]);
    if (h > 0 && h <= 24) return { part: { kind: 'frequency', frequency: { code: `q${h}h` as FrequencyCode } }, length: m[0].length };
  }
  for (const [re, code] of FREQUENCY_PHRASES) {
    const f = re.exec(s);
    if (f) return { part: { kind: 'frequency', frequency: { code } }, length: f[0].length };
  }
  m = new RegExp(String.raw`^(?:once\s+)?every\s+(${N})\s+(days?|weeks?|months?)(?![A-Za-z])`, 'i').exec(s);
  if (m) {
    const every = time(m[1]!, m[2]!);
    if (every) return { part: { kind: 'frequency', frequency: { every } }, length: m[0].length };
  }
  m = /^q\s?(\d+)\s?(w|wk|wks|weeks?|d|days?)(?![A-Za-z])/i.exec(s);
  if (m) {
    const every = time(m[1]!, /^w/i.test(m[2]!) ? 'weeks' : 'days');
    if (every) return { part: { kind: 'frequency', frequency: { every } }, length: m[0].length };
  }
  m = DAY_LIST.exec(s);
  if (m) {
    const first = Number(m[1]);
    const listed = [first, ...[...(m[2] ?? '').matchAll(/-?\d+/g)].map((x) => Number(x[0]))];
    let days: number[] | undefined = listed;
    if (m[3] !== undefined) {
      const last = Number(m[3]);
      const from = listed[listed.length - 1]!;
      days = listed.length === 1 && last > from && last - from <= 30 ? Array.from({ length: last - from + 1 }, (_, i) => from + i) : undefined;
    }
    if (days && days.every((d) => d >= 1) && new Set(days).size === days.length && days.every((d, i) => i === 0 || d > days![i - 1]!)) {
      let length = m[0].length;
      const rest = s.slice(length);
      if (/^\s*(?:inclusive|inclusively)?\s*(?:of|in)\s+cycles?\s+\d/i.test(rest)) return undefined;
      const inclusive = /^\s*inclusive(?![A-Za-z])/i.exec(rest);
      if (inclusive) length += inclusive[0].length;
      const cycle = CYCLE.exec(s.slice(length).replace(/^\s+/, (w) => ((length += w.length), '')));
      if (cycle) {
        const c = time(cycle[1]!, cycle[2]!);
        if (c) return { part: { kind: 'days', days, cycle: c }, length: length + cycle[0].length };
      }
      return { part: { kind: 'days', days }, length };
    }
    return undefined;
  }
  m = CYCLE.exec(s);
  if (m) {
    const cycle = time(m[1]!, m[2]!);
    if (cycle) return { part: { kind: 'cycle', cycle }, length: m[0].length };
  }
  m = new RegExp(String.raw`^\(?(?:for\s+)?(?:a\s+)?(?:total(?:\s+of)?\s+)?(${N})\s+doses(?![A-Za-z])\)?`, 'i').exec(s);
  if (m && (/^\(|^for|total/i.test(m[0]))) {
    const n = smallNumber(m[1]!);
    if (n && (!m[0].startsWith('(') || m[0].endsWith(')'))) return { part: { kind: 'doses', doses: n }, length: m[0].length };
  }
  m = new RegExp(String.raw`^for\s+(${N})\s+(?:consecutive\s+)?(${T}|cycles?)(?![A-Za-z])`, 'i').exec(s);
  if (m) {
    if (/^cycles?$/i.test(m[2]!)) {
      const n = smallNumber(m[1]!);
      if (n) return { part: { kind: 'for', for: { value: n, unit: 'cycles' } }, length: m[0].length };
      return undefined;
    }
    const t = time(m[1]!, m[2]!);
    if (t && t.unit !== 'h' && t.unit !== 'min') return { part: { kind: 'for', for: t }, length: m[0].length };
    return undefined;
  }
  m = new RegExp(String.raw`^over\s+(?:a\s+period\s+of\s+)?(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|h)(?![A-Za-z])`, 'i').exec(s);
  if (m && !/^\s*(?:-|–|to)\s*\d/.test(s.slice(m[0].length))) {
    const t = time(m[1]!, m[2]!);
    if (t) return { part: { kind: 'infusion', infusion: t }, length: m[0].length };
  }
  m = /^by\s+(?:an?\s+)?(\d+(?:\.\d+)?)[- ](minutes?|mins?|hours?|hrs?|h)\s+(IV\s+|intravenous\s+)?infusion(?![A-Za-z])/i.exec(s);
  if (m) {
    const t = time(m[1]!, m[2]!);
    if (t) return { part: { kind: 'infusion', infusion: t, ...(m[3] ? { route: 'iv' as RouteCode } : {}) }, length: m[0].length };
  }
  // `60 mg/kg BW, 1 day` / `14 g/m² BS, 3 days`: a bare duration closing the phrase.
  m = /^(\d+)\s+(days?|weeks?)(?=\s*(?:[.;\n]|$))/i.exec(s);
  if (m) {
    const t = time(m[1]!, m[2]!);
    if (t) return { part: { kind: 'for', for: t }, length: m[0].length };
  }
  return undefined;
}

/** Adds a part to the dose; false when the dose already says it (the reading stops there). */
function apply(dose: ExtractedDose, part: Part): boolean {
  switch (part.kind) {
    case 'route':
      if (dose.route) return false;
      dose.route = part.route;
      return true;
    case 'frequency':
      if (dose.frequency) return false;
      dose.frequency = part.frequency;
      return true;
    case 'days':
      if (dose.days) return false;
      if (part.cycle) {
        if (dose.frequency) return false;
        dose.frequency = { every: part.cycle };
      }
      dose.days = part.days;
      return true;
    case 'cycle':
      if (dose.frequency) return false;
      dose.frequency = { every: part.cycle };
      return true;
    case 'for':
      if (dose.for) return false;
      if (part.for.unit === 'cycles' && !(dose.frequency && 'every' in dose.frequency)) return false;
      dose.for = part.for;
      return true;
    case 'doses':
      if (dose.doses !== undefined) return false;
      dose.doses = part.doses;
      return true;
    case 'infusion':
      if (dose.infusion || (part.route && dose.route && dose.route !== part.route)) return false;
      dose.infusion = part.infusion;
      if (part.route) dose.route = part.route;
      return true;
  }
}

/** The doses the text states with certainty, and the dose amounts it skipped with why. */
const NEGATIVE_DAY = /\b(?:D|Days?)\s*[-−–]\s*\d/i;

export function extractDoses(text: string, ctx: DoseContext): DoseExtraction {
  const read = readDoses(text, ctx);
  // Negative study days (`Day -7`, `Days -5 to -2`: a transplant calendar counted from day 0) have no
  // place in the language's schedule, where day 1 is the first day of treatment and there is no day 0;
  // a dose read without them would seem to start on day 1, so such a dose stays text.
  for (const d of read.doses) {
    if (!NEGATIVE_DAY.test(text.slice(d.span[0], Math.min(text.length, d.span[1] + 80)).split(/[.;](?:\s|$)/)[0]!)) continue;
    read.skipped.push({ span: d.span, reason: 'it is given on negative study days (counted from a day 0), which the language\'s schedule does not have' });
  }
  read.doses = read.doses.filter((d) => !read.skipped.some((k) => k.span === d.span));
  // Several regimens for one intervention that their days do not tell apart (phases, cohorts,
  // alternatives the text separates in words) cannot be dose lines side by side: keep them as text.
  if (!ctx.attributed) {
    for (const c of ctx.candidates) {
      const mine = read.doses.filter((d) => d.candidate === c.id);
      if (mine.length < 2) continue;
      const apart = mine.every((d, i) => d.days && mine.every((e, j) => j === i || (e.days && !e.days.some((x) => d.days!.includes(x)))));
      if (apart) continue;
      read.doses = read.doses.filter((d) => d.candidate !== c.id);
      for (const d of mine) read.skipped.push({ span: d.span, reason: 'the text gives this intervention several regimens (phases, cohorts or alternatives) that their days do not tell apart' });
    }
  }
  return read;
}

function readDoses(text: string, ctx: DoseContext): DoseExtraction {
  const doses: ExtractedDose[] = [];
  const skipped: SkippedAmount[] = [];
  let consumedTo = 0;
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const start = m.index;
    if (start < consumedTo) continue;
    const numberEnd = start + m[0].length;
    const unit = readUnit(text.slice(numberEnd));
    if (!unit || !isDoseUnit(unit)) continue;
    const end = numberEnd + unit.length;
    const skip = (reason: string) => skipped.push({ span: [start, end], reason });
    const low = m[2] !== undefined ? readNumber(m[1]!) : undefined;
    const value = readNumber(m[2] ?? m[1]!);
    if (!(value > 0) || (low !== undefined && !(low > 0 && low < value))) {
      skip('the amount is not a positive number or range');
      continue;
    }
    if (parenDepth(text, start) > 0) {
      skip('it is inside parentheses (a composition, an equivalence or an aside)');
      continue;
    }
    const cStart = clauseStart(text, start, consumedTo);
    const left = text.slice(cStart, start);
    // The whole sentence before the amount: a name or a label before a colon still says whose dose it is.
    const sentence = text.slice(clauseStart(text, start, consumedTo, false), start);
    const uncertain = UNCERTAIN_BEFORE.exec(sentence);
    if (uncertain) {
      skip(`the sentence says '${uncertain[0]}' before it (a titration, a condition or a limit, not the regimen)`);
      continue;
    }
    const after = text.slice(end);
    const sentenceRest = after.slice(0, Math.max(0, after.search(/[.;](?=\s|$)|\n/)) || after.length);
    const stepping = /(?<![A-Za-z])(?:increas\w*|escalat\w*|titrat\w*|decreas\w*|reduc\w*)(?![A-Za-z])/i.exec(sentenceRest);
    if (stepping) {
      skip(`the sentence says '${stepping[0]}' after it (a starting dose, not the regimen)`);
      continue;
    }
    if (UNCERTAIN_AFTER.test(after)) {
      skip('what follows makes it a concentration, a range of choices or a total');
      continue;
    }
    const owner = attribute(sentence, after, ctx);
    if ('reason' in owner) {
      skip(owner.reason);
      continue;
    }
    const candidate = ctx.candidates.find((c) => c.id === owner.id)!;
    if (!ctx.attributed && candidate.names.some((n) => COMBINATION.test(n.replace(/\s*[(（][^)）]*[)）]/g, '')))) {
      skip('the intervention combines several substances; its doses are the components\'');
      continue;
    }
    const follower = followingSubstance(after, candidate);
    if (follower) {
      skip(`it is followed by '${follower}', which may name another substance`);
      continue;
    }
    const dose: ExtractedDose = {
      span: [start, end],
      candidate: owner.id,
      amount: { value, unit: unit.code, written: (m[2] ?? m[1]!).replace(/[, ]/g, ''), ...(low !== undefined ? { low, writtenLow: m[1]!.replace(/[, ]/g, '') } : {}) },
    };
    // A route just before the amount (`oral prednisone 20 mg`, `DPI 250 mcg`), possibly before the name.
    let head = left.replace(/\s+$/, '');
    for (const f of nameForms(candidate.names)) {
      const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(f)}\\s*[:\\-–]?\\s*$`, 'i');
      const nm = re.exec(head);
      if (nm) {
        head = head.slice(0, nm.index).replace(/\s+$/, '');
        break;
      }
    }
    for (const [re, code] of ROUTE_AT_END) {
      const rm = re.exec(head);
      if (rm) {
        dose.route = code;
        dose.span[0] = cStart + rm.index;
        break;
      }
    }
    // The regimen after the amount, one known phrase at a time.
    let pos = end;
    const ownName = new RegExp(`^(?:of\\s+)?(?:${nameForms(candidate.names).map(escapeRegExp).join('|')})(?![A-Za-z0-9])`, 'i');
    for (;;) {
      let p = pos;
      for (let f = FILLER.exec(text.slice(p)) ?? ownName.exec(text.slice(p)); f && f[0].length > 0; f = FILLER.exec(text.slice(p)) ?? ownName.exec(text.slice(p))) p += f[0].length;
      const read = readPart(text.slice(p));
      if (!read || !apply(dose, read.part)) break;
      pos = p + read.length;
    }
    // "… on Day 1, followed by 100 mg once daily": the second dose starts after the first, on a day the text does not give.
    if (!dose.days && /(?:followed by|then)$/i.test(text.slice(0, cStart).trimEnd())) {
      skip("it follows another dose ('followed by', 'then') and the text does not say from which day");
      continue;
    }
    dose.span[1] = pos;
    consumedTo = pos;
    doses.push(dose);
  }
  return { doses, skipped };
}
