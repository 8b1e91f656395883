/**
 * A primary outcome measured at several time points. QC guidance: "primary outcome time frame = one
 * time point unless a change between two points" (registry-format.md §7a); SPIRIT 2025 asks for the
 * time point of the primary outcome (beyond-registry.md §6). Two points are fine for a change
 * ("Change from baseline …", "difference between …"); three or more, or two for an outcome that is
 * not a change, make the primary analysis ambiguous (warning: the registry accepts it).
 */
import { statementsOf, textField } from '../../../model';
import { itemRule } from '../../types';

const CHANGE = /\b(change|changes|difference|reduction|increase|decrease|improvement|from baseline|between|slope|rate of|AUC|area under)\b/i;

export const primaryOutcomeTimePoints = itemRule({
  code: 'primary-outcome-time-points',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'A primary outcome has several time points (more than the two of a change).' },
  kinds: ['OutcomeBlock'],
  checkItem(o, _model, report, ctx) {
    if (o.level.value !== 'primary') return;
    const points = statementsOf(o, 'TimeFrame').flatMap((tf) => tf.points);
    if (points.length < 2) return;
    ctx.at(points[0]!.range);
    const change = CHANGE.test(o.title.value) || CHANGE.test(textField(o, 'description')?.text.value ?? '');
    if (points.length === 2 && change) return;
    const range = { start: points[0]!.range.start, end: points[points.length - 1]!.range.end };
    report(range, `this primary outcome has ${points.length} time points: a primary outcome is measured at one time point (or two, for a change between them). Make one the primary time point and the others secondary outcomes`, { points: points.length });
  },
});
