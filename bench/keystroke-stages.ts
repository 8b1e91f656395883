/**
 * The keystroke that both benchmarks time: one character typed into a description of a generated
 * protocol, followed by the analysis the language server runs (parse re-using the previous
 * parse's segments, model, checks).
 */
import { parse } from '../grammar/parse';
import { checkModel } from '../server/checks';
import { buildModel } from '../server/model';

/** Stage costs of one keystroke's analysis (parse re-using the previous parse's segments). */
export function keystrokeStages(text: string, count: number): Record<string, number[]> {
  const out: Record<string, number[]> = { 'parse (incremental)': [], model: [], checks: [], total: [] };
  let current = text;
  let previous = parse(current);
  const at = current.indexOf('description "') + 'description "'.length + 1;
  for (let i = 0; i < count; i++) {
    current = current.slice(0, at) + String(i % 10) + current.slice(at);
    const t0 = performance.now();
    const p = parse(current, previous);
    const t1 = performance.now();
    const model = buildModel(p);
    const t2 = performance.now();
    checkModel(model, {}, current);
    const t3 = performance.now();
    previous = p;
    out['parse (incremental)'].push(t1 - t0);
    out.model.push(t2 - t1);
    out.checks.push(t3 - t2);
    out.total.push(t3 - t0);
  }
  return out;
}

