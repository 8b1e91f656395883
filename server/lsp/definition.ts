/** Go to definition: from a reference (or a declaration) to the declaration's name. */
import type { Location } from 'vscode-languageserver/node';
import { symbolAt } from '../model';
import { toRange } from './convert';
import type { Analysis } from './workspace';

export function definition(analysis: Analysis, offset: number): Location[] {
  const symbol = symbolAt(analysis.model, offset);
  if (!symbol?.declaration) return [];
  return [{ uri: analysis.uri, range: toRange(symbol.declaration.nameRange) }];
}
