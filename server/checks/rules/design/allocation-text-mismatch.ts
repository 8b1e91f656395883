/**
 * The allocation against what the protocol's own titles and model description say of it: a title
 * that describes the study as randomized ("A Phase 3, Randomized, Double-Blind Study of …") or a
 * model description that says participants are randomized, while `allocation` is `non randomized`
 * or `na`; or a title describing it as non-randomized while `allocation` is `randomized`. The
 * registry shows both, and its QC review asks for inconsistent information to be corrected
 * (registry-format.md §7a). A warning: the words are the writer's.
 *
 * Only words that describe this study count: in a title, "randomized" among the words before its
 * first noun phrase ("A Multicenter, Randomized …"), not one after "of", "from", "previously" …
 * ("Extension Study of Participants Randomized in …" is an open-label extension, allocation `na`);
 * a model description that speaks of a parent study ("were randomized in the core study") or
 * negates randomization is not read. None of the 210 saved records is reported.
 */
import type * as A from '../../../../grammar/ast';
import { textField, type TrialModel } from '../../../model';
import type { Rule } from '../../types';
import { designAllocation, designModel, isInterventional } from './arms-of';

const RANDOMIZED = /\brandomi[sz]ed\b/i;
const NON_RANDOMIZED = /\bnon[-\s]?randomi[sz]ed\b/i;
/** What may stand before "randomized" in a title that describes its study with it: an article and adjectives. */
const TITLE_LEAD = /^(?:an?\s+)?(?:[\w/.-]+,?\s+){0,7}$/i;
/** Words that make a title's "randomized" describe other participants or another study. */
const ELSEWHERE = /\b(?:of|in|from|for|with|who|after|previously|prior|extension|follow[-\s]?up|rollover|continuation|parent|core|open[-\s]label)\b/i;
/** Words that make a model description's "randomized" not this study's assignment. */
const DESCRIPTION_ELSEWHERE = /\b(?:not|no|without|previous(?:ly)?|prior|parent|core|original|extension|were randomi[sz]ed)\b|\bnon[-\s]?randomi/i;

/** The title describes its study as `word` (RANDOMIZED or NON_RANDOMIZED): the word comes among its first words. */
function titleSays(title: string, word: RegExp): boolean {
  const m = word.exec(title);
  if (!m) return false;
  const lead = title.slice(0, m.index);
  return TITLE_LEAD.test(lead) && !ELSEWHERE.test(lead);
}

function titles(model: TrialModel): A.TextStmt[] {
  return [textField(model.trial, 'officialTitle'), textField(model.trial, 'briefTitle')].filter((t): t is A.TextStmt => t !== undefined);
}

export const allocationTextMismatch: Rule = {
  code: 'allocation-text-mismatch',
  group: 'registry',
  defaultSeverity: 'warning',
  doc: { summary: 'A title or the model description says the study is randomized (or non-randomized), and the allocation says otherwise.' },
  reads: ['TrialBlock', 'DesignBlock'],
  check(model, report, ctx) {
    const a = designAllocation(model);
    if (!a || !isInterventional(model)) return;
    ctx.at(a.stmt.range);
    const written = a.stmt.words.value;
    if (a.value === 'RANDOMIZED') {
      const t = titles(model).find((s) => titleSays(s.text.value, NON_RANDOMIZED));
      if (t) report(a.stmt.words.range, `the allocation is randomized, but the ${t.field === 'officialTitle' ? 'official' : 'brief'} title calls the study non-randomized: correct one of them`, {});
      return;
    }
    const t = titles(model).find((s) => !NON_RANDOMIZED.test(s.text.value) && titleSays(s.text.value, RANDOMIZED));
    if (t) {
      report(a.stmt.words.range, `the allocation is ${written}, but the ${t.field === 'officialTitle' ? 'official' : 'brief'} title calls the study randomized: write \`allocation randomized\`, or correct the title`, {});
      return;
    }
    const d = designModel(model)?.stmt.description?.value;
    if (d && RANDOMIZED.test(d) && !DESCRIPTION_ELSEWHERE.test(d)) {
      report(a.stmt.words.range, `the allocation is ${written}, but the model description says participants are randomized: write \`allocation randomized\`, or correct the description`, {});
    }
  },
};
