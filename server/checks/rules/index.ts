/** The registered rules, in the order they run (names, units, schedule, registry). */
import type { Rule } from '../types';
import { nameDuplicate } from './names/name-duplicate';
import { nameUndefined } from './names/name-undefined';
import { wordUnknown } from './names/word-unknown';
import { doseAboveMax } from './units/dose-above-max';
import { doseBasisMissing } from './units/dose-basis-missing';
import { unitClinicalSpelling } from './units/unit-clinical-spelling';
import { unitMeasureMismatch } from './units/unit-measure-mismatch';
import { unitNeedsMolecularWeight } from './units/unit-needs-molecular-weight';
import { unitTrap } from './units/unit-trap';
import { unitUnknown } from './units/unit-unknown';
import { unitWrongDimension } from './units/unit-wrong-dimension';
import { doseBeyondPeriod } from './schedule/dose-beyond-period';
import { doseBeyondStudy } from './schedule/dose-beyond-study';
import { doseConditionOutsideTreatment } from './schedule/dose-condition-outside-treatment';
import { doseDayNegative } from './schedule/dose-day-negative';
import { doseDayRepeated } from './schedule/dose-day-repeated';
import { doseDayZero } from './schedule/dose-day-zero';
import { doseDaysOrder } from './schedule/dose-days-order';
import { doseDividedFrequency } from './schedule/dose-divided-frequency';
import { doseOverlap } from './schedule/dose-overlap';
import { outcomeBeyondStudy } from './schedule/outcome-beyond-study';
import { outcomeNotAVisit } from './schedule/outcome-not-a-visit';
import { taperBeforeDosing } from './schedule/taper-before-dosing';
import { taperBeyondStudy } from './schedule/taper-beyond-study';
import { crossoverWithoutWashout } from './activities/crossover-without-washout';
import { receivesOutsideArmPeriods } from './activities/receives-outside-arm-periods';
import { eligibilityNotAssessedAtScreening } from './activities/eligibility-not-assessed-at-screening';
import { outcomeInNoPeriod } from './activities/outcome-in-no-period';
import { visitOutsidePeriod } from './activities/visit-outside-period';
import { visitWindowOnAnchor } from './activities/visit-window-on-anchor';
import { visitWindowsOverlap } from './activities/visit-windows-overlap';
import { ageMinAboveMax } from './registry/age-min-above-max';
import { armLabelDuplicate } from './registry/arm-label-duplicate';
import { armNoInterventionReceives } from './registry/arm-no-intervention-receives';
import { armWithoutIntervention } from './registry/arm-without-intervention';
import { dateOrder } from './registry/date-order';
import { interventionUnused } from './registry/intervention-unused';
import { maskingNoneWithRoles } from './registry/masking-none-with-roles';
import { registryMissingElement } from './registry/missing-element';
import { phaseMismatch } from './registry/phase-mismatch';
import { siteRecruitingMismatch } from './registry/site-recruiting-mismatch';
import { siteUsWithoutState } from './registry/site-us-without-state';
import { collaboratorDuplicate } from './registry/collaborator-duplicate';
import { statusNeedsActual } from './registry/status-needs-actual';
import { registryTextTooLong } from './registry/text-too-long';
import { whyStoppedMissing } from './registry/why-stopped-missing';
import { whyStoppedNotAllowed } from './registry/why-stopped-not-allowed';
import { withdrawnEnrollment } from './registry/withdrawn-enrollment';
// What the export schema refuses, reported first by the checks (issue 9).
import { ageNotWhole } from './format/age-not-whole';
import { dateInvalid } from './format/date-invalid';
import { enrollmentCount } from './format/enrollment-count';
import { phaseCombination } from './registry/phase-combination';
import { placeboScheduleMismatch } from './design/placebo-schedule-mismatch';
import { leadSponsorRepeated } from './registry/lead-sponsor-repeated';
import { amountRangeReversed } from './format/amount-range-reversed';
import { quantityNotPositive } from './format/quantity-not-positive';
import { nctIdFormat } from './format/nct-id-format';
import { contactEmailInvalid } from './format/contact-email-invalid';
import { placeholderValue } from './format/placeholder-value';
// Design consistency (issue 9).
import { allocationArmsMismatch } from './design/allocation-arms';
import { allocationTextMismatch } from './design/allocation-text-mismatch';
import { comparatorArmReceives } from './design/comparator-arm-receives';
import { datesStatusToday } from './design/dates-status-today';
import { enrollmentStatusMismatch } from './design/enrollment-status';
import { enrollmentZero } from './design/enrollment-zero';
import { maskingLevelRoles } from './design/masking-level-roles';
import { modelArmsMismatch } from './design/model-arms';
// Eligibility logic (issue 9).
import { ageCriterionConflict } from './eligibility/age-criterion-conflict';
import { criteriaNoOneEligible } from './eligibility/criteria-no-one-eligible';
import { criterionDuplicate } from './eligibility/criterion-duplicate';
import { criteriaNumberForm } from './eligibility/criteria-number-form';
import { criterionThresholdImpossible } from './eligibility/criterion-threshold-impossible';
// Kept wordings of imported records (issue 10).
import { keptWordingDisagrees } from './registry/kept-wording-disagrees';
// Dosing arithmetic (issue 9).
import { cumulativeDoseAboveMax } from './dosing/cumulative-dose-above-max';
import { doseCappedByMax } from './dosing/dose-capped-by-max';
import { doseDailyAmbiguous } from './dosing/dose-daily-ambiguous';
import { doseDividedNotDaily } from './dosing/dose-divided-not-daily';
import { loadingDoseAfterMaintenance } from './dosing/loading-dose-after-maintenance';
import { doseRateNotAmount } from './dosing/dose-rate-not-amount';
import { maxDoseIncommensurable } from './dosing/max-dose-incommensurable';
import { taperAfterDosingEnds } from './dosing/taper-after-dosing-ends';
// Outcomes and time frames (issue 9).
import { outcomeTimeFrameMissing } from './outcomes/outcome-time-frame-missing';
import { primaryOutcomeTimePoints } from './outcomes/primary-outcome-time-points';
import { timeFrameVague } from './outcomes/time-frame-vague';

