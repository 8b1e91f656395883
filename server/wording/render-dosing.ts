/**
 * Structured dosing → deterministic clinical English, for the registry's intervention and arm
 * descriptions (the registry has no structured dosing field). Also used by the checks' length rule,
 * so what they measure is exactly what the export writes.
 *
 *   dose 1000 mg iv on days 15 and 195 depending on cd19_b_cells
 *     → "1000 mg IV on Days 15 and 195 depending on the CD19+ B-cell count"
 *   dose 3 mg/kg/d oral in 2 divided doses every 12 h / adjust by csa_level / taper after 6 months over 3 months
 *     → "3 mg/kg/day orally in 2 divided doses every 12 hours; adjusted to the cyclosporine blood level;
 *        tapered after 6 months over 3 months"
 *
 * Pieces are joined with "; " and the whole ends with a full stop. Pure core: no editor imports.
 */
import type * as A from '../../grammar/ast';
import { FREQUENCIES } from '../../grammar/vocabulary';
import { formatNumber, formatQuantity, writtenNumber } from '../units';

/** How each route reads in a sentence after the amount. */
export const ROUTE_PHRASES: Readonly<Record<A.RouteCode, string>> = {
  iv: 'IV',
  oral: 'orally',
  sc: 'subcutaneously',
  im: 'intramuscularly',
  inhaled: 'by inhalation',
  topical: 'topically',
  intranasal: 'intranasally',
  rectal: 'rectally',
  sublingual: 'sublingually',
  transdermal: 'transdermally',
  intrathecal: 'intrathecally',
  intravitreal: 'by intravitreal injection',
  intravesical: 'intravesically',
  intradermal: 'intradermally',
};

const COMPARATOR_WORDS: Readonly<Record<A.Comparator, string>> = {
  '>': 'above',
  '>=': 'at least',
  '<': 'below',
  '<=': 'at most',
  '=': 'equal to',
};

/** Measure labels by identifier (`cd19_b_cells` → "CD19+ B-cell count"); unknown ids read as words. */
export type MeasureLabels = ReadonlyMap<string, string> | Record<string, string>;

function labelOf(measures: MeasureLabels | undefined, id: string): string {
  const label = measures instanceof Map ? measures.get(id) : (measures as Record<string, string> | undefined)?.[id];
  return label ?? id.replace(/_/g, ' ');
}

/** "Absolute neutrophil count" → "absolute neutrophil count"; "CD19+ B-cell count" stays. */
export function inSentence(label: string): string {
  // The second pattern reads the first word only: `[a-z]*` stops at the first space.
  if (/^[A-Z][a-z]/.test(label) && !/^[A-Z][a-z]*[A-Z0-9]/.test(label)) return label[0]!.toLowerCase() + label.slice(1);
  return label;
}

export function renderAmount(amount: A.Amount): string {
  const q = formatQuantity(amount.value, amount.unit.value);
  return amount.low ? `${writtenNumber(amount.low)} to ${q}` : q;
}

/** The amount of a dose, or its words when it has none (`placebo to match`). */
export function renderDoseAmount(dose: A.DoseStmt): string {
  return dose.amount ? renderAmount(dose.amount) : dose.amountText?.value ?? '';
}

function renderQuantity(q: A.Quantity): string {
  return formatQuantity(q.value, q.unit.value);
}

export function renderFrequency(f: A.Frequency): string {
  if (f.kind === 'every') {
    return f.interval.value.value === 1 ? `every ${formatQuantity(1, f.interval.unit.value).replace(/^1 /, '')}` : `every ${renderQuantity(f.interval)}`;
  }
  const hourly = /^q(\d+)h$/.exec(f.code);
  if (hourly) return hourly[1] === '1' ? 'every hour' : `every ${hourly[1]} hours`;
  return FREQUENCIES[f.code as keyof typeof FREQUENCIES]?.name ?? f.code;
}

