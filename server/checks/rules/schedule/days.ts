/** The day numbers written in a dose schedule: listed days, `from day`, `to day`. */
import type * as A from '../../../../grammar/ast';

/** An item's own doses: an intervention's, or the doses an arm gives itself (`receives x { dose … }`). */
export function ownDoses(item: A.InterventionBlock | A.ArmBlock): A.DoseStmt[] {
  const out: A.DoseStmt[] = [];
  if (item.kind === 'InterventionBlock') {
    for (const s of item.statements) if (s.kind === 'Dose') out.push(s);
  } else {
    for (const s of item.statements) if (s.kind === 'Receives') for (const d of s.doses) out.push(d);
  }
  return out;
}

export function scheduleDays(item: A.InterventionBlock | A.ArmBlock): { dose: A.DoseStmt; day: A.Located<number>; role: 'on' | 'from' | 'to' }[] {
  const out: { dose: A.DoseStmt; day: A.Located<number>; role: 'on' | 'from' | 'to' }[] = [];
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
