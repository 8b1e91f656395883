/**
 * Semantic tokens fill in what the TextMate grammar cannot know: which identifier is a measure,
 * an intervention, an arm or a visit (declarations and references), which words are registry
 * values, and units. Standard token types only, so every theme colours them without a
 * `semanticTokenTypes` contribution.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import type { Analysis } from './workspace';

export const TOKEN_TYPES = ['variable', 'function', 'class', 'event', 'enumMember', 'type'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const KIND_TYPE: Record<string, number> = { measure: 0, intervention: 1, arm: 2, visit: 3 };
const ENUM_MEMBER = 4;
const UNIT = 5;

interface Entry {
  range: A.Range;
  type: number;
  modifiers: number;
}

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const entries: Entry[] = [];
  const { model } = analysis;
  for (const d of model.declarations) entries.push({ range: d.nameRange, type: KIND_TYPE[d.kind], modifiers: 1 });
  for (const r of model.symbolReferences) entries.push({ range: r.range, type: KIND_TYPE[r.kind], modifiers: 0 });
  const words = (x: A.Located<string> | undefined): void => void (x && entries.push({ range: x.range, type: ENUM_MEMBER, modifiers: 2 }));
  const unit = (x: { unit: A.Located<string> } | undefined): void => void (x && entries.push({ range: x.unit.range, type: UNIT, modifiers: 0 }));
  const dose = (s: A.DoseStmt): void => {
    unit(s.amount);
    if (s.frequency?.kind === 'every') unit(s.frequency.interval);
    unit(s.schedule?.for);
    unit(s.condition?.threshold);
  };
  for (const item of analysis.parse.ast.items) {
    if (item.kind === 'MeasureDecl' && item.unit) entries.push({ range: item.unit.range, type: UNIT, modifiers: 0 });
    if (item.kind === 'SiteDecl') {
      words(item.status);
      for (const c of item.contacts) words(c.role);
    }
    if (item.kind === 'ReferenceDecl') words(item.refType);
    if (!('statements' in item)) continue;
    const statements = (item.statements as A.Statement[]).flatMap((s): A.Statement[] => (s.kind === 'Population' ? [s, ...s.statements] : [s]));
    for (const s of statements) {
      switch (s.kind) {
        case 'Words': words(s.words); break;
        case 'Model': words(s.model); break;
        case 'Masking': words(s.level); s.roles.forEach(words); break;
        case 'Sponsor': words(s.agencyClass); break;
        case 'ResponsibleParty': words(s.partyType); break;
        case 'Official': words(s.role); break;
        case 'Contact': words(s.role); break;
        case 'SecondaryId': words(s.idType); break;
        case 'Dose': dose(s); break;
        case 'Receives': s.doses.forEach(dose); break;
        case 'Adjust': unit(s.target); break;
        case 'Taper': unit(s.after); unit(s.over); break;
        case 'Stop': unit(s.after); break;
        case 'MaxDose': unit(s.amount); break;
        case 'Duration': unit(s.duration); break;
        case 'Age': unit(s.min); unit(s.max); break;
        case 'Criterion': unit(s.threshold); break;
      }
    }
  }
  entries.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const e of entries) {
    if (e.range.start.offset < lastEnd) continue; // no overlaps
    const { start, end } = e.range;
    // Names, units and registry words never span lines; anything else is not highlighted.
    if (end.line !== start.line) continue;
    builder.push(start.line, start.character, end.character - start.character, e.type, e.modifiers);
    lastEnd = end.offset;
  }
  return builder.build();
}