function listDays(days: number[]): string {
  const words = days.map((d) => formatNumber(d));
  if (words.length === 1) return `Day ${words[0]}`;
  return `Days ${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function renderSchedule(s: A.Schedule): string {
  const parts: string[] = [];
  if (s.days.length > 0) parts.push(`on ${listDays(s.days.map((d) => d.value))}`);
  if (s.from) parts.push(`from Day ${formatNumber(s.from.value)}`);
  if (s.to) parts.push(`to Day ${formatNumber(s.to.value)}`);
  if (s.for) parts.push(`for ${renderQuantity(s.for)}`);
  return parts.join(' ');
}

export function renderCondition(c: A.Condition, measures?: MeasureLabels): string {
  const label = inSentence(labelOf(measures, c.measure.value));
  if (c.comparator && c.threshold) return `if the ${label} is ${COMPARATOR_WORDS[c.comparator.value]} ${renderQuantity(c.threshold)}`;
  return `depending on the ${label}`;
}

/** One dose line as a phrase (no final full stop). */
export function renderDose(dose: A.DoseStmt, measures?: MeasureLabels): string {
  const parts = [renderDoseAmount(dose)];
  if (dose.route) parts.push(ROUTE_PHRASES[dose.route.value] ?? dose.route.value);
  if (dose.divided) parts.push(`in ${formatNumber(dose.divided.value)} divided doses`);
  if (dose.frequency) parts.push(renderFrequency(dose.frequency));
  if (dose.infusion) parts.push(`over ${renderQuantity(dose.infusion)}`);
  if (dose.schedule) {
    const s = renderSchedule(dose.schedule);
    if (s) parts.push(s);
  }
  if (dose.condition) parts.push(renderCondition(dose.condition, measures));
  return parts.join(' ');
}

/** The non-dose dosing statements of an intervention (adjust, taper, stop, max dose, basis). */
export function renderModifier(stmt: A.InterventionStatement, measures?: MeasureLabels): string | undefined {
  switch (stmt.kind) {
    case 'Adjust': {
      const label = inSentence(labelOf(measures, stmt.measure.value));
      return stmt.target ? `adjusted to a ${label} of ${renderAmount(stmt.target)}` : `adjusted to the ${label}`;
    }
    case 'Taper':
      return `tapered after ${renderQuantity(stmt.after)}${stmt.over ? ` over ${renderQuantity(stmt.over)}` : ''}`;
    case 'Stop':
      return `stopped after ${renderQuantity(stmt.after)}`;
    case 'MaxDose':
      return stmt.cumulative ? `maximum cumulative dose ${renderQuantity(stmt.amount)}` : `maximum single dose ${renderQuantity(stmt.amount)}`;
    case 'Basis':
      return `${stmt.basis.value === 'weight' ? 'per-kg doses calculated on' : 'per-m² doses calculated on'} ${stmt.text.value}`;
    default:
      return undefined;
  }
}

/** Phrases joined with "; ", capitalised, with a final full stop; "" when there are none. */
export function sentence(phrases: string[]): string {
  const body = phrases.filter((p) => p.length > 0).join('; ');
  if (!body) return '';
  return body.endsWith('.') ? body : `${body}.`;
}

/**
 * The dosing paragraph of an intervention: its doses (or `doses` given, e.g. an arm's override),
 * then adjust / taper / stop / maximum dose / basis in the order written.
 */
export function renderDosing(intervention: A.InterventionBlock, measures?: MeasureLabels, doses?: A.DoseStmt[]): string {
  const phrases: string[] = [];
  const own = intervention.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose');
  for (const d of doses ?? own) phrases.push(renderDose(d, measures));
  for (const s of intervention.statements) {
    const m = renderModifier(s, measures);
    if (m) phrases.push(m);
  }
  return sentence(phrases);
}

/** Free description and rendered dosing, as one registry text (a blank line between them). */
export function joinParagraphs(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim().length > 0).join('\n\n');
}
