/**
 * The schedule-of-activities grid as an HTML table: periods over visits (name, study day, window) as
 * columns, assessments and outcomes as rows, a mark where something is done. The first column stays
 * in view while the grid scrolls sideways (narrow panes).
 */
import { esc, linkAttrs } from './html';
import type { ScheduleOfActivities } from './soa';

export const SOA_STYLE = `
.soa-wrap { overflow-x: auto; max-width: 100%; }
table.soa { border-collapse: collapse; font-size: 12px; }
table.soa th, table.soa td { border: 1px solid var(--vscode-panel-border, #d1d9e0); padding: 3px 6px; text-align: center; white-space: nowrap; }
table.soa th.row, table.soa td.row { text-align: left; position: sticky; left: 0; background: var(--vscode-editor-background, #fff); white-space: normal; min-width: 12em; max-width: 22em; }
table.soa thead th { font-weight: 600; }
table.soa .period { background: var(--vscode-editor-inactiveSelectionBackground, #eef1f5); }
table.soa .period.washout { background: color-mix(in srgb, var(--vscode-editorWarning-foreground, #bf8700) 14%, transparent); }
table.soa .day, table.soa .window, .soa-kind { color: var(--vscode-descriptionForeground, #59636e); font-weight: 400; }
table.soa td.hit { color: var(--vscode-charts-blue, #0969da); font-weight: 700; }
table.soa tr.outcome td.hit { color: var(--vscode-charts-purple, #8250df); }
`;

export function renderSoaHtml(soa: ScheduleOfActivities): string {
  if (soa.visits.length === 0) return `<p class="empty">No visits: add a <code>schedule { visit … }</code> block to see the schedule of activities.</p>`;
  const head: string[] = [];
  if (soa.periods.length) {
    // One header cell per run of visits in the same period.
    const cells: string[] = ['<th class="row"></th>'];
    let i = 0;
    while (i < soa.visits.length) {
      const name = soa.visits[i]!.period;
      let j = i;
      while (j < soa.visits.length && soa.visits[j]!.period === name) j++;
      const p = soa.periods.find((x) => x.name === name);
      cells.push(p ? `<th colspan="${j - i}"${linkAttrs(p.source, `period ${p.name}`, `period ${p.kind}`)}>${esc(p.name)} <span class="day">${esc(p.kind)}</span></th>` : `<th colspan="${j - i}" class="period">—</th>`);
      i = j;
    }
    head.push(`<tr>${cells.join('')}</tr>`);
  }
  head.push(`<tr><th class="row" scope="col">Visit</th>${soa.visits.map((v) => `<th scope="col"${linkAttrs(v.source, `visit ${v.name}`)}>${esc(v.name)}</th>`).join('')}</tr>`);
  head.push(`<tr><th class="row day" scope="row">Study day</th>${soa.visits.map((v) => `<th class="day">${v.day === null ? '?' : esc(v.day)}</th>`).join('')}</tr>`);
  head.push(`<tr><th class="row window" scope="row">Window</th>${soa.visits.map((v) => `<th class="window">${v.window ? esc(v.window) : '—'}</th>`).join('')}</tr>`);
  const rows = soa.rows.map((r) => {
    const cells = r.cells.map((c, i) => (c ? `<td${linkAttrs(c, `${r.label} at ${soa.visits[i]!.name}`, 'hit')}>●</td>` : '<td></td>'));
    const kind = r.kind === 'procedure' ? 'procedure' : r.kind === 'outcome' ? '' : 'measure';
    return `<tr class="${r.kind}"><td${linkAttrs(r.source, r.label, 'row')}>${esc(r.label)}${kind ? ` <span class="soa-kind">${kind}</span>` : ''}</td>${cells.join('')}</tr>`;
  });
  return `<div class="soa-wrap"><table class="soa"><thead>${head.join('')}</thead><tbody>${rows.join('') || `<tr><td class="row">Nothing is assessed yet: add <code>assess MEASURE at VISIT…</code></td></tr>`}</tbody></table></div>`;
}
