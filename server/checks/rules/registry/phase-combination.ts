/**
 * Two phases the registry cannot record together. A study is in one phase, or in one of the two
 * combined phases "Phase 1/Phase 2" and "Phase 2/Phase 3" (PRSXSD `phase`: `Early Phase 1 |
 * Phase [1,1/2,2,2/3,3,4] | N/A`; in API v2 the pairs PHASE1+PHASE2 and PHASE2+PHASE3,
 * registry-format.md §6). `phase 1/3`, `phase 3/4` or three phases cannot be uploaded.
 */
import { phaseValue, statementsOf } from '../../../model';
import { itemRule } from '../../types';

const PAIRS = new Set(['PHASE1+PHASE2', 'PHASE2+PHASE3']);

export const phaseCombination = itemRule({
  code: 'phase-combination',
  group: 'registry',
  defaultSeverity: 'error',
  doc: { summary: 'The phases cannot be combined: the registry records one phase, `1/2` or `2/3`.' },
  kinds: ['TrialBlock'],
  checkItem(trial, _model, report, ctx) {
    for (const s of statementsOf(trial, 'Phase')) {
      ctx.at(s.range);
      if (s.phases.length < 2) continue;
      const values = s.phases.map((p) => phaseValue(p.value));
      if (values.some((v) => v === undefined)) continue; // word-unknown
      const sorted = [...new Set(values)].sort();
      if (sorted.length === 2 && PAIRS.has(sorted.join('+'))) continue;
      const range = { start: s.phases[0]!.range.start, end: s.phases[s.phases.length - 1]!.range.end };
      const written = s.phases.map((p) => p.value).join('/');
      report(range, `the registry cannot record phase ${written}: a study is in one phase, or in phase 1/2 or 2/3; give the phase it is in now`, {});
    }
  },
});
