/**
 * A start, primary completion, completion or record verification date that is not a real calendar date (`2021-02-30`,
 * `2021-13`). The registry's date format (registry-format.md §4, OAS205 PartialDate) is checked by
 * the same function the export schema uses, so `trial check` reports what `trial export` refuses.
 */
import { isPlaceholderWord } from '../../../../grammar/placeholder';
import { DATE_FIELD_NAMES as NAMES, statementsOf } from '../../../model';
import { describeDateProblem } from '../../../registry/formats';
import { itemRule } from '../../types';


export const dateInvalid = itemRule({
  code: 'date-invalid',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'A date is not a real calendar date (`2021-02-30`, month 13).' },
  kinds: ['TrialBlock'],
  checkItem(trial, _model, report, ctx) {
    for (const d of statementsOf(trial, 'Date')) {
      ctx.at(d.date.range);
      if (isPlaceholderWord(d.date.value)) continue; // placeholder-value
      const problem = describeDateProblem(d.date.value, 'partial');
      if (problem) report(d.date.range, `the ${NAMES[d.field]} ${problem}`, { field: d.field });
    }
    for (const v of statementsOf(trial, 'Verified')) {
      ctx.at(v.date.range);
      if (isPlaceholderWord(v.date.value)) continue;
      const problem = describeDateProblem(v.date.value, 'partial');
      if (problem) report(v.date.range, `the record verification date ${problem}`, { field: 'verified' });
    }
  },
});
