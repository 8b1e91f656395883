/** `trial timeline FILE`: the dosing of each arm and intervention with study days, as a table. */
import { diagnoseText } from '../export/diagnose';
import { formatTimeline, timelineRows } from '../export/timeline';
import { readText } from './files';
import { EXIT_OK, type CliIo } from './io';

export function timelineCommand(file: string, io: CliIo): number {
  const { model } = diagnoseText(readText(file, io.cwd));
  const rows = timelineRows(model);
  io.stdout(rows.length > 0 ? formatTimeline(rows) : `${file}: no doses\n`);
  return EXIT_OK;
}
