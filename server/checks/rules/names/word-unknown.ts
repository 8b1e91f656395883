/**
 * Registry words: every word that stands for a registry enumeration value must be one of its
 * values, written in lower case with spaces (`active comparator` = ACTIVE_COMPARATOR).
 */
import type * as A from '../../../../grammar/ast';
import { phaseValue, registryValue, statementsOf, wordsFor, type TrialModel } from '../../../model';
import { ENUMS, type EnumName } from '../../../registry/enums';
import type { Rule } from '../../types';
import { closest, replaceFix } from '../../util';

interface WordUse {
  words: A.Located<string>;
  what: string;
  valid: readonly string[];
  ok: (w: string) => boolean;
}

function enumUse(words: A.Located<string> | undefined, name: EnumName, what: string, out: WordUse[]): void {
  if (!words) return;
  const valid = (ENUMS[name] as readonly string[]).map(wordsFor);
  out.push({ words, what, valid, ok: (w) => registryValue(w, name) !== undefined });
}

const WORDS_ENUM: Record<A.WordsField, [EnumName, string] | undefined> = {
  studyType: ['StudyType', 'a study type'],
  status: ['Status', 'a study status'],
  allocation: ['DesignAllocation', 'an allocation'],
  purpose: ['PrimaryPurpose', 'a primary purpose'],
  interventionType: ['InterventionType', 'an intervention type'],
  armType: ['ArmGroupType', 'an arm type'],
  sex: ['Sex', 'a sex'],
  healthyVolunteers: undefined,
};

export function wordUses(model: TrialModel): WordUse[] {
  const out: WordUse[] = [];
  const blocks = [model.trial, model.design, model.eligibility, ...model.interventions.values(), ...model.arms.values()];
  for (const block of blocks) {
    for (const s of (block?.statements ?? []) as { kind: string }[]) {
      if (s.kind !== 'Words') continue;
      const w = s as A.WordsStmt;
      const e = WORDS_ENUM[w.field];
      if (e) enumUse(w.words, e[0], e[1], out);
      else if (w.field === 'healthyVolunteers') {
        out.push({ words: w.words, what: 'a healthy-volunteers answer', valid: ['yes', 'no'], ok: (x) => /^(yes|no)$/i.test(x.trim()) });
      }
    }
  }
  for (const p of statementsOf(model.trial, 'Phase')) {
    for (const ph of p.phases) out.push({ words: ph, what: 'a phase', valid: ['1', '2', '3', '4', 'early 1', 'na'], ok: (x) => phaseValue(x) !== undefined });
  }
  for (const sid of statementsOf(model.trial, 'SecondaryId')) enumUse(sid.idType, 'SecondaryIdType', 'a secondary id type', out);
  for (const m of statementsOf(model.design, 'Model')) enumUse(m.model, 'InterventionalAssignment', 'an intervention model', out);
  for (const m of statementsOf(model.design, 'Masking')) {
    enumUse(m.level, 'DesignMasking', 'a masking level', out);
    for (const r of m.roles) enumUse(r, 'WhoMasked', 'a masked role', out);
  }
  for (const s of statementsOf(model.sponsors, 'Sponsor')) enumUse(s.agencyClass, 'AgencyClass', 'a sponsor class', out);
  for (const s of statementsOf(model.sponsors, 'ResponsibleParty')) enumUse(s.partyType, 'ResponsiblePartyType', 'a responsible party type', out);
  for (const s of statementsOf(model.sponsors, 'Official')) enumUse(s.role, 'OfficialRole', 'an official role', out);
  for (const s of statementsOf(model.sponsors, 'Contact')) enumUse(s.role, 'ContactRole', 'a contact role', out);
  for (const s of model.sites) enumUse(s.status, 'RecruitmentStatus', 'a site status', out);
  for (const r of model.references) enumUse(r.refType, 'ReferenceType', 'a reference type', out);
  return out;
}

export const wordUnknown: Rule = {
  code: 'word-unknown',
  group: 'names',
  defaultSeverity: 'error',
  fixable: true,
  doc: { summary: 'A word that should name a registry value (arm type, status, masking …) is not one of its values.' },
  check(model, report, ctx) {
    for (const use of wordUses(model)) {
      ctx.at(use.words.range);
      if (use.ok(use.words.value)) continue;
      const suggestion = closest(use.words.value, use.valid, 0.6);
      report(
        use.words.range,
        `'${use.words.value}' is not ${use.what}. Use one of: ${use.valid.join(', ')}.`,
        { word: use.words.value, valid: use.valid, ...(suggestion ? { fixes: [replaceFix(`Change to '${suggestion}'`, use.words.range, suggestion)] } : {}) },
      );
    }
  },
};
