/** The day numbers written in a dose schedule: listed days, `from day`, `to day`. */
import type * as A from '../../../../grammar/ast';

/** An item's own doses: an intervention's, or the doses an arm gives itself (`receives x { dose … }`). */
export function ownDoses(item: A.InterventionBlock | A.ArmBlock): readonly A.DoseStmt[] {
  // A function of the item object alone, asked by six rules for every dosed item: kept per item.
  let doses = ownCache.get(item);
  if (!doses) ownCache.set(item, (doses = computeOwnDoses(item)));
  return doses;
}

const ownCache = new WeakMap<A.InterventionBlock | A.ArmBlock, readonly A.DoseStmt[]>();

function computeOwnDoses(item: A.InterventionBlock | A.ArmBlock): readonly A.DoseStmt[] {
  const out: A.DoseStmt[] = [];
  if (item.kind === 'InterventionBlock') {
    for (const s of item.statements) if (s.kind === 'Dose') out.push(s);
  } else {
    for (const s of item.statements) if (s.kind === 'Receives') for (const d of s.doses) out.push(d);
  }
  return out;
}

export interface ScheduleDay {
  readonly dose: A.DoseStmt;
  readonly day: A.Located<number>;
  readonly role: 'on' | 'from' | 'to';
}

/** A function of the item object alone, asked by two rules for every dosed item: kept per item. */
const daysCache = new WeakMap<A.InterventionBlock | A.ArmBlock, readonly ScheduleDay[]>();

export function scheduleDays(item: A.InterventionBlock | A.ArmBlock): readonly ScheduleDay[] {
  let days = daysCache.get(item);
  if (!days) daysCache.set(item, (days = computeScheduleDays(item)));
  return days;
}

function computeScheduleDays(item: A.InterventionBlock | A.ArmBlock): readonly ScheduleDay[] {
  const out: ScheduleDay[] = [];
  for (const dose of ownDoses(item)) {
    const s = dose.schedule;
    if (!s) continue;
    for (const day of s.days) out.push({ dose, day, role: 'on' });
    if (s.from) out.push({ dose, day: s.from, role: 'from' });
    if (s.to) out.push({ dose, day: s.to, role: 'to' });
  }
  return out;
}

export const DOSE_ITEMS = ['InterventionBlock', 'ArmBlock'] as const;
