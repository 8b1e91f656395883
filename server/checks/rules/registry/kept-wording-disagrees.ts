/**
 * A kept wording (`as "…"`) that no longer says the structure next to it: the writer edited the dose
 * or the threshold (200 mg now, the sentence still says 100 mg). The export then writes the structure,
 * not the sentence (docs/language.md, kept wordings), so the registry receives the edit — but the file
 * keeps a sentence that says something else, and a reader of the file cannot tell which is meant.
 * Agreement is decided by the importer's reader (server/import/extract/agree.ts), the same test the
 * export makes. Quick fixes: drop the sentence (the export follows the structure), or write the
 * structure the sentence says (undo the edit).
 */
import type * as A from '../../../../grammar/ast';
import { criteriaOf, statementsOf, type TrialModel } from '../../../model';
import { criterionOfWording, criterionWordingAgrees, doseOfWordingBody, doseWordingAgrees, interventionNames } from '../../../import/extract/agree';
import { itemRule, type QuickFix } from '../../types';
import { quote } from '../../util';
import type { LineIndex } from '../../../../grammar/line-index';

const ITEMS = ['InterventionBlock', 'ArmBlock', 'EligibilityBlock'] as const;

/** The intervention whose names a dose's wording may use: the block's own, or the one an arm receives. */
function wordedDoses(item: A.InterventionBlock | A.ArmBlock, model: TrialModel): { dose: A.DoseStmt; names: string[] }[] {
  if (item.kind === 'InterventionBlock') {
    const names = interventionNames(item);
    return item.statements.filter((s): s is A.DoseStmt => s.kind === 'Dose' && !!s.wording).map((dose) => ({ dose, names }));
  }
  const out: { dose: A.DoseStmt; names: string[] }[] = [];
  for (const s of item.statements) {
    if (s.kind !== 'Receives') continue;
    const iv = model.interventions.get(s.intervention.value);
    if (!iv) continue;
    for (const dose of s.doses) if (dose.wording) out.push({ dose, names: interventionNames(iv) });
  }
  return out;
}

/** From the end of what precedes ` as "…"` to the end of the sentence. */
function wordingSpan(text: string, lines: LineIndex, wording: A.Located<string>): A.Range | undefined {
  const before = /\s+as\s*$/i.exec(text.slice(Math.max(0, wording.range.start.offset - 40), wording.range.start.offset));
  if (!before) return undefined;
  return lines.range(wording.range.start.offset - before[0].length, wording.range.end.offset);
}

function fixes(text: string, lines: LineIndex, statement: { range: A.Range }, wording: A.Located<string>, restored: string | undefined): QuickFix[] {
  const out: QuickFix[] = [];
  const span = wordingSpan(text, lines, wording);
  if (span) out.push({ title: 'Drop the kept sentence (the export writes the structure)', edits: [{ range: span, newText: '' }], isPreferred: true });
  if (restored !== undefined) out.push({ title: 'Write what the kept sentence says (undo the edit)', edits: [{ range: statement.range, newText: `${restored} as ${quote(wording.value)}` }], isPreferred: false });
  return out;
}

export const keptWordingDisagrees = itemRule({
  code: 'kept-wording-disagrees',
  group: 'registry',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: 'A kept sentence (`as "…"`) no longer says the dose or criterion next to it; the export writes the structure instead.' },
  kinds: ITEMS,
  deps: (item, model) => {
    if (item.kind === 'ArmBlock') return item.statements.map((s) => (s.kind === 'Receives' ? model.interventions.get(s.intervention.value) : undefined));
    if (item.kind === 'EligibilityBlock') return criteriaOf(item).map((c) => (c.measure ? model.measures.get(c.measure.value) : undefined));
    return [];
  },
  checkItem(item, model, report, ctx) {
    if (item.kind === 'EligibilityBlock') {
      for (const c of criteriaOf(item)) {
        if (!c.wording || !c.measure || c.note) continue;
        ctx.at(c.range);
        const label = model.measures.get(c.measure.value)?.label.value;
        if (criterionWordingAgrees(c, label)) continue;
        const said = criterionOfWording(c.wording.value, c.measure.value);
        const says = said ? `says "${said}"` : 'cannot be read as a threshold';
        report(c.wording.range, `the kept sentence ${says}, not what this criterion says now; the export writes the criterion from its structure, not this sentence (drop the sentence, or restore what it says)`, {
          fixes: fixes(ctx.text, ctx.lines, c, c.wording, said && `${c.polarity.value} ${said}`),
        });
      }
      return;
    }
    for (const { dose, names } of wordedDoses(item, model)) {
      ctx.at(dose.range);
      if (doseWordingAgrees(dose, names)) continue;
      const said = doseOfWordingBody(dose.wording!.value, names);
      const says = said ? `says "dose ${said}"` : 'cannot be read as one dose';
      report(dose.wording!.range, `the kept sentence ${says}, not what this dose says now; the export writes the dose from its structure, not this sentence (drop the sentence, or restore what it says)`, {
        fixes: fixes(ctx.text, ctx.lines, dose, dose.wording!, said && `dose ${said}`),
      });
    }
  },
});
