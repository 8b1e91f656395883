/**
 * The Trial view: what the editor's Trial view and `trial timeline` / `trial preview` show, as data
 * computed by the core (dosing calendar, schedule of activities, registry preview), and the renderers
 * that turn it into SVG and HTML (render-*.ts), shared by the CLI and the editor.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import type { TrialModel } from '../model';
import { dosingCalendar, type DosingCalendar } from './calendar';
import { registryPreview, type RegistryPreview } from './preview';
import { scheduleOfActivities, type ScheduleOfActivities } from './soa';

export interface TrialView {
  calendar: DosingCalendar;
  soa: ScheduleOfActivities;
  preview: RegistryPreview;
}

export function trialView(model: TrialModel, diagnostics: readonly Diagnostic[]): TrialView {
  return { calendar: dosingCalendar(model), soa: scheduleOfActivities(model), preview: registryPreview(model, diagnostics) };
}

export type * from './calendar';
export type * from './soa';
export type * from './preview';
export type { SourceRef } from './source';
