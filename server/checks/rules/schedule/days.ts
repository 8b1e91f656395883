/** The day numbers written in a dose schedule: listed days, `from day`, `to day`. */
import type * as A from '../../../../grammar/ast';
import type { TrialModel } from '../../../model';
import { allDoses } from '../../facts';

export function scheduleDays(model: TrialModel): { dose: A.DoseStmt; day: A.Located<number>; role: 'on' | 'from' | 'to' }[] {
  const out: { dose: A.DoseStmt; day: A.Located<number>; role: 'on' | 'from' | 'to' }[] = [];
  for (const { dose } of allDoses(model)) {
    const s = dose.schedule;
    if (!s) continue;
    for (const day of s.days) out.push({ dose, day, role: 'on' });
    if (s.from) out.push({ dose, day: s.from, role: 'from' });
    if (s.to) out.push({ dose, day: s.to, role: 'to' });
  }
  return out;
}
