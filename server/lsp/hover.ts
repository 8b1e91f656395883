/**
 * Hover: a unit (UCUM name and dimension), a registry word (what the value means for the registry),
 * an identifier (its declaration), a dose (the registry text it renders to), a study day (also as
 * week and month), a kept wording (`as "…"`: whether the export writes it), a multiple of a normal limit
 * (`2.5 x ULN`) or a range threshold, and a keyword (one line of documentation). Every piece of document text goes
 * through `mdText`/`mdCode` (markdown.ts): the writer's labels are shown as written, never as Markdown.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { IToken } from 'chevrotain';
import type * as A from '../../grammar/ast';
import { FREQUENCIES, ROUTES } from '../../grammar/vocabulary';
import { registryWordPlaces } from './registry-word-places';
import { armsReceiving, dosesOf, phaseValue, registryValue, symbolAt, textField, wordsField, type TrialModel } from '../model';
import { enumMeaning, type EnumName } from '../registry/enums';
import { describeUnit } from '../units';
import { measureLabels, renderCriterion, renderDose, renderDosing } from '../wording';
import { criterionWordingAgrees, doseWordingAgrees, interventionNames } from '../import/extract/agree';
import { toRange } from './convert';
import { keywordDoc } from './keywords';
import { mdCode, mdText } from './markdown';
import { inside, statementAt, tokenAt, type AnyStatement } from './nodes';
import type { Analysis } from './workspace';

export function hover(analysis: Analysis, offset: number): Hover | null {
  const { parse, model } = analysis;
  const token = tokenAt(parse.tokens, offset);
  if (!token || token.tokenType.name === 'Newline') return null;
  const tokenRange = parse.lines.range(token.startOffset, token.startOffset + token.image.length);
  const { item, statement } = statementAt(parse.ast, offset);
  const md = (value: string, range: A.Range = tokenRange): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: toRange(range) });

  // 1. Identifiers (declarations and references).
  const symbol = symbolAt(model, offset);
  if (symbol) return md(describeSymbol(model, symbol.kind, symbol.name), symbol.range);

  // 2. Units.
  const unit = unitAt(item, statement, offset);
  if (unit) {
    const d = describeUnit(unit.value);
    if (d) return md(`**${mdText(unit.value)}** — ${mdText(d.name)}${d.dimension?.label ? `\n\n${capitalise(d.dimension.label)}` : ''}${d.code !== unit.value ? `\n\nUCUM code ${mdCode(d.code)}` : ''}`, unit.range);
    const word = keywordDoc(unit.value);
    if (word) return md(`**${mdText(unit.value)}** — ${word}`, unit.range);
    return md(`**${mdText(unit.value)}** — not a unit UCUM knows.`, unit.range);
  }

  // 3. Registry words.
  const registry = registryWordAt(item, statement, offset);
  if (registry) return md(registry.text, registry.range);

  // 4. Study days and calendar points.
  const day = dayAt(statement, offset);
  if (day) return md(day.text, day.range);

  // 5. Kept wordings (`as "…"`), multiples of a normal limit, ranges.
  const kept = keptWordingAt(model, item, statement, offset, token);
  if (kept) return md(kept.text, kept.range);
  if (statement?.kind === 'Criterion') {
    const limit = normalLimitText(model, statement, offset);
    if (limit) return md(limit.text, limit.range);
  }

  // 6. Routes and frequencies in a dose.
  if (statement?.kind === 'Dose') {
    if (statement.route && inside(statement.route.range, offset)) return md(`**${mdText(token.image)}** — route: ${mdText(ROUTES[statement.route.value]?.name ?? statement.route.value)}\n\n${doseText(model, statement)}`, statement.route.range);
    if (statement.frequency && inside(statement.frequency.range, offset) && statement.frequency.kind === 'named') {
      const code = statement.frequency.code;
      const f = FREQUENCIES[code as keyof typeof FREQUENCIES];
      const name = f?.name ?? (/^q(\d+)h$/.exec(code) ? `every ${/^q(\d+)h$/.exec(code)![1]} hours` : code);
      return md(`**${mdText(token.image)}** — frequency: ${mdText(name)}\n\n${doseText(model, statement)}`, statement.frequency.range);
    }
  }

  // 7. Keywords; on a dose line the dose's registry text.
  if (token.tokenType.name.startsWith('Kw')) {
    const doc = keywordDoc(token.image) ?? '';
    if (statement?.kind === 'Dose') return md(`${doc ? `${mdCode(token.image.toLowerCase())} — ${doc}\n\n---\n\n` : ''}${doseText(model, statement)}`);
    return doc ? md(`${mdCode(token.image.toLowerCase())} — ${doc}`) : null;
  }
  if (statement?.kind === 'Dose') return md(doseText(model, statement));
  return null;
}

// --- kept wordings, normal limits, ranges -------------------------------------------------------------

/** The intervention whose names a dose's sentence may use: the block's own, or the one an arm's `receives` gives. */
function doseOwner(model: TrialModel, item: A.TopItem | undefined, dose: A.DoseStmt): A.InterventionBlock | undefined {
  if (item?.kind === 'InterventionBlock') return item;
  if (item?.kind !== 'ArmBlock') return undefined;
  const r = item.statements.find((s): s is A.ReceivesStmt => s.kind === 'Receives' && s.doses.includes(dose));
  return r ? model.interventions.get(r.intervention.value) : undefined;
}

