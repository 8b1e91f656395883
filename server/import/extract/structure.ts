/**
 * The importer's use of the extractor: dose lines for interventions and arms, structured criteria
 * and the measure declarations they need, each keeping its sentence (`as "…"`), and the import
 * report of what became structured, what stayed text and why. Called from server/import/index.ts at
 * three small hook points; pure core.
 */
import { parse } from '../../../grammar/parse';
import { identifierFor, quote } from '../emit';
import { extractDoses, type DoseCandidate } from './dose';
import { doseBody, thresholdBody } from './emit';
import type { MeasureEntry } from './measures';
import { extractThreshold, isNumericCriterion } from './threshold';

export interface StructuredItem {
  /** Where it was read: `intervention "Rituximab"`, `arm "Placebo"`, `inclusion criterion 3`. */
  where: string;
  /** The `.trial` statement written. */
  line: string;
  /** The sentence kept with it. */
  wording: string;
}

export interface TextItem {
  where: string;
  text: string;
  reason: string;
}

export interface ImportReport {
  doses: StructuredItem[];
  /** Dose amounts found in intervention or arm text that were not structured. */
  dosesText: TextItem[];
  criteria: StructuredItem[];
  /** Numeric criteria (a comparison with a number) that stayed text. */
  criteriaText: TextItem[];
  /** Interventions whose own or arm text states a dose amount, and those of them with at least one dose line. */
  interventionsStatingDose: string[];
  interventionsWithDose: string[];
  /** Criteria that state a numeric comparison, and how many of them became structured. */
  numericCriteria: number;
  structuredNumericCriteria: number;
  /** What the registry requires that the record lacks (filled in by the caller from the checks). */
  missing: string[];
}

export function emptyReport(): ImportReport {
  return { doses: [], dosesText: [], criteria: [], criteriaText: [], interventionsStatingDose: [], interventionsWithDose: [], numericCriteria: 0, structuredNumericCriteria: 0, missing: [] };
}

export interface InterventionNames {
  id: string;
  name: string;
  otherNames: string[];
}

/** Whether a statement parses in its block (a unit the grammar cannot write yet, such as `/uL`, keeps the text). */
function parses(block: string, statement: string): boolean {
  return parse(`${block} {\n  ${statement}\n}\n`).diagnostics.length === 0;
}

const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 97)}…` : s);

export class Structurer {
  readonly report = emptyReport();
  private readonly measureIds = new Map<string, { entry: MeasureEntry; id: string }>();

  constructor(private readonly all: InterventionNames[], private readonly taken: Set<string>) {}

  private candidate(iv: InterventionNames): DoseCandidate {
    return { id: iv.id, names: [iv.name, ...iv.otherNames] };
  }

  private foreign(except: InterventionNames[]): string[] {
    return this.all.filter((x) => !except.includes(x)).flatMap((x) => [x.name, ...x.otherNames]);
  }

  private stating(id: string, withDose: boolean): void {
    if (!this.report.interventionsStatingDose.includes(id)) this.report.interventionsStatingDose.push(id);
    if (withDose && !this.report.interventionsWithDose.includes(id)) this.report.interventionsWithDose.push(id);
  }

  /** The dose lines an intervention's description states. */
  interventionDoses(iv: InterventionNames, description: string | undefined): string[] {
    if (!description) return [];
    const where = `intervention "${iv.name}"`;
    const { doses, skipped } = extractDoses(description, { candidates: [this.candidate(iv)], foreign: this.foreign([iv]) });
    for (const s of skipped) this.report.dosesText.push({ where, text: clip(description.slice(s.span[0], s.span[1] + 40)), reason: s.reason });
    if (doses.length + skipped.length > 0) this.stating(iv.id, doses.length > 0);
    return doses.map((d) => this.doseLine(d, description, where)).filter((l): l is string => l !== undefined);
  }

  /** Per received intervention, the dose lines an arm's description states for it. */
  armDoses(label: string, description: string | undefined, received: InterventionNames[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (!description || received.length === 0) return out;
    const where = `arm "${label}"`;
    const { doses, skipped } = extractDoses(description, { candidates: received.map((r) => this.candidate(r)), foreign: this.foreign(received) });
    for (const s of skipped) this.report.dosesText.push({ where, text: clip(description.slice(s.span[0], s.span[1] + 40)), reason: s.reason });
    for (const d of doses) {
      const line = this.doseLine(d, description, where);
      if (line === undefined) continue;
      const list = out.get(d.candidate) ?? [];
      list.push(line);
      out.set(d.candidate, list);
      this.stating(d.candidate, true);
    }
    if (doses.length === 0 && skipped.length > 0 && received.length === 1) this.stating(received[0]!.id, false);
    return out;
  }

  private doseLine(d: Parameters<typeof doseBody>[0], text: string, where: string): string | undefined {
    const wording = text.slice(d.span[0], d.span[1]);
    const line = `dose ${doseBody(d)} as ${quote(wording)}`;
    if (!parses('intervention x', line)) {
      this.report.dosesText.push({ where, text: clip(wording), reason: 'the language cannot write this dose yet' });
      return undefined;
    }
    this.report.doses.push({ where, line, wording });
    return line;
  }

  /**
   * False when the eligibility text's sections could not be told apart (an exclusion heading the splitter
   * did not recognise): a threshold in the wrong section would be a contradiction the record does not make.
   */
  criteriaSectionsKnown = true;

  /** The `include` / `exclude` statement of one criterion: structured when certain, else its text (`textLine`). */
  criterion(polarity: 'include' | 'exclude', text: string, number: number, textLine: () => string): string {
    const where = `${polarity === 'include' ? 'inclusion' : 'exclusion'} criterion ${number}`;
    const numeric = isNumericCriterion(text);
    if (numeric) this.report.numericCriteria++;
    const r: ReturnType<typeof extractThreshold> = this.criteriaSectionsKnown ? extractThreshold(text) : { reason: 'the eligibility text has an exclusion heading the importer did not recognise, so which list a criterion is in is not certain' };
    if (!('threshold' in r)) {
      if (numeric) this.report.criteriaText.push({ where, text: clip(text), reason: r.reason });
      return textLine();
    }
    const probe = `${polarity} ${thresholdBody(r.threshold, 'm')}`;
    if (!parses('eligibility', probe)) {
      if (numeric) this.report.criteriaText.push({ where, text: clip(text), reason: `the language cannot write '${probe.slice(polarity.length + 3)}' yet` });
      return textLine();
    }
    if (numeric) this.report.structuredNumericCriteria++;
    let m = this.measureIds.get(r.threshold.measure.id);
    if (!m) {
      m = { entry: r.threshold.measure, id: identifierFor(r.threshold.measure.id, 'measure', this.taken) };
      this.measureIds.set(r.threshold.measure.id, m);
    }
    const line = `${polarity} ${thresholdBody(r.threshold, m.id)} as ${quote(text)}`;
    this.report.criteria.push({ where, line, wording: text });
    return line;
  }

  /** `measure` declarations for the measures the structured criteria name. */
  measureLines(): string[] {
    return [...this.measureIds.values()].map(({ entry, id }) => `measure ${id} ${quote(entry.label)} unit ${entry.unit}`);
  }
}
