/**
 * Code lenses: above each intervention, the arms that receive it (clicking peeks their `receives`
 * lines); above `trial`, "Export registry record" and "Trial view" (export · view). The commands are the VS Code
 * client's (it says so in initializationOptions.clientCommands); for another client the lenses carry
 * the same titles with no command, so they read as information instead of failing when clicked.
 */
import type { CodeLens, Location } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import { toRange } from './convert';
import type { Analysis } from './workspace';

export const SHOW_LOCATIONS_COMMAND = 'trial.showLocations';

export function codeLenses(analysis: Analysis, clientCommands: boolean): CodeLens[] {
  const uri = analysis.uri;
  const command = (title: string, id: string, args: unknown[]) => (clientCommands ? { title, command: id, arguments: args } : { title, command: '' });
  // One pass over the arms: intervention id → its `receives` lines (linear, not arms × interventions).
  const receivedBy = new Map<string, { arm: string; at: A.Range }[]>();
  for (const arm of analysis.model.arms.values()) {
    for (const s of arm.statements) {
      if (s.kind !== 'Receives') continue;
      const list = receivedBy.get(s.intervention.value) ?? [];
      if (!list.some((x) => x.arm === arm.id.value)) list.push({ arm: arm.id.value, at: s.intervention.range });
      receivedBy.set(s.intervention.value, list);
    }
  }
  const out: CodeLens[] = [];
  for (const item of analysis.parse.ast.items) {
    if (item.kind === 'TrialBlock') {
      const range = toRange(item.keyword);
      out.push({ range, command: command('Export registry record', 'trial.exportRecord', [uri]) });
      out.push({ range, command: command('Trial view', 'trial.openView', [uri]) });
    } else if (item.kind === 'InterventionBlock') {
      const arms = receivedBy.get(item.id.value) ?? [];
      const title = arms.length === 0 ? 'received by no arm'
        : `received by ${arms.length === 1 ? 'arm' : `${arms.length} arms`}: ${arms.map((a) => a.arm).join(', ')}`;
      const range = toRange(item.keyword);
      const locations: Location[] = arms.map((a) => ({ uri, range: toRange(a.at) }));
      out.push({ range, command: command(title, SHOW_LOCATIONS_COMMAND, [uri, range.start, locations]) });
    }
  }
  return out;
}
