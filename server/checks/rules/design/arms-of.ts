/** What the design rules share: the arms of the protocol and the registry words of the design. */
import type * as A from '../../../../grammar/ast';
import { registryValue, statementsOf, wordsField, type TrialModel } from '../../../model';

/** The design's model statement with its registry value (`SINGLE_GROUP` …). */
export function designModel(model: TrialModel): { stmt: A.ModelStmt; value: string } | undefined {
  const stmt = statementsOf(model.design, 'Model')[0];
  const value = stmt ? registryValue(stmt.model.value, 'InterventionalAssignment') : undefined;
  return stmt && value ? { stmt, value } : undefined;
}

export function designAllocation(model: TrialModel): { stmt: A.WordsStmt; value: string } | undefined {
  const stmt = wordsField(model.design, 'allocation');
  const value = stmt ? registryValue(stmt.words.value, 'DesignAllocation') : undefined;
  return stmt && value ? { stmt, value } : undefined;
}

/** True for an interventional study (or one whose type is not written: the language's default use). */
export function isInterventional(model: TrialModel): boolean {
  const w = wordsField(model.trial, 'studyType')?.words.value;
  return !w || registryValue(w, 'StudyType') === 'INTERVENTIONAL';
}

export function armType(arm: A.ArmBlock): string | undefined {
  const w = wordsField(arm, 'armType')?.words.value;
  return w ? registryValue(w, 'ArmGroupType') : undefined;
}
