/**
 * A placebo that is not given like the treatment it stands for, in a study that masks the
 * participants: the placebo comparator arm receives a placebo where an experimental arm receives
 * the treatment, and the two differ in route, in the study days they are given on, or in how
 * many times a day. A participant who takes a tablet twice a day, or gets an infusion every two
 * weeks instead of four, can tell which arm they are in: the masking the design states does not
 * hold (SPIRIT 2025 item on blinding, beyond-registry.md §6; the registry's masking definitions,
 * registry-format.md §3). Double-dummy designs, where each arm gets one active and one placebo,
 * have no placebo comparator arm and are not compared.
 *
 * Compared only when certain: exactly one intervention differs between the two arms on each side,
 * the side of the placebo arm looks like a placebo, both are written with a structured schedule,
 * and doses with a condition (`if …`, `depending on …`) are left out on both sides. Days are
 * compared over the dosing (at most ten years), as the calendar gives them.
 */
import type * as A from '../../../../grammar/ast';
import { armInterventions, statementsOf, type TrialModel } from '../../../model';
import { intervalDays } from '../../../model/dose-days';
import { doseSpan, receivedInterventions } from '../../facts';
import { itemRule } from '../../types';
import { armType } from './arms-of';
import { looksLikePlacebo } from './comparator-arm-receives';

const HORIZON = 3652;

/** Study day → administrations that day, and the routes, of an intervention's unconditional doses in an arm. */
interface Given {
  perDay: Map<number, number>;
  routes: Set<string>;
}

function given(doses: readonly A.DoseStmt[], iv: A.InterventionBlock): Given | undefined {
  const perDay = new Map<number, number>();
  const routes = new Set<string>();
  const add = (day: number, times: number) => perDay.set(day, (perDay.get(day) ?? 0) + times);
  let any = false;
  for (const dose of doses) {
    if (dose.condition) continue;
    if (dose.route) routes.add(dose.route.value);
    const span = doseSpan(dose, iv);
    if (span.days) {
      for (const d of span.days) if (d <= HORIZON) add(d, 1);
      any = true;
      continue;
    }
    const interval = intervalDays(dose);
    const named = dose.frequency?.kind === 'named' ? dose.frequency.code : undefined;
    if (named === 'once' || (!dose.frequency && Number.isFinite(span.end) && span.start === span.end)) {
      add(span.start, 1);
      any = true;
      continue;
    }
    if (interval === null || !Number.isFinite(span.start)) return undefined; // not structured enough to compare
    const end = Math.min(span.end, HORIZON);
    if (interval < 1) {
      // intervalDays is 1 / administrations a day for bid, q8h …
      const times = Math.round(1 / interval);
      for (let d = span.start; d <= end; d++) add(d, times);
    } else {
      for (let d = span.start; d <= end; d += interval) add(Math.round(d), 1);
    }
    any = true;
  }
  return any ? { perDay, routes } : undefined;
}

/** The first difference between two schedules, in words; undefined when they are the same. */
function difference(placebo: Given, active: Given, placeboName: string, activeName: string): string | undefined {
  if (placebo.routes.size > 0 && active.routes.size > 0 && [...placebo.routes].sort().join() !== [...active.routes].sort().join()) {
    return `${placeboName} is given by the route ${[...placebo.routes].join(' and ')}, ${activeName} by ${[...active.routes].join(' and ')}`;
  }
  const days = [...new Set([...placebo.perDay.keys(), ...active.perDay.keys()])].sort((a, b) => a - b);
  for (const day of days) {
    const p = placebo.perDay.get(day) ?? 0;
    const a = active.perDay.get(day) ?? 0;
    if (p === a) continue;
    if (p === 0) return `${activeName} is given on day ${day}, ${placeboName} is not`;
    if (a === 0) return `${placeboName} is given on day ${day}, ${activeName} is not`;
    return `on day ${day} ${placeboName} is given ${p} time${p === 1 ? '' : 's'}, ${activeName} ${a}`;
  }
  return undefined;
}

function participantsMasked(model: TrialModel): boolean {
  const masking = statementsOf(model.design, 'Masking')[0];
  return !!masking && masking.roles.some((r) => /^participants?$/i.test(r.value.trim()));
}

/**
 * The experimental arms a placebo arm is compared with: the first 16 in the document. Real
 * protocols have a handful; the bound keeps a protocol of thousands of arms linear (each placebo
 * arm compares with at most 16), at the cost of not comparing the rest.
 */
const CANDIDATES = 16;

function experimentalArms(model: TrialModel): A.ArmBlock[] {
  const out: A.ArmBlock[] = [];
  for (const a of model.arms.values()) {
    if (armType(a) !== 'EXPERIMENTAL') continue;
    out.push(a);
    if (out.length === CANDIDATES) break;
  }
  return out;
}

const NONE: readonly unknown[] = [];

export const placeboScheduleMismatch = itemRule({
  code: 'placebo-schedule-mismatch',
  group: 'schedule',
  defaultSeverity: 'warning',
  doc: { summary: 'With the participants masked, the placebo is not given like the treatment it stands for (route, days, times a day).' },
  kinds: ['ArmBlock'],
  // Only a placebo comparator arm reads other items (an arm of another type is not compared).
  deps: (arm, model) => (armType(arm) !== 'PLACEBO_COMPARATOR' ? NONE : [model.design, ...receivedInterventions(arm, model), ...experimentalArms(model).flatMap((e) => [e, ...receivedInterventions(e, model)])]),
  checkItem(arm, model, report, ctx) {
    if (armType(arm) !== 'PLACEBO_COMPARATOR' || !participantsMasked(model)) return;
    const mine = armInterventions(model, arm);
    if (mine.some((x) => !x.intervention)) return; // name-undefined
    for (const other of experimentalArms(model)) {
      const theirs = armInterventions(model, other);
      if (theirs.some((x) => !x.intervention)) continue;
      const onlyMine = mine.filter((x) => !theirs.some((y) => y.intervention === x.intervention));
      const onlyTheirs = theirs.filter((y) => !mine.some((x) => x.intervention === y.intervention));
      if (onlyMine.length !== 1 || onlyTheirs.length !== 1) continue;
      const placebo = onlyMine[0]!;
      const active = onlyTheirs[0]!;
      if (!looksLikePlacebo(placebo.intervention!) || looksLikePlacebo(active.intervention!)) continue;
      ctx.at(placebo.receives.range);
      const p = given(placebo.doses, placebo.intervention!);
      const a = given(active.doses, active.intervention!);
      if (!p || !a) continue;
      const diff = difference(p, a, placebo.intervention!.id.value, active.intervention!.id.value);
      if (!diff) continue;
      report(placebo.receives.intervention.range,
        `the participants are masked, but the placebo of arm '${arm.id.value}' is not given like ${active.intervention!.id.value}, which arm '${other.id.value}' receives instead: ${diff}. A placebo given differently can show participants their arm; give it the same route and schedule, or say in the design why they differ`,
        { arm: arm.id.value, against: other.id.value });
      return;
    }
  },
});
