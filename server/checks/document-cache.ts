/**
 * Reuse of a document rule's diagnostics across keystrokes (types.ts `DocumentRule.reads`).
 *
 * A document rule that declares the item kinds it reads is a function of those items (and of the
 * model's names, and today's date). When the model was derived incrementally from the previous
 * one (model.ts `modelEditOf`: same names, items replaced by items of the same kind and name) and
 * no replaced item is of a kind the rule reads, its findings are those of the previous run; so they
 * are when the rule says the edit changed none of them (`unchangedBy`: the replaced arms had no
 * finding and have none).
 *
 * What the previous run reported must then still sit in the right place. Every plain position in
 * a stored diagnostic (from the line index: quick-fix edits, the document start or end) is turned
 * into a position relative to the segment holding it (line-index.ts `RelativePosition`, as the
 * AST's own positions are), so it follows its segment when an edit above moves it. The stored
 * diagnostics are reused only while every segment they point into is still in the document, and,
 * for a rule whose messages name lines (`namesLines`) and that found something, while no line was
 * added or removed. A position
 * at the document's very end (where a quick fix appends a missing block) belongs to the end, not to
 * the segment before it: such findings are reused only while the document still ends with the same
 * segment (text typed after the last item moves the end away from that segment). Likewise a plain
 * position at the document's very start (where a finding about a missing trial block is placed)
 * belongs to the start: such findings are reused only while the same segment opens the document.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { RelativePosition } from '../../grammar/line-index';
import type { ParseResult, SegmentParse } from '../../grammar/parse';
import { modelEditOf, type TrialModel } from '../model';
import type { DocumentRule } from './types';

interface Stored {
  diagnostics: readonly Diagnostic[];
  /** The segments the diagnostics' positions lie in. */
  segments: ReadonlySet<SegmentParse>;
  /** The document's last segment, when a position lies at the document's end. */
  endSegment: SegmentParse | undefined;
  /** The document's first segment, when a plain position lies at the document's start. */
  startSegment: SegmentParse | undefined;
  today: string;
}

/** Per model: each cacheable rule's findings in the run on that model. */
const runs = new WeakMap<TrialModel, Map<DocumentRule, Stored>>();

/** The rule's findings of the previous run, when they still hold for `model`. */
export function reusable(rule: DocumentRule, model: TrialModel, today: string): readonly Diagnostic[] | undefined {
  if (!rule.reads) return undefined;
  const edit = modelEditOf(model);
  const stored = edit && runs.get(edit.previous)?.get(rule);
  if (!edit || !stored || stored.today !== today) return undefined;
  if (readsAny(rule, edit.added) || readsAny(rule, edit.removed)) {
    if (!rule.unchangedBy?.(model)) return undefined;
  }
  // No finding names a line when there is none.
  if (rule.namesLines && edit.parse.lineDelta !== 0 && stored.diagnostics.length > 0) return undefined;
  for (const s of edit.parse.removedSegments) if (stored.segments.has(s)) return undefined;
  if (stored.endSegment && lastSegment(model.parse) !== stored.endSegment) return undefined;
  if (stored.startSegment && model.parse.segments[0] !== stored.startSegment) return undefined;
  remember(rule, model, stored);
  return stored.diagnostics;
}

/**
 * Keep what a rule reported on `model` for the next run, with its positions made relative to their
 * segments. Returns the diagnostics to report (the same values; positions that follow their segment).
 */
export function store(rule: DocumentRule, model: TrialModel, reported: Diagnostic[], today: string): readonly Diagnostic[] {
  if (!rule.reads) return reported;
  // Nothing found (most rules, most runs): nothing to anchor, so no set and no copy per rule and run.
  if (reported.length === 0) {
    remember(rule, model, { diagnostics: reported, segments: NO_SEGMENTS, endSegment: undefined, startSegment: undefined, today });
    return reported;
  }
  const segments = new Set<SegmentParse>();
  const end = { length: documentLength(model.parse), reached: false, start: false };
  const diagnostics = reported.map((d) => anchored(d, model.parse, segments, end) as Diagnostic);
  remember(rule, model, { diagnostics, segments, endSegment: end.reached ? lastSegment(model.parse) : undefined, startSegment: end.start ? model.parse.segments[0] : undefined, today });
  return diagnostics;
}

const NO_SEGMENTS: ReadonlySet<SegmentParse> = new Set();

function readsAny(rule: DocumentRule, items: readonly { kind: string }[]): boolean {
  for (const item of items) if (rule.reads!.includes(item.kind as never)) return true;
  return false;
}

function remember(rule: DocumentRule, model: TrialModel, stored: Stored): void {
  let map = runs.get(model);
  if (!map) {
    // Kept as long as the model lives: a model holds only its previous one (model.ts keeps one step).
    map = new Map();
    runs.set(model, map);
  }
  map.set(rule, stored);
}

function lastSegment(parse: ParseResult): SegmentParse | undefined {
  return parse.segments[parse.segments.length - 1];
}

function documentLength(parse: ParseResult): number {
  const last = lastSegment(parse);
  return last ? last.start + last.text.length : 0;
}

/** The index of the segment holding `offset` (the last one starting at or before it). */
function segmentAt(parse: ParseResult, offset: number): number {
  const segments = parse.segments;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function isPlainPosition(v: object): v is { line: number; character: number; offset: number } {
  const p = v as { line?: unknown; character?: unknown; offset?: unknown };
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(v).length === 3;
}

/** A copy of a diagnostic's value with every position tied to its segment; the segments are collected. */
function anchored(value: unknown, parse: ParseResult, segments: Set<SegmentParse>, end: { length: number; reached: boolean; start: boolean }): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof RelativePosition) {
    // Already relative to its segment; a position at a segment's start may belong to the one before.
    const index = segmentAt(parse, value.offset);
    const segment = parse.segments[index];
    if (segment) segments.add(segment);
    if (segment && segment.start === value.offset && index > 0) segments.add(parse.segments[index - 1]!);
    if (value.offset >= end.length) end.reached = true;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => anchored(v, parse, segments, end));
  if (isPlainPosition(value)) {
    if (value.offset >= end.length) end.reached = true;
    if (value.offset === 0) end.start = true;
    const segment = parse.segments[segmentAt(parse, value.offset)];
    if (!segment) return value;
    segments.add(segment);
    return new RelativePosition(segment, value.line - segment.line, value.character, value.offset - segment.start);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = anchored(v, parse, segments, end);
  return out;
}
