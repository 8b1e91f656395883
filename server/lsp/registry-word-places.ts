/**
 * Where a statement writes a registry value in words (`type active comparator`, `class industry`,
 * `masking double participant, investigator` …) and which enumerations the words belong to. Shared
 * by the hover (the meaning) and the inlay hints (the registry value), so both know the same places.
 */
import type * as A from '../../grammar/ast';
import type { EnumName } from '../registry/enums';
import type { AnyStatement } from './nodes';

export interface RegistryWordPlace {
  written: A.Located<string>;
  enums: EnumName[];
}

export const WORDS_ENUM: Partial<Record<A.WordsField, EnumName>> = {
  studyType: 'StudyType',
  status: 'Status',
  allocation: 'DesignAllocation',
  purpose: 'PrimaryPurpose',
  interventionType: 'InterventionType',
  armType: 'ArmGroupType',
  sex: 'Sex',
};

/** The registry words of a top-level item's own line (sites, references) and of one statement. */
export function registryWordPlaces(item: A.TopItem | undefined, s: AnyStatement | undefined): RegistryWordPlace[] {
  const out: RegistryWordPlace[] = [];
  const add = (written: A.Located<string> | undefined, ...enums: EnumName[]) => written && out.push({ written, enums });
  if (!s) {
    if (item?.kind === 'SiteDecl') add(item.status, 'RecruitmentStatus');
    if (item?.kind === 'ReferenceDecl') add(item.refType, 'ReferenceType');
    return out;
  }
  switch (s.kind) {
    case 'Words': {
      const name = WORDS_ENUM[s.field];
      if (name) add(s.words, name);
      break;
    }
    case 'Model': add(s.model, 'InterventionalAssignment', 'ObservationalModel'); break;
    case 'Masking':
      add(s.level, 'DesignMasking');
      for (const role of s.roles) add(role, 'WhoMasked');
      break;
    case 'Sponsor': add(s.agencyClass, 'AgencyClass'); break;
    case 'ResponsibleParty': add(s.partyType, 'ResponsiblePartyType'); break;
    case 'Official': add(s.role, 'OfficialRole'); break;
    case 'Contact': add(s.role, 'ContactRole'); break;
    case 'SecondaryId': add(s.idType, 'SecondaryIdType'); break;
    case 'Date': add(s.dateType, 'DateType'); break;
    case 'Enrollment': add(s.countType, 'EnrollmentType'); break;
  }
  return out;
}
