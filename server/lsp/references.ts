/** Find references: every place a measure, intervention, arm or visit is named. */
import type { Location } from 'vscode-languageserver/node';
import { occurrencesOf, symbolAt } from '../model';
import { toRange } from './convert';
import type { Analysis } from './workspace';

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(analysis.model, offset);
  if (!symbol) return [];
  const { declarations, references: refs } = occurrencesOf(analysis.model, symbol.kind, symbol.name);
  const ranges = [...(includeDeclaration ? declarations : []), ...refs].sort((a, b) => a.start.offset - b.start.offset);
  return ranges.map((r) => ({ uri: analysis.uri, range: toRange(r) }));
}