/** `as "…"` (the keyword or the sentence): what the export writes, the sentence or the structure. */
function keptWordingAt(model: TrialModel, item: A.TopItem | undefined, s: AnyStatement | undefined, offset: number, token: IToken): { text: string; range: A.Range } | undefined {
  if ((s?.kind !== 'Dose' && s?.kind !== 'Criterion') || !s.wording) return undefined;
  const w = s.wording;
  // The `as` keyword of a statement is its wording's (a note's words are inside a text token).
  const onKeyword = token.tokenType.name === 'KwAs' && token.startOffset < w.range.start.offset;
  if (!inside(w.range, offset) && !onKeyword) return undefined;
  const head = `**Kept wording** — the sentence this ${s.kind === 'Dose' ? 'dose' : 'criterion'} was written as in the registry record (\`trial import\` keeps it, so an unedited file exports the record's own words).`;
  let agrees: boolean;
  let rendered: string;
  if (s.kind === 'Dose') {
    const owner = doseOwner(model, item, s);
    agrees = doseWordingAgrees(s, owner ? interventionNames(owner) : []);
    rendered = renderDose(s, measureLabels(model));
  } else {
    const labels = measureLabels(model);
    agrees = criterionWordingAgrees(s, s.measure ? model.measures.get(s.measure.value)?.label.value : undefined);
    rendered = renderCriterion({ ...s, wording: undefined } as A.CriterionStmt, labels);
  }
  const now = agrees
    ? `It still says the structure next to it, so the export writes it as it is.`
    : s.kind === 'Criterion' && s.note
      ? `A criterion with a note is exported from its structure: *${mdText(rendered)}*.`
      : `It no longer says the structure next to it (the structure was edited), so the export writes the structure instead: *${mdText(rendered)}*.`;
  return { text: `${head}\n\n${now}`, range: w.range };
}

