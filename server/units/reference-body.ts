/**
 * The reference body clinicians use to judge a weight- or surface-based dose for plausibility
 * (units-and-schedules.md §3.2 "Plausibility"): a 70 kg adult with 1.73 m² of body surface. One place,
 * so the checks that compare doses with a maximum and the editor's hints name the same body.
 */
export const REFERENCE_WEIGHT_KG = 70;
export const REFERENCE_SURFACE_M2 = 1.73;
