import { perDay } from '../../facts';
import { DOSE_ITEMS, ownDoses } from './days';
import { formatNumber } from '../../../units';
import { itemRule } from '../../types';
import { replaceFix } from '../../util';

export const doseDividedFrequency = itemRule({
  code: 'dose-divided-frequency',
  group: 'schedule',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A daily dose `in N divided doses` has a frequency that gives a different number of doses a day.' },
  kinds: DOSE_ITEMS,
  checkItem(item, _model, report, ctx) {
    for (const dose of ownDoses(item)) {
      // 0 or fewer divided doses is quantity-not-positive's.
      if (!dose.divided || dose.divided.value <= 0 || !dose.frequency) continue;
      ctx.at(dose.divided.range);
      const n = perDay(dose);
      if (n === undefined || Math.abs(n - dose.divided.value) < 1e-9) continue;
      const times = formatNumber(Number(n.toPrecision(4)));
      const fixable = Number.isInteger(n) && n >= 1;
      report(
        dose.divided.range,
        `the daily dose is split into ${dose.divided.value} doses, but this frequency gives ${times} dose${n === 1 ? '' : 's'} a day`,
        { perDay: n, ...(fixable ? { fixes: [replaceFix(`Change to ${n} divided doses`, dose.divided.range, String(n))] } : {}) },
      );
    }
  },
});
