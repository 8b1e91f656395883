/**
 * The phrases registry dosing text really uses for routes and frequencies, each mapped to the
 * language's codes (grammar/vocabulary.ts). Collected from the intervention and arm descriptions of
 * ../shared/registry-records; a phrase not listed here leaves the rest of its sentence as text.
 * Patterns are anchored at the reading position (`^`) and case-insensitive.
 */
import type { FrequencyCode, RouteCode } from '../../../grammar/ast';

export const ROUTE_PHRASES: [RegExp, RouteCode][] = [
  [/^(?:by |via )?(?:an? )?(?:intravenous(?:ly)?|i\.v\.|IV|by vein)(?![A-Za-z])/i, 'iv'],
  [/^(?:by |via )?(?:orally|oral|per orally|per oral|per os|p\.o\.|PO|by mouth)(?![A-Za-z])/i, 'oral'],
  [/^(?:by |via )?(?:subcutaneous(?:ly)?|s\.c\.|SC|SQ|subcut)(?![A-Za-z])/i, 'sc'],
  [/^(?:by |via )?(?:intramuscular(?:ly)?|i\.m\.|IM)(?![A-Za-z])/i, 'im'],
  [/^(?:by |via )?(?:inhaled|inhalation|by inhalation|DPI|MDI|nebuli[sz]ed)(?![A-Za-z])/i, 'inhaled'],
  [/^(?:topical(?:ly)?)(?![A-Za-z])/i, 'topical'],
  [/^(?:intranasal(?:ly)?)(?![A-Za-z])/i, 'intranasal'],
  [/^(?:rectal(?:ly)?)(?![A-Za-z])/i, 'rectal'],
  [/^(?:sublingual(?:ly)?)(?![A-Za-z])/i, 'sublingual'],
  [/^(?:transdermal(?:ly)?)(?![A-Za-z])/i, 'transdermal'],
  [/^(?:intrathecal(?:ly)?)(?![A-Za-z])/i, 'intrathecal'],
  [/^(?:intravitreal(?:ly)?)(?![A-Za-z])/i, 'intravitreal'],
  [/^(?:intravesical(?:ly)?)(?![A-Za-z])/i, 'intravesical'],
  [/^(?:intradermal(?:ly)?)(?![A-Za-z])/i, 'intradermal'],
];

/** Named frequencies. `N hourly` and `every N hours` are read separately (→ qNh). */
export const FREQUENCY_PHRASES: [RegExp, FrequencyCode][] = [
  [/^(?:once[- ]daily|once a day|once per day|QD|q\.d\.|OD|daily|every day|QHS|at bedtime|nightly|once nightly)(?![A-Za-z])/i, 'daily'],
  [/^(?:twice[- ]daily|twice a day|twice per day|two times a day|two times daily|2 times a day|2 times daily|BID|b\.i\.d\.)(?![A-Za-z])/i, 'bid'],
  [/^(?:three times a day|three times daily|3 times a day|3 times daily|thrice daily|TID|t\.i\.d\.)(?![A-Za-z])/i, 'tid'],
  [/^(?:four times a day|four times daily|4 times a day|4 times daily|QID|q\.i\.d\.)(?![A-Za-z])/i, 'qid'],
  [/^(?:every other day|on alternate days|QOD)(?![A-Za-z])/i, 'qod'],
  [/^(?:once[- ]weekly|once a week|once per week|weekly|every week|QW)(?![A-Za-z])/i, 'weekly'],
  [/^(?:once[- ]monthly|once a month|monthly|every month)(?![A-Za-z])/i, 'monthly'],
  [/^(?:once|one time|single dose|as a single dose|x ?1)(?![A-Za-z0-9])/i, 'once'],
];

/**
 * Words that may stand between the parts of a regimen without changing it ("by IV infusion", "will be
 * administered", "given", "each"). Skipped while reading; anything else ends the structured part.
 */
export const FILLER = /^(?:[ \t\u00a0,]+|(?:will be |is |are |be )?(?:administered|administrated|given|infused|injected|delivered|taken)(?![A-Za-z])|as an?(?![A-Za-z])|as(?![A-Za-z])|an?(?![A-Za-z])|by(?![A-Za-z])|via(?![A-Za-z])|(?:infusion|injection|bolus|push)(?![A-Za-z])|capsules?(?![A-Za-z])|tablets?(?![A-Za-z])|each(?![A-Za-z])|inclusive(?![A-Za-z])|continuously(?![A-Za-z])|dose(?![A-Za-z]))/i;

/**
 * Words in the same clause before an amount that make the amount something other than the regimen:
 * a titration step, a maximum, a condition, a composition, an exposure target.
 */
export const UNCERTAIN_BEFORE =
  /\b(?:increas\w*|decreas\w*|reduc\w*|escalat\w*|de-escalat\w*|titrat\w*|adjust\w*|taper\w*|maximum|max|up to|not exceed\w*|no more than|equivalent|if|unless|when|may|might|can|could|maintain\w*|ingredients?|contains?|containing|consists?|composed|extract|cumulative|total dose|AUC|target\w*|levels?|concentration|less than|greater than|more than|higher|lower|above|below|between|or|either|per kg|range|instead|replace\w*|dilut\w*|starting (?:from|at|with)|dissolv\w*|reconstitut\w*|mixed|[<>≤≥])(?![A-Za-z])/i;

/** Words right after an amount that make it something other than a dose given (`50 mg/mL`, `60 mg tablets of which`). */
export const UNCERTAIN_AFTER = /^[ \t]*(?:\/|per (?:tablet|capsule|mL|vial)|tablets? (?:of|containing)|or\b|to\b|[-–]\s*\d|x\s*\d|×|equivalent|of (?:the )?(?:maximum|total)|total|in total|cumulative)/i;
