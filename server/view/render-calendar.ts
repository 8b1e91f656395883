/**
 * The dosing calendar as one SVG: per arm a band of lanes (one per intervention) on a shared study-day
 * axis, periods shaded behind, a mark per administration (hollow and dashed when conditional, numbered
 * by cycle), continuous dosing as a bar, a taper as a ramp down to zero, a stop as a bar across the lane,
 * notes (level-guided adjustment, period) under the lane. Colours are VS Code theme variables with
 * fallbacks, so the same SVG is themed in the editor and readable as a file.
 */
import { dayToLinear } from '../model/study-calendar';
import type { CalendarArm, CalendarLane, DosingCalendar } from './calendar';
import { esc, linkAttrs } from './html';

const LABEL_W = 170;
const PLOT_W = 720;
const RIGHT = 24;
const WIDTH = LABEL_W + PLOT_W + RIGHT;
const ARM_HEAD = 26;
const LANE_H = 40;
const NOTE_H = 15;
const AXIS_H = 30;

export const CALENDAR_STYLE = `
.cal { font: 12px var(--vscode-font-family, system-ui, sans-serif); }
.cal text { fill: var(--vscode-editor-foreground, #1f2328); }
.cal .muted { fill: var(--vscode-descriptionForeground, #59636e); }
.cal .axis line { stroke: var(--vscode-panel-border, #d1d9e0); }
.cal .arm-head { font-weight: 600; font-size: 13px; }
.cal .period rect { fill: var(--vscode-editor-inactiveSelectionBackground, #eef1f5); opacity: .6; }
.cal .period.washout rect { fill: var(--vscode-editorWarning-foreground, #bf8700); opacity: .12; }
.cal .period.screening rect, .cal .period.run-in rect { fill: var(--vscode-charts-purple, #8250df); opacity: .08; }
.cal .period text { font-size: 10px; }
.cal .lane-line { stroke: var(--vscode-panel-border, #d1d9e0); stroke-dasharray: 2 3; }
.cal .mark circle { fill: var(--vscode-charts-blue, #0969da); stroke: var(--vscode-charts-blue, #0969da); stroke-width: 2; }
.cal .mark.conditional circle { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-charts-orange, #bc4c00); stroke-dasharray: 3 2; }
.cal .mark.conditional text.q { fill: var(--vscode-charts-orange, #bc4c00); font-weight: 700; }
.cal .span.full rect, .cal .span.full path { fill: var(--vscode-charts-green, #1a7f37); opacity: .75; }
.cal .span.conditional rect { fill: var(--vscode-charts-orange, #bc4c00); opacity: .45; }
.cal .span.taper path { fill: var(--vscode-charts-green, #1a7f37); opacity: .45; }
.cal .stop rect { fill: var(--vscode-charts-red, #cf222e); }
.cal .note text { font-size: 11px; }
.cal .src { cursor: pointer; }
.cal .src:hover circle, .cal .src:hover rect, .cal .src:hover path { opacity: 1; stroke: var(--vscode-focusBorder, #0969da); stroke-width: 2; }
.cal .src:focus { outline: none; }
.cal .src:focus-visible circle, .cal .src:focus-visible rect, .cal .src:focus-visible path { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 3; }
.cal .src:focus-visible text { text-decoration: underline; }
`;

interface Scale {
  x(day: number): number;
  first: number;
  last: number;
}

function scale(c: DosingCalendar): Scale {
  const a = dayToLinear(c.firstDay);
  const b = dayToLinear(c.lastDay) + 1;
  return { x: (day) => LABEL_W + ((Math.min(Math.max(dayToLinear(day), a), b) - a) / (b - a)) * PLOT_W, first: c.firstDay, last: c.lastDay };
}

function laneHeight(l: CalendarLane): number {
  return LANE_H + l.notes.length * NOTE_H + (l.marks.length + l.spans.length + l.stops.length === 0 ? NOTE_H : 0);
}

function armHeight(a: CalendarArm): number {
  return ARM_HEAD + a.lanes.reduce((h, l) => h + laneHeight(l), 0) + (a.lanes.length === 0 ? LANE_H : 0);
}

