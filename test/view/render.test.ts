/**
 * The Trial view's pictures, through the real parser, checks and renderers: what the calendar shows
 * for the seed (rituximab on days 1 and 181, the conditional retreatment, cyclosporine tapered to
 * zero), the schedule-of-activities grid of the crossover example, the registry preview with what
 * blocks the export — and the CLI outputs compared with committed snapshots
 * (UPDATE_SNAPSHOTS=1 npm test rewrites them; review the diff).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnoseText } from '../../server/export';
import { trialView } from '../../server/view';
import { renderCalendarSvg } from '../../server/view/render-calendar';
import { renderPreviewPage, renderTimelinePage } from '../../server/view/render-page';
import { renderPreviewHtml } from '../../server/view/render-preview';
import { renderSoaHtml } from '../../server/view/render-soa';
import { fixturesDir, readExample } from '../helpers/paths';

const snapshotsDir = path.join(fixturesDir, 'snapshots');

function viewOf(text: string) {
  const d = diagnoseText(text);
  return trialView(d.model, d.diagnostics);
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
}

function matchSnapshot(name: string, actual: string): void {
  const file = path.join(snapshotsDir, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(file, actual);
  assert.ok(fs.existsSync(file), `snapshot ${name} is missing (UPDATE_SNAPSHOTS=1 writes it)`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)`);
}

/** The `<g …>` elements of the SVG that carry a mark, with their attributes. */
function marks(svg: string): { day: number; conditional: boolean; line: number }[] {
  return [...svg.matchAll(/<g class="src mark( conditional)?" [^>]*data-line="(\d+)"[^>]*data-day="(-?\d+)"/g)].map((m) => ({ day: Number(m[3]), conditional: !!m[1], line: Number(m[2]) }));
}

