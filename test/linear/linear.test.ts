/**
 * Linear time by design (issue 8): every pathological shape is checked at two sizes, n and 8n, in
 * the same run, and the larger must cost less than 24 times the smaller — linear work gives about
 * 8, quadratic 64. A ratio from one run, never a wall-clock bound; the sizes take turns, best of five
 * each, so a busy machine does not decide (runs of one size after the other let ×24 through under a
 * load of 10 on 2 cores). The formatter and completion get the same treatment.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from '../../grammar/format';
import { checkText } from '../../server/checks';
import { complete } from '../../server/lsp/completion';
import { SHAPES } from './shapes';

const SMALL = 300;
const FACTOR = 8;
const LIMIT = 24;

const RUNS = 5;

function timed(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * The ratio of the large size's cost to the small one's (the small one floored at 5 ms of work). The
 * two sizes take turns, best of five each: a burst of load then slows both alike instead of deciding
 * the ratio, which runs of one size after the other let happen. Each run gets its own text (a trailing
 * comment differs), so no cache answers it.
 */
function ratio(work: (n: number) => (variant: number) => void): { small: number; large: number; ratio: number } {
  const smallRun = work(SMALL);
  const largeRun = work(SMALL * FACTOR);
  smallRun(-1); // warm up: compile the code paths
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < RUNS; i++) {
    small = Math.min(small, timed(() => smallRun(i)));
    large = Math.min(large, timed(() => largeRun(i)));
  }
  return { small, large, ratio: large / Math.max(small, 5) };
}

describe('linear time on pathological shapes (n vs 8n, one run)', function () {
  this.timeout(120_000);
  for (const shape of SHAPES) {
    it(`check: ${shape.name}`, () => {
      const r = ratio((n) => {
        const text = shape.make(n);
        return (variant) => checkText(`${text}// run ${variant}\n`);
      });
      assert.ok(r.ratio < LIMIT, `${shape.name}: ${r.small.toFixed(1)} ms at n=${SMALL}, ${r.large.toFixed(1)} ms at n=${SMALL * FACTOR} (×${r.ratio.toFixed(1)})`);
    });
  }

  it('format: many statements and comments', () => {
    const shape = SHAPES.find((s) => s.name === 'many dose lines in one intervention')!;
    const r = ratio((n) => { const t = shape.make(n).replace(/\n  dose/g, '\n  // note\n   dose'); return (variant) => formatText(`${t}// run ${variant}\n`); });
    assert.ok(r.ratio < LIMIT, `×${r.ratio.toFixed(1)}`);
  });

  it('completion at the end of one huge block and far past the end of the document', () => {
    const r = ratio((n) => {
      const doc = TextDocument.create('file:///x.trial', 'trial', 1, 'intervention x {\n' + '  dose 1 mg oral once\n'.repeat(n * 10) + '  ');
      return () => {
        complete({ doc, position: { line: doc.lineCount - 1, character: 2 } });
        complete({ doc, position: { line: 1_000_000_000, character: 1_000_000_000 } });
      };
    });
    assert.ok(r.ratio < LIMIT, `×${r.ratio.toFixed(1)}`);
  });
});
