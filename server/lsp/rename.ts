/**
 * Rename a measure, intervention, arm or visit everywhere it is named. Refuses (with a message the
 * editor shows) a position that is not a name, a new name that is not an identifier or is a
 * keyword, and a new name already declared for the same kind of thing.
 */
import { ResponseError, ErrorCodes, type Range, type WorkspaceEdit, type TextEdit } from 'vscode-languageserver/node';
import { occurrencesOf, symbolAt } from '../model';
import { toRange } from './convert';
import { KEYWORD_SET } from './keywords';
import type { Analysis } from './workspace';

export class RenameRefusal extends ResponseError<void> {
  constructor(message: string) {
    super(ErrorCodes.InvalidRequest, message);
  }
}

export function prepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } {
  const symbol = symbolAt(analysis.model, offset);
  if (!symbol) throw new RenameRefusal('Only the names of measures, interventions, arms and visits can be renamed.');
  return { range: toRange(symbol.range), placeholder: symbol.name };
}

export function renameProblem(analysis: Analysis, kind: string, oldName: string, newName: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return `"${newName}" is not a name: use letters, digits and _ (not starting with a digit).`;
  if (KEYWORD_SET.has(newName.toLowerCase())) return `"${newName}" is a keyword of the language and cannot name ${kind === 'intervention' ? 'an' : 'a'} ${kind}.`;
  if (newName !== oldName && analysis.model.declarations.some((d) => d.kind === kind && d.name === newName)) {
    return `There is already ${kind === 'intervention' ? 'an' : 'a'} ${kind} named "${newName}".`;
  }
  return undefined;
}

export function rename(analysis: Analysis, offset: number, newName: string): WorkspaceEdit {
  const symbol = symbolAt(analysis.model, offset);
  if (!symbol) throw new RenameRefusal('Only the names of measures, interventions, arms and visits can be renamed.');
  const problem = renameProblem(analysis, symbol.kind, symbol.name, newName);
  if (problem) throw new RenameRefusal(problem);
  const { declarations, references } = occurrencesOf(analysis.model, symbol.kind, symbol.name);
  const edits: TextEdit[] = [...declarations, ...references].map((r) => ({ range: toRange(r), newText: newName }));
  return { changes: { [analysis.uri]: edits } };
}
