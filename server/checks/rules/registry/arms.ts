/** Shared: the registry arm type of an arm. */
import type * as A from '../../../../grammar/ast';
import { registryValue, wordsField } from '../../../model';

export function armType(arm: A.ArmBlock): string | undefined {
  const w = wordsField(arm, 'armType')?.words.value;
  return w ? registryValue(w, 'ArmGroupType') : undefined;
}