/** Ticks: weeks for short calendars, four-week steps up to a year, quarters beyond. */
function axis(s: Scale, y: number, height: number): string {
  const span = dayToLinear(s.last) - dayToLinear(s.first) + 1;
  const step = span <= 120 ? 7 : span <= 400 ? 28 : 91;
  const out: string[] = [`<g class="axis" aria-hidden="true">`];
  const ticks = [1];
  for (let d = 1 + step; d <= s.last; d += step) ticks.push(d);
  for (let d = 1 - step; d >= s.first; d -= step) ticks.unshift(d);
  for (const d of ticks) {
    const x = s.x(d).toFixed(1);
    const label = d === 1 ? 'Day 1' : d > 1 ? (step === 7 ? `Wk ${(d - 1) / 7}` : `D${d}`) : `D${d}`;
    out.push(`<line x1="${x}" x2="${x}" y1="${y}" y2="${y + height}"/><text x="${x}" y="${y + height + 14}" text-anchor="middle" class="muted">${label}</text>`);
  }
  out.push('</g>');
  return out.join('');
}

function renderLane(l: CalendarLane, s: Scale, y: number): string {
  const mid = y + 18;
  const parts: string[] = [];
  parts.push(`<g${linkAttrs(l.source, `intervention ${l.name}`)}><text x="8" y="${mid + 4}">${esc(l.name)}</text></g>`);
  parts.push(`<line class="lane-line" x1="${LABEL_W}" x2="${LABEL_W + PLOT_W}" y1="${mid}" y2="${mid}"/>`);
  for (const sp of l.spans) {
    const x1 = s.x(sp.from);
    const x2 = sp.to === Infinity ? LABEL_W + PLOT_W : s.x(sp.to + 1);
    const w = Math.max(2, x2 - x1);
    const cls = `span ${sp.kind}${sp.conditional ? ' conditional' : ''}`;
    const what = sp.kind === 'taper' ? `taper, days ${sp.from} to ${sp.to}: ${sp.label}` : `${sp.label}, days ${sp.from} to ${sp.to === Infinity ? 'the end' : sp.to}${sp.conditional ? ' (conditional)' : ''}`;
    const shape = sp.kind === 'taper'
      ? `<path d="M${x1.toFixed(1)},${mid - 8} L${(x1 + w).toFixed(1)},${mid + 8} L${x1.toFixed(1)},${mid + 8} Z"/>`
      : sp.openEnd
        ? `<path d="M${x1.toFixed(1)},${mid - 8} H${(x1 + w - 8).toFixed(1)} L${(x1 + w).toFixed(1)},${mid} L${(x1 + w - 8).toFixed(1)},${mid + 8} H${x1.toFixed(1)} Z"/>`
        : `<rect x="${x1.toFixed(1)}" y="${mid - 8}" width="${w.toFixed(1)}" height="16" rx="2"/>`;
    parts.push(`<g${linkAttrs(sp.source, what, cls)}><title>${esc(what)}</title>${shape}</g>`);
  }
  for (const st of l.stops) {
    const x = s.x(st.day);
    const what = `stop on day ${st.day}: ${st.label}`;
    parts.push(`<g${linkAttrs(st.source, what, 'stop')}><title>${esc(what)}</title><rect x="${(x - 1.5).toFixed(1)}" y="${mid - 13}" width="3" height="26"/><text x="${(x + 4).toFixed(1)}" y="${mid - 6}" class="muted">stop</text></g>`);
  }
  // Mark labels alternate above and below when marks are close, so day numbers stay readable.
  let lastX = -Infinity;
  let above = true;
  for (const m of [...l.marks].sort((a, b) => a.day - b.day)) {
    const x = s.x(m.day) + (s.x(m.day + 1) - s.x(m.day)) / 2;
    above = x - lastX < 34 ? !above : true;
    lastX = x;
    const what = `day ${m.day}${m.cycle ? `, cycle ${m.cycle}` : ''}: ${m.label}${m.conditional ? ' (conditional)' : ''}`;
    const label = `D${m.day}${m.cycle ? ` C${m.cycle}` : ''}`;
    parts.push(
      `<g${linkAttrs(m.source, what, `mark${m.conditional ? ' conditional' : ''}`)} data-day="${m.day}"><title>${esc(what)}</title>` +
        `<circle cx="${x.toFixed(1)}" cy="${mid}" r="6"/>` +
        (m.conditional ? `<text class="q" x="${x.toFixed(1)}" y="${mid + 4}" text-anchor="middle" font-size="9">?</text>` : '') +
        `<text x="${x.toFixed(1)}" y="${above ? mid - 10 : mid + 20}" text-anchor="middle" font-size="10">${esc(label)}</text></g>`,
    );
  }
  let ny = y + LANE_H - 2;
  if (l.marks.length + l.spans.length + l.stops.length === 0) {
    parts.push(`<text x="${LABEL_W}" y="${mid + 4}" class="muted">no structured doses</text>`);
  }
  for (const n of l.notes) {
    ny += NOTE_H;
    parts.push(`<g${linkAttrs(n.source, n.text, 'note')}><text x="${LABEL_W}" y="${ny - 4}" class="muted">${esc(n.text.startsWith('level-guided') ? `↕ ${n.text}` : n.text)}</text></g>`);
  }
  return parts.join('');
}

