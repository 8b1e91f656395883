/**
 * An outcome with no time frame (neither `at …` nor `time frame "…"`). The registry's outcome data
 * element has a time frame, which QC review requires to be specific (registry-format.md §7a, QC:
 * "Outcome time frames must be specific"; SPIRIT 2025 outcomes item: "time point", beyond-registry.md
 * §6). A warning: the PRS XML schema makes the time frame optional (registry-format.md §6), so the
 * registry accepts the record, but its definitions and review ask for one. Old records registered
 * before time frames were asked for lack them.
 */
import { statementsOf, textField } from '../../../model';
import { insertInBlock } from '../../util';
import { itemRule } from '../../types';

export const outcomeTimeFrameMissing = itemRule({
  code: 'outcome-time-frame-missing',
  group: 'schedule',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'An outcome has no time frame (`at month 12` or `time frame "…"`).' },
  kinds: ['OutcomeBlock'],
  checkItem(o, _model, report, ctx) {
    ctx.at(o.range);
    if (statementsOf(o, 'TimeFrame').length > 0 || textField(o, 'timeFrameText')?.text.value.trim()) return;
    const why = o.level.value === 'primary' ? ': the primary analysis needs its time point' : '';
    report(o.title.range, `this ${o.level.value} outcome has no time frame${why}; say when it is measured (\`at month 12\`, or \`time frame "…"\`)`, {
      fixes: [{ title: "Add 'time frame \"…\"'", edits: [insertInBlock(ctx.source, ctx.lines, o, 'time frame "TODO"')], isPreferred: true }],
    });
  },
});
