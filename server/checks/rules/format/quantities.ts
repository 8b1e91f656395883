/**
 * The numbers of an item that have a direction: amounts written as ranges (`5 to 8 ng/mL`), and
 * lengths, intervals and counts that only make sense above 0 (`every 4 weeks`, `for 6 months`,
 * `in 2 divided doses`). Shared by amount-range-reversed and quantity-not-positive.
 */
import type * as A from '../../../../grammar/ast';
import { ownDoses } from '../schedule/days';

export const QUANTITY_ITEMS = ['InterventionBlock', 'ArmBlock', 'ScheduleBlock', 'TrialBlock', 'DesignBlock'] as const;
type QuantityItem = A.InterventionBlock | A.ArmBlock | A.ScheduleBlock | A.TrialBlock | A.DesignBlock;

/** Amounts that may be ranges: doses, adjustment targets, visit windows. */
export function amountsOf(item: QuantityItem): A.Amount[] {
  const out: A.Amount[] = [];
  if (item.kind === 'InterventionBlock' || item.kind === 'ArmBlock') {
    for (const d of ownDoses(item)) if (d.amount) out.push(d.amount);
  }
  if (item.kind === 'InterventionBlock') for (const s of item.statements) if (s.kind === 'Adjust' && s.target) out.push(s.target);
  if (item.kind === 'ScheduleBlock') for (const s of item.statements) if (s.kind === 'Visit' && s.window) out.push(s.window);
  return out;
}

export interface Bounded {
  value: A.NumberValue;
  /** What the number is, for the message: "the interval between doses". */
  what: string;
  /** 0 is allowed (a dose of 0 mg, a window of 0 days, a taper that starts at once); below is not. */
  zeroAllowed: boolean;
  /** The unit written after the number, if any. */
  unit?: string;
}

/** Numbers that cannot be negative, most of which cannot be 0 either. */
export function boundedNumbersOf(item: QuantityItem): Bounded[] {
  const out: Bounded[] = [];
  const add = (value: A.NumberValue | undefined, what: string, zeroAllowed = false, unit?: string) => value && out.push({ value, what, zeroAllowed, ...(unit ? { unit } : {}) });
  const addQuantity = (q: A.Quantity | A.Amount | undefined, what: string, zeroAllowed = false) => q && add(q.value, what, zeroAllowed, q.unit.value);
  switch (item.kind) {
    case 'InterventionBlock':
    case 'ArmBlock':
      for (const d of ownDoses(item)) {
        // A single amount; a range's ends are amount-range-reversed's (a window may start below 0).
        if (d.amount && !d.amount.low) addQuantity(d.amount, 'the dose', true);
        if (d.frequency?.kind === 'every') addQuantity(d.frequency.interval, 'the interval between doses');
        add(d.divided, 'the number of divided doses');
        addQuantity(d.schedule?.for, 'the length of the dosing');
        addQuantity(d.infusion, 'the infusion time');
      }
      if (item.kind === 'InterventionBlock') {
        for (const s of item.statements) {
          if (s.kind === 'Taper') {
            addQuantity(s.after, 'the time before the taper', true);
            addQuantity(s.over, 'the length of the taper');
          } else if (s.kind === 'Stop') addQuantity(s.after, 'the time before stopping');
          else if (s.kind === 'MaxDose') addQuantity(s.amount, s.cumulative ? 'the maximum cumulative dose' : 'the maximum dose');
        }
      }
      break;
    case 'ScheduleBlock':
      for (const s of item.statements) {
        if (s.kind === 'Period') addQuantity(s.length, `the length of period '${s.id.value}'`);
        // `window 3 days` is ±3 days: a negative one says nothing (write `window -3 to 3 days`).
        else if (s.kind === 'Visit' && s.window && !s.window.low) addQuantity(s.window, 'the visit window', true);
      }
      break;
    case 'TrialBlock':
      for (const s of item.statements) if (s.kind === 'Duration') addQuantity(s.duration, 'the planned duration of the study');
      break;
    case 'DesignBlock':
      for (const s of item.statements) if (s.kind === 'TargetDuration') addQuantity(s.duration, 'the target follow-up duration');
      break;
  }
  return out;
}