describe('view: dosing calendar of the seed', () => {
  const text = readExample('NCT04743739.trial');
  const view = viewOf(text);
  const svg = renderCalendarSvg(view.calendar);
  const firstDose = lineOf(text, 'dose 1000 mg iv on days 1 and 181');
  const retreatment = lineOf(text, 'days 15 and 195 depending on');

  it('shows both arms, each with rituximab; the combination also with cyclosporine', () => {
    assert.deepEqual(view.calendar.arms.map((a) => [a.label, a.lanes.map((l) => l.name)]), [
      ['Rituximab monotherapy', ['Rituximab']],
      ['Rituximab combined with cyclosporine', ['Rituximab', 'cyclosporine']],
    ]);
  });

  it('marks rituximab on days 1 and 181, and the retreatment on days 15 and 195 as conditional, each linked to its dose line', () => {
    const expected = [
      { day: 1, conditional: false, line: firstDose },
      { day: 15, conditional: true, line: retreatment },
      { day: 181, conditional: false, line: firstDose },
      { day: 195, conditional: true, line: retreatment },
    ];
    assert.deepEqual(marks(svg), [...expected, ...expected], 'the same four marks in each arm');
  });

  it('draws cyclosporine at full dose to the taper, then down to zero over 3 months, and notes the level-guided adjustment', () => {
    const cyclosporine = view.calendar.arms[1]!.lanes[1]!;
    assert.deepEqual(cyclosporine.spans.map((s) => [s.kind, s.from, s.to]), [['full', 1, 183], ['taper', 184, 274]]);
    assert.equal(cyclosporine.spans[1]!.source.line, lineOf(text, 'taper after 6 months over 3 months'));
    assert.match(svg, /<g class="src span taper"[^>]*><title>taper, days 184 to 274: tapered to zero after 6 months over 3 months<\/title><path d="M[\d.]+,\d+ L[\d.]+,\d+ L[\d.]+,\d+ Z"\/>/);
    assert.deepEqual(cyclosporine.notes.map((n) => [n.text, n.source.line]), [['level-guided: adjusted by Cyclosporine blood level', lineOf(text, 'adjust by csa_level')]]);
  });

  it('every link is keyboard focusable and names its line', () => {
    const links = [...svg.matchAll(/<g class="src[^"]*"([^>]*)>/g)];
    assert.ok(links.length > 10);
    for (const l of links) assert.match(l[1]!, /tabindex="0" role="link" data-line="\d+" data-character="\d+" aria-label="[^"]+ \(line \d+\)"/);
  });

  it('cycles are numbered, stops drawn, period-bound doses moved to the period', () => {
    const v = viewOf(`schedule {\n  period run_in run in for 14 days\n  period main treatment for 12 weeks\n}\nintervention x {\n  type drug\n  dose 75 mg/m2 iv on days 1 and 8 every 21 days for 3 cycles\n}\nintervention y {\n  type drug\n  dose 5 mg oral daily\n  stop after 4 weeks\n}\narm a {\n  type experimental\n  receives x in main\n  receives y\n}\n`);
    const [x, y] = v.calendar.arms[0]!.lanes;
    assert.deepEqual(x!.marks.map((m) => [m.day, m.cycle]), [[1, 1], [8, 1], [22, 2], [29, 2], [43, 3], [50, 3]]);
    assert.deepEqual(x!.notes.map((n) => n.text), ['in period main (its day 1 is study day 1)', '3 cycles of 21 days']);
    assert.deepEqual(y!.stops.map((s) => s.day), [28]);
    assert.deepEqual(v.calendar.arms[0]!.periods.map((p) => [p.name, p.startDay, p.endDay]), [['run_in', -14, -1], ['main', 1, 84]]);
  });

  it('escapes every text it shows', () => {
    const svg2 = renderCalendarSvg(viewOf(`arm a {\n  label "<script>alert(1)</script>"\n  type experimental\n}\n`).calendar);
    assert.doesNotMatch(svg2, /<script/);
    assert.match(svg2, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('the Trial view\'s three panels: every text of a protocol replaced by HTML and Markdown tricks, none becomes markup', () => {
    // Each quoted text of the crossover example (titles, labels, names, assessments) becomes the hostile text.
    const HOSTILE = `<img src=x onerror=alert(1)> <script>alert(2)</script> ![x](http://evil.example/t.png) [run](command:x) \`tick\` ' " &amp;`;
    const text = readExample('BREEZE-2.trial').replace(/"(?:[^"\\\n]|\\.)*"/g, JSON.stringify(HOSTILE));
    const v = viewOf(text);
    for (const [panel, html] of [['calendar', renderCalendarSvg(v.calendar)], ['schedule', renderSoaHtml(v.soa)], ['preview', renderPreviewHtml(v.preview)]] as const) {
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), `${panel} shows the text`);
      // Attribute values are quoted with every quote escaped: blank them, and what is left are the renderer's own tags.
      const tags = [...html.replace(/"[^"]*"/g, '""').matchAll(/<[^>]*>/g)].map((m) => m[0]);
      for (const tag of tags) {
        assert.doesNotMatch(tag, /^<\/?(img|script|a|iframe|object)\b/i, `${panel}: ${tag}`);
        assert.doesNotMatch(tag, /\s(on[a-z]+|src|href|style)\s*=/i, `${panel}: ${tag}`);
      }
    }
  });
});

describe('view: schedule of activities of the crossover example', () => {
  const text = readExample('BREEZE-2.trial');
  const view = viewOf(text);

  it('visits in calendar order with their periods, days and windows', () => {
    assert.deepEqual(view.soa.visits.map((v) => [v.name, v.day, v.period, v.window ?? '']), [
      ['screening', -14, 'screening', '−14 to +13 days'],
      ['p1_day1', 1, 'first', ''],
      ['p1_week4', 28, 'first', '−3 to +3 days'],
      ['p1_week8', 56, 'first', '−3 to 0 days'],
      ['p2_day1', 71, 'second', ''],
      ['p2_week4', 98, 'second', '−3 to +3 days'],
      ['p2_week8', 126, 'second', '−3 to 0 days'],
      ['followup_end', 154, 'followup', '−3 to +3 days'],
    ]);
  });

  it('a row per assessment and per outcome, marked at its visits', () => {
    const grid = view.soa.rows.map((r) => [r.kind, r.label, r.cells.map((c) => (c ? 'x' : '.')).join('')]);
    assert.deepEqual(grid, [
      ['measure', 'Urine protein-to-creatinine ratio', 'xx.xx.x.'],
      ['measure', 'Estimated glomerular filtration rate (eGFR)', 'x.xx.xx.'],
      ['measure', 'Serum potassium', 'x.x..x.x'],
      ['procedure', '12-lead ECG', 'x......x'],
      ['procedure', 'Pregnancy test', 'xx..x...'],
      ['outcome', 'Primary outcome: Change in urine protein-to-creatinine ratio', '...x..x.'],
      ['outcome', 'Secondary outcome: Change in eGFR', '...x..x.'],
    ]);
  });

  it('the crossover arms receive breezolol in different periods', () => {
    const bars = view.calendar.arms.map((a) => a.lanes.find((l) => l.intervention === 'breezolol')!.spans.map((s) => [s.from, s.to]));
    assert.deepEqual(bars, [[[1, 56]], [[71, 126]]]);
  });

  it('renders a table with a header per period', () => {
    const html = renderSoaHtml(view.soa);
    assert.match(html, /<th colspan="3"[^>]*>first <span class="day">treatment<\/span><\/th>/);
    assert.match(html, /<th colspan="1"[^>]*>washout|<th colspan="3"[^>]*>second/);
  });
});

describe('view: registry preview', () => {
  it('the seed: the errors that block its export, in the sections they concern, and missing required values', () => {
    const p = viewOf(readExample('NCT04743739.trial')).preview;
    // registry-missing-element names every element missing at one place in one diagnostic: the
    // official title (on `trial`), the organization (on `sponsors`); the missing primary completion
    // date and primary outcome are warnings (no source requires them), shown but not marked required.
    assert.equal(p.blockingCount, 3);
    const by = Object.fromEntries(p.sections.map((s) => [s.id, s.blocking.map((b) => b.code)]));
    assert.ok(by.status?.includes('why-stopped-missing'), JSON.stringify(by));
    const status = p.sections.find((s) => s.id === 'status')!;
    const primary = status.fields.find((f) => f.label === 'Primary completion')!;
    assert.deepEqual([primary.value, primary.required], [undefined, undefined]);
    assert.equal(status.fields.find((f) => f.label === 'Study start')!.value, '2021-04-14 (actual)');
    const why = status.fields.find((f) => f.label === 'Why stopped')!;
    assert.deepEqual([why.value, why.required], [undefined, true], 'a terminated study must say why');
  });

  it('an exportable protocol has nothing blocking', () => {
    const p = viewOf(readExample('ZEPHYR-1.trial')).preview;
    assert.equal(p.blockingCount, 0);
    assert.ok(p.sections.every((s) => s.blocking.length === 0));
  });
});

describe('view: CLI pictures match their snapshots', () => {
  it('timeline svg of the seed, timeline html of the crossover, preview html of the seed', () => {
    matchSnapshot('NCT04743739.timeline.svg', renderCalendarSvg(viewOf(readExample('NCT04743739.trial')).calendar, 'Dosing calendar of NCT04743739'));
    matchSnapshot('BREEZE-2.timeline.html', renderTimelinePage(viewOf(readExample('BREEZE-2.trial')), 'BREEZE-2'));
    matchSnapshot('NCT04743739.preview.html', renderPreviewPage(viewOf(readExample('NCT04743739.trial')), 'NCT04743739'));
  });

  it('pages are self-contained: no script, no remote reference, a CSP that allows neither', () => {
    for (const page of [renderTimelinePage(viewOf(readExample('BREEZE-2.trial')), 'B'), renderPreviewPage(viewOf(readExample('ZEPHYR-1.trial')), 'Z')]) {
      assert.doesNotMatch(page, /<script|src=|href=|url\(/i);
      assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    }
  });
});
