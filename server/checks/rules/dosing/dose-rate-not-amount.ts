/**
 * A dose written as a rate per minute, hour or second (`1000 mL/min`, `5 ug/kg/min`) is not an amount:
 * how much is given depends on how long it runs, which the dose does not say. An infusion rate is
 * legitimate for a continuous infusion (iv, sc, intrathecal, epidural …): then it is a warning asking
 * for the amount or the duration; by any other route, or none, it is an error (a rate cannot be
 * swallowed or applied). Per-day amounts (`mg/d`, `mg/kg/d`) are daily totals and are not judged.
 * units-and-schedules.md §3.2 (units: dose units valid UCUM amounts; DDF00177 dose ⇒ route).
 */
import { analyzeUnit } from '../../../units';
import { itemDoses } from '../../facts';
import { itemRule } from '../../types';

const INFUSION_ROUTES = new Set(['iv', 'sc', 'intrathecal', 'intravesical', 'inhaled']);

export const doseRateNotAmount = itemRule({
  code: 'dose-rate-not-amount',
  group: 'units',
  defaultSeverity: 'error',
  doc: { summary: 'A dose unit is a rate per minute or hour (`1000 mL/min`), not an amount.' },
  kinds: ['InterventionBlock', 'ArmBlock'],
  checkItem(item, model, report, ctx) {
    for (const { dose } of itemDoses(item, model)) {
      if (!dose.amount) continue;
      ctx.at(dose.amount.unit.range);
      const a = analyzeUnit(dose.amount.unit.value);
      if (!a.code || !a.dimension?.isDoseAmount || !a.dimension.perTime) continue;
      const periodDays = rateDays(a.code);
      if (periodDays === null || periodDays >= 0.999) continue;
      const infusion = dose.route && INFUSION_ROUTES.has(dose.route.value);
      const message = `'${dose.amount.unit.value}' is a rate, not an amount: ${formatUnit(dose.amount.value.value, dose.amount.unit.value)} does not say how much is given until it says for how long. ` +
        (infusion ? 'For an infusion, give the amount and the duration in the description, or the amount as the dose.' : 'A dose by this route is an amount (mg, mL, units).');
      report(dose.amount.unit.range, message, { unit: dose.amount.unit.value }, infusion ? 'warning' : 'error');
    }
  },
});

function formatUnit(v: number, unit: string): string {
  return `${v} ${unit}`;
}

const SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600 };

/**
 * The time a dose rate's UCUM code is "per", in days, when it is shorter than a day (`mL/min` 1/1440,
 * `ug/kg/min`, `[iU]/h`, `mg/(12.h)`); null for per-day and longer (`mg/d`, `mg/(24.h)`, `mg/wk`).
 * The code comes from ucum-lhc's analysis; only its final time factor is read here.
 */
function rateDays(code: string): number | null {
  const m = /\/\(?(?:(\d+(?:\.\d+)?)\.)?(s|min|h)\)?$/.exec(code);
  if (!m) return null;
  const seconds = Number(m[1] ?? 1) * SECONDS[m[2]!]!;
  return seconds / 86400;
}
