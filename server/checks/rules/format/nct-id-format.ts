/**
 * An NCT number that is not `NCT` and 8 digits (registry-format.md §4; OAS205 `nct`). Same pattern
 * as the export schema. The quick fix writes an obviously meant id in the registry's form
 * (`nct04743739`, `NCT 04743739` are not possible as one word, so: case only).
 */
import { statementsOf } from '../../../model';
import { NCT_ID_PATTERN } from '../../../registry/formats';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

export const nctIdFormat = itemRule({
  code: 'nct-id-format',
  group: 'registry',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'The NCT number is not "NCT" followed by 8 digits.' },
  kinds: ['TrialBlock'],
  checkItem(trial, _model, report, ctx) {
    for (const s of statementsOf(trial, 'NctId')) {
      ctx.at(s.id.range);
      if (NCT_ID_PATTERN.test(s.id.value)) continue;
      const upper = s.id.value.toUpperCase();
      const fixes = NCT_ID_PATTERN.test(upper) ? [replaceFix(`Write '${upper}'`, s.id.range, upper)] : [];
      report(s.id.range, `'${s.id.value}' is not an NCT number: it is "NCT" followed by 8 digits, e.g. NCT04743739 (leave \`nct id\` out until the registry assigns one)`, { fixes });
    }
  },
});