/** `2.5 x ULN` (upper limit of normal) or a range `7.0 to 10.5 %`. */
function normalLimitText(model: TrialModel, c: A.CriterionStmt, offset: number): { text: string; range: A.Range } | undefined {
  const label = mdText((c.measure ? model.measures.get(c.measure.value)?.label.value : undefined) ?? c.measure?.value ?? 'the measure');
  if (c.limit && inside(c.limit.range, offset)) {
    const upper = c.limit.of.value === 'ULN';
    const which = upper ? 'upper limit of normal (ULN)' : 'lower limit of normal (LLN)';
    return {
      text: `**${c.limit.multiple.value} × ${c.limit.of.value}** — ${c.limit.multiple.value} times the ${which} of ${label}: the ${upper ? 'top' : 'bottom'} of the reference range of the laboratory that measures it (it differs between laboratories, sexes and ages, so the criterion is a multiple, not an amount). The multiple has no unit, so no unit check applies.`,
      range: c.limit.range,
    };
  }
  if (c.low && c.threshold && offset >= c.low.range.start.offset && offset <= c.threshold.range.end.offset) {
    return {
      text: `**Range** — ${label} from ${c.low.written ?? c.low.value} to ${c.threshold.value.written ?? c.threshold.value.value} ${c.threshold.unit.value}, both ends included. The eligibility checks compare it with the other criteria on ${label} through UCUM.`,
      range: { start: c.low.range.start, end: c.threshold.range.end },
    };
  }
  return undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- identifiers -------------------------------------------------------------------------------------

export function describeSymbol(model: TrialModel, kind: string, name: string): string {
  switch (kind) {
    case 'measure': {
      const m = model.measures.get(name);
      if (!m) return `**${mdText(name)}** — measure (not declared)`;
      const d = m.unit ? describeUnit(m.unit.value) : null;
      return `**measure ${mdText(name)}** — ${mdText(m.label.value)}${m.unit ? `\n\nUnit: ${mdCode(m.unit.value)}${d ? ` (${mdText(d.name)})` : ''}` : ''}`;
    }
    case 'intervention': {
      const i = model.interventions.get(name);
      if (!i) return `**${mdText(name)}** — intervention (not declared)`;
      const display = textField(i, 'name')?.text.value;
      const type = wordsField(i, 'interventionType')?.words.value;
      const doses = dosesOf(i).map((d) => `- ${doseText(model, d, i)}`);
      const arms = armsReceiving(model, name).map((a) => mdText(a.id.value));
      const rules = interventionRules(i);
      return [
        `**intervention ${mdText(name)}**${display ? ` — ${mdText(display)}` : ''}${type ? ` (${mdText(type)})` : ''}`,
        doses.length ? `\n${doses.join('\n')}` : '',
        rules.length ? `\n${rules.map((r) => `- ${r}`).join('\n')}` : '',
        arms.length ? `\nReceived by: ${arms.join(', ')}` : '',
      ].join('\n');
    }
    case 'arm': {
      const a = model.arms.get(name);
      if (!a) return `**${mdText(name)}** — arm (not declared)`;
      const label = textField(a, 'label')?.text.value;
      const type = wordsField(a, 'armType')?.words.value;
      const receives = a.statements.filter((s): s is A.ReceivesStmt => s.kind === 'Receives').map((r) => mdText(r.intervention.value));
      return `**arm ${mdText(name)}**${label ? ` — ${mdText(label)}` : ''}${type ? ` (${mdText(type)})` : ''}${receives.length ? `\n\nReceives: ${receives.join(', ')}` : ''}`;
    }
    case 'visit': {
      const v = model.visits.get(name);
      if (!v) return `**${mdText(name)}** — visit (not declared)`;
      return `**visit ${mdText(name)}** at ${mdText(v.at.unit.value)} ${mdText(v.at.value.value)}\n\n${calendarText(v.at.unit.value, v.at.value.value)}`;
    }
  }
  return mdText(name);
}

/** What an intervention says about its doses besides the doses: adjustment, taper, stop, cap, basis. */
function interventionRules(i: A.InterventionBlock): string[] {
  const q = (x: A.Quantity) => mdText(`${x.value.value} ${x.unit.value}`);
  const out: string[] = [];
  for (const st of i.statements) {
    switch (st.kind) {
      case 'Adjust': out.push(`Adjusted by **${mdText(st.measure.value)}**${st.target ? `, target ${mdText(`${st.target.low ? `${st.target.low.value} to ` : ''}${st.target.value.value} ${st.target.unit.value}`)}` : ''}`); break;
      case 'Taper': out.push(`Tapered after ${q(st.after)}${st.over ? ` over ${q(st.over)}` : ''}`); break;
      case 'Stop': out.push(`Stopped after ${q(st.after)}`); break;
      case 'MaxDose': out.push(`At most ${q(st.amount)} per administration`); break;
      case 'Basis': out.push(`Per-${st.basis.value === 'weight' ? 'kg' : 'm²'} doses computed from: ${mdText(st.text.value)}`); break;
    }
  }
  return out;
}

// --- units ---------------------------------------------------------------------------------------------

function unitAt(item: A.TopItem | undefined, statement: AnyStatement | undefined, offset: number): A.Located<string> | undefined {
  const candidates: (A.Located<string> | undefined)[] = [];
  const q = (x: { unit: A.Located<string> } | undefined): void => void candidates.push(x?.unit);
  if (item?.kind === 'MeasureDecl') candidates.push(item.unit);
  switch (statement?.kind) {
    case 'Dose':
      q(statement.amount);
      if (statement.frequency?.kind === 'every') q(statement.frequency.interval);
      q(statement.schedule?.for);
      q(statement.condition?.threshold);
      break;
    case 'Adjust': q(statement.target); break;
    case 'Taper': q(statement.after); q(statement.over); break;
    case 'Stop': q(statement.after); break;
    case 'MaxDose': q(statement.amount); break;
    case 'Duration': q(statement.duration); break;
    case 'Age': q(statement.min); q(statement.max); break;
    case 'Criterion': q(statement.threshold); break;
  }
  return candidates.find((c) => c && inside(c.range, offset));
}

// --- registry words -----------------------------------------------------------------------------------

function registryText(written: A.Located<string>, ...enums: EnumName[]): { text: string; range: A.Range } {
  for (const name of enums) {
    const value = registryValue(written.value, name);
    if (value) {
      return { text: `**${mdText(written.value)}** = ${mdCode(value)} (${name})\n\n${enumMeaning(name, value) ?? ''}`, range: written.range };
    }
  }
  return { text: `**${mdText(written.value)}** is not a value of ${enums.join(' or ')}.`, range: written.range };
}

function registryWordAt(item: A.TopItem | undefined, s: AnyStatement | undefined, offset: number): { text: string; range: A.Range } | undefined {
  const at = (x: A.Located<string> | undefined): x is A.Located<string> => !!x && inside(x.range, offset);
  if (s?.kind === 'Words' && s.field === 'healthyVolunteers' && at(s.words)) {
    return { text: `**${mdText(s.words.value)}** — healthy volunteers ${/^y/i.test(s.words.value) ? 'may' : 'may not'} take part (\`healthyVolunteers\`: ${/^y/i.test(s.words.value)}).`, range: s.words.range };
  }
  if (s?.kind === 'Phase') {
    const p = s.phases.find(at);
    if (!p) return undefined;
    const value = phaseValue(p.value);
    return { text: value ? `**phase ${mdText(p.value)}** = ${mdCode(value)} (Phase)\n\n${enumMeaning('Phase', value) ?? ''}` : `**${mdText(p.value)}** is not a phase.`, range: p.range };
  }
  const place = [...registryWordPlaces(item, undefined), ...registryWordPlaces(item, s)].find((x) => at(x.written));
  return place ? registryText(place.written, ...place.enums) : undefined;
}

// --- days ------------------------------------------------------------------------------------------------

const DAYS_PER_MONTH = 365.25 / 12;

/** "Day 181 = week 26, month 6 (180 days after day 1)". Day 1 is the first day of treatment. */
export function dayText(day: number): string {
  if (day < 1) return `Day ${day}: study days start at day 1 (the first day of treatment).`;
  const week = Math.floor((day - 1) / 7) + 1;
  const month = Math.floor((day - 1) / DAYS_PER_MONTH) + 1;
  const after = day - 1;
  return `Day ${day} = week ${week}, month ${month} (${after} day${after === 1 ? '' : 's'} after day 1)`;
}

function calendarText(unit: string, value: number): string {
  switch (unit) {
    case 'day': return dayText(value);
    case 'week': return `Week ${value} = days ${(value - 1) * 7 + 1}–${value * 7}`;
    case 'month': return `Month ${value} ≈ days ${Math.floor((value - 1) * DAYS_PER_MONTH) + 1}–${Math.floor(value * DAYS_PER_MONTH)}`;
    case 'year': return `Year ${value} = months ${(value - 1) * 12 + 1}–${value * 12}`;
  }
  return '';
}

function dayAt(s: AnyStatement | undefined, offset: number): { text: string; range: A.Range } | undefined {
  if (!s) return undefined;
  const point = (p: A.TimePoint): { text: string; range: A.Range } | undefined =>
    inside(p.range, offset) ? { text: calendarText(p.unit.value, p.value.value), range: p.range } : undefined;
  if (s.kind === 'Dose' && s.schedule) {
    const days = [...s.schedule.days, ...(s.schedule.from ? [s.schedule.from] : []), ...(s.schedule.to ? [s.schedule.to] : [])];
    const d = days.find((x) => inside(x.range, offset));
    if (d) return { text: dayText(d.value), range: d.range };
  }
  if (s.kind === 'TimeFrame') for (const p of s.points) { const r = point(p); if (r) return r; }
  if (s.kind === 'Visit') return point(s.at);
  return undefined;
}

// --- doses ------------------------------------------------------------------------------------------------

/** The registry text a dose renders to (server/wording/render-dosing), with the intervention's dosing paragraph. */
export function doseText(model: TrialModel, dose: A.DoseStmt, intervention?: A.InterventionBlock): string {
  try {
    const labels = measureLabels(model);
    const phrase = renderDose(dose, labels);
    const owner = intervention ?? [...model.interventions.values()].find((i) => i.statements.includes(dose));
    const paragraph = owner ? renderDosing(owner, labels) : '';
    return `Registry text: *${mdText(phrase)}*${paragraph && intervention === undefined ? `\n\nThe intervention's dosing in the record: ${mdText(paragraph)}` : ''}`;
  } catch {
    return `Dose: ${mdText(localDoseText(dose))}`;
  }
}

export function localDoseText(dose: A.DoseStmt): string {
  const parts: string[] = [];
  const a = dose.amount;
  parts.push(a ? `${a.low ? `${a.low.value} to ` : ''}${a.value.value} ${a.unit.value}` : dose.amountText?.value ?? '');
  if (dose.route) parts.push(ROUTES[dose.route.value]?.name ?? dose.route.value);
  if (dose.divided) parts.push(`in ${dose.divided.value} divided doses`);
  if (dose.frequency?.kind === 'named') {
    const code = dose.frequency.code;
    const hourly = /^q(\d+)h$/.exec(code);
    parts.push(hourly ? `every ${hourly[1]} hours` : FREQUENCIES[code as keyof typeof FREQUENCIES]?.name ?? code);
  }
  if (dose.frequency?.kind === 'every') parts.push(`every ${dose.frequency.interval.value.value} ${dose.frequency.interval.unit.value}`);
  const s = dose.schedule;
  if (s?.days.length) {
    const days = s.days.map((d) => d.value);
    parts.push(`on day${days.length > 1 ? 's' : ''} ${days.length > 1 ? days.slice(0, -1).join(', ') + ' and ' + days[days.length - 1] : days[0]}`);
  }
  if (s?.from) parts.push(`from day ${s.from.value}`);
  if (s?.to) parts.push(`to day ${s.to.value}`);
  if (s?.for) parts.push(`for ${s.for.value.value} ${s.for.unit.value}`);
  const c = dose.condition;
  if (c) parts.push(c.comparator && c.threshold ? `if ${c.measure.value} ${c.comparator.value} ${c.threshold.value.value} ${c.threshold.unit.value}` : `depending on ${c.measure.value}`);
  return parts.join(' ');
}
