/**
 * The one place the exporter and the CLI get a document's diagnostics from: the full checks
 * (server/checks `checkText`) — syntax, units, schedule and registry rules.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import type { ParseResult } from '../../grammar/parse';
import { checkText, type CheckOptions } from '../checks';
import type { TrialModel } from '../model';

export interface Diagnosed {
  parse: ParseResult;
  model: TrialModel;
  diagnostics: Diagnostic[];
}

export function diagnoseText(text: string, options?: CheckOptions): Diagnosed {
  return checkText(text, options);
}