function renderArm(a: CalendarArm, s: Scale, y: number): string {
  const h = armHeight(a);
  const parts: string[] = [`<g class="arm" data-arm="${esc(a.id)}">`];
  for (const p of a.periods) {
    const x1 = s.x(p.startDay);
    const x2 = s.x(p.endDay + (p.endDay === -1 ? 2 : 1));
    parts.push(`<g${linkAttrs(p.source, `period ${p.name} (${p.kind}), days ${p.startDay} to ${p.endDay}`, `period ${p.kind}`)}><rect x="${x1.toFixed(1)}" y="${y + ARM_HEAD - 6}" width="${Math.max(1, x2 - x1).toFixed(1)}" height="${h - ARM_HEAD + 4}"/><text x="${(x1 + 3).toFixed(1)}" y="${y + ARM_HEAD + 4}" class="muted">${esc(p.name)}</text></g>`);
  }
  parts.push(`<g${linkAttrs(a.source, `arm ${a.label}`)}><text class="arm-head" x="8" y="${y + 17}">${esc(a.label)}${a.type ? ` <tspan class="muted" font-weight="400">· ${esc(a.type)}</tspan>` : ''}</text></g>`);
  let ly = y + ARM_HEAD;
  for (const l of a.lanes) {
    parts.push(renderLane(l, s, ly));
    ly += laneHeight(l);
  }
  if (a.lanes.length === 0) parts.push(`<text x="${LABEL_W}" y="${ly + 20}" class="muted">receives nothing</text>`);
  parts.push('</g>');
  return parts.join('');
}

const LEGEND = (y: number): string =>
  `<g class="legend" transform="translate(${LABEL_W},${y})" aria-hidden="true">` +
  `<g class="mark"><circle cx="6" cy="0" r="6"/></g><text x="16" y="4">dose</text>` +
  `<g class="mark conditional"><circle cx="70" cy="0" r="6"/></g><text x="80" y="4">conditional dose</text>` +
  `<g class="span full"><rect x="186" y="-7" width="26" height="14" rx="2"/></g><text x="218" y="4">continuous dosing</text>` +
  `<g class="span taper"><path d="M336,-7 L362,7 L336,7 Z"/></g><text x="368" y="4">taper to zero</text>` +
  `<g class="stop"><rect x="462" y="-9" width="3" height="18"/></g><text x="470" y="4">stop</text></g>`;

/**
 * The calendar as an SVG element, its own style inside (a standalone file); `embedStyle: false` for a
 * page that carries CALENDAR_STYLE itself (the editor's view, whose CSP admits only its own style).
 */
export function renderCalendarSvg(c: DosingCalendar, title = 'Dosing calendar', embedStyle = true): string {
  const s = scale(c);
  let y = 8;
  const body: string[] = [];
  for (const a of c.arms) {
    body.push(renderArm(a, s, y));
    y += armHeight(a) + 10;
  }
  const plotBottom = y;
  const height = plotBottom + AXIS_H + 30;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cal" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-label="${esc(title)}">` +
    (embedStyle ? `<style>${CALENDAR_STYLE}</style>` : '') +
    axis(s, 4, plotBottom - 4) +
    (c.arms.length ? body.join('') : `<text x="8" y="24" class="muted">No arms or doses in this protocol.</text>`) +
    LEGEND(plotBottom + AXIS_H + 8) +
    `</svg>`
  );
}