export const ALL_RULES: readonly Rule[] = [
  nameUndefined,
  nameDuplicate,
  wordUnknown,
  placeholderValue,
  unitUnknown,
  unitClinicalSpelling,
  unitTrap,
  unitWrongDimension,
  unitMeasureMismatch,
  unitNeedsMolecularWeight,
  doseBasisMissing,
  doseAboveMax,
  doseDayZero,
  doseDayNegative,
  doseDaysOrder,
  doseDayRepeated,
  doseDividedFrequency,
  doseConditionOutsideTreatment,
  taperBeforeDosing,
  taperBeyondStudy,
  doseBeyondStudy,
  doseBeyondPeriod,
  outcomeBeyondStudy,
  outcomeNotAVisit,
  doseOverlap,
  // the schedule of activities: periods, visit windows, assessments
  visitWindowsOverlap,
  visitWindowOnAnchor,
  visitOutsidePeriod,
  outcomeInNoPeriod,
  eligibilityNotAssessedAtScreening,
  crossoverWithoutWashout,
  receivesOutsideArmPeriods,
  registryMissingElement,
  registryTextTooLong,
  armWithoutIntervention,
  armNoInterventionReceives,
  interventionUnused,
  armLabelDuplicate,
  whyStoppedMissing,
  whyStoppedNotAllowed,
  withdrawnEnrollment,
  statusNeedsActual,
  dateOrder,
  phaseMismatch,
  phaseCombination,
  leadSponsorRepeated,
  maskingNoneWithRoles,
  ageMinAboveMax,
  siteUsWithoutState,
  collaboratorDuplicate,
  siteRecruitingMismatch,
  // format: what the export schema refuses
  dateInvalid,
  nctIdFormat,
  contactEmailInvalid,
  ageNotWhole,
  enrollmentCount,
  amountRangeReversed,
  quantityNotPositive,
  // design consistency
  maskingLevelRoles,
  modelArmsMismatch,
  allocationArmsMismatch,
  allocationTextMismatch,
  comparatorArmReceives,
  placeboScheduleMismatch,
  enrollmentStatusMismatch,
  enrollmentZero,
  datesStatusToday,
  // eligibility logic
  criteriaNoOneEligible,
  criterionThresholdImpossible,
  criterionDuplicate,
  ageCriterionConflict,
  criteriaNumberForm,
  // kept wordings
  keptWordingDisagrees,
  // dosing arithmetic
  doseRateNotAmount,
  maxDoseIncommensurable,
  cumulativeDoseAboveMax,
  doseDailyAmbiguous,
  doseDividedNotDaily,
  taperAfterDosingEnds,
  doseCappedByMax,
  loadingDoseAfterMaintenance,
  // outcomes and time frames
  outcomeTimeFrameMissing,
  timeFrameVague,
  primaryOutcomeTimePoints,
];
