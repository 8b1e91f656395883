/**
 * `trial timeline FILE [--format text|svg|html] [-o OUT]`: the dosing of each arm and intervention —
 * a table of study days (text), the dosing calendar (svg), or the calendar with the schedule of
 * activities as a self-contained page (html).
 * `trial preview FILE [--format html] [-o OUT]`: the record laid out as the registry presents it.
 */
import * as path from 'node:path';
import { diagnoseText } from '../export/diagnose';
import { formatTimeline, timelineRows } from '../export/timeline';
import { writeFileSafely } from '../io/safe-write';
import { trialView } from '../view';
import { renderCalendarSvg } from '../view/render-calendar';
import { renderPreviewPage, renderTimelinePage } from '../view/render-page';
import { readText, writeError } from './files';
import { EXIT_OK, type CliIo } from './io';

export type TimelineFormat = 'text' | 'svg' | 'html';

interface OutputOptions {
  output?: string;
  force?: boolean;
}

function emit(text: string, o: OutputOptions, io: CliIo, file: string): void {
  if (!o.output) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSafely(path.resolve(io.cwd, o.output), text, { overwrite: Boolean(o.force) });
  } catch (e) {
    throw writeError(e, o.output);
  }
  io.stderr(`${file} → ${o.output}\n`);
}

function viewOf(file: string, io: CliIo) {
  const d = diagnoseText(readText(file, io.cwd));
  return { model: d.model, view: trialView(d.model, d.diagnostics), name: path.basename(file).replace(/\.trial$/i, '') };
}

export function timelineCommand(file: string, options: { format?: TimelineFormat } & OutputOptions, io: CliIo): number {
  const format = options.format ?? 'text';
  const { model, view, name } = viewOf(file, io);
  if (format === 'text') {
    const rows = timelineRows(model);
    emit(rows.length > 0 ? formatTimeline(rows) : `${file}: no doses\n`, options, io, file);
  } else if (format === 'svg') {
    emit(`<?xml version="1.0" encoding="UTF-8"?>\n${renderCalendarSvg(view.calendar, `Dosing calendar of ${name}`)}\n`, options, io, file);
  } else {
    emit(renderTimelinePage(view, name), options, io, file);
  }
  return EXIT_OK;
}

export function previewCommand(file: string, options: { format?: 'html' } & OutputOptions, io: CliIo): number {
  const { view, name } = viewOf(file, io);
  emit(renderPreviewPage(view, name), options, io, file);
  return EXIT_OK;
}
