/**
 * The outline: trial, design, sponsors, measures, interventions with their doses, arms with what
 * they receive, eligibility with its criteria, outcomes, schedule with visits, sites, references.
 * Capped at MAX_SYMBOLS (like yaml-language-server's maxItemsComputed) so a huge file stays usable.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type * as A from '../../grammar/ast';
import { textField, wordsField } from '../model';
import { toRange } from './convert';
import { localDoseText } from './hover';
import type { Analysis } from './workspace';

export const MAX_SYMBOLS = 5000;

export function documentSymbols(analysis: Analysis, max = MAX_SYMBOLS): DocumentSymbol[] {
  let count = 0;
  const sym = (name: string, kind: SymbolKind, range: A.Range, selection: A.Range = range, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined => {
    if (count >= max) return undefined;
    count++;
    return { name: name || '(unnamed)', kind, range: toRange(range), selectionRange: toRange(selection), ...(detail ? { detail } : {}), ...(children ? { children } : {}) };
  };
  const kids = (make: () => (DocumentSymbol | undefined)[]): DocumentSymbol[] => make().filter((x): x is DocumentSymbol => !!x);

  const out: DocumentSymbol[] = [];
  for (const item of analysis.parse.ast.items) {
    if (count >= max) break;
    let s: DocumentSymbol | undefined;
    switch (item.kind) {
      case 'TrialBlock': {
        const title = textField(item, 'briefTitle')?.text.value;
        s = sym('trial', SymbolKind.Module, item.range, item.keyword, title);
        break;
      }
      case 'DesignBlock': s = sym('design', SymbolKind.Namespace, item.range, item.keyword); break;
      case 'OversightBlock': s = sym('oversight', SymbolKind.Namespace, item.range, item.keyword); break;
      case 'IpdSharingBlock': s = sym('ipd sharing', SymbolKind.Namespace, item.range, item.keyword); break;
      case 'SponsorsBlock': {
        s = sym('sponsors', SymbolKind.Namespace, item.range, item.keyword);
        if (s) s.children = kids(() => item.statements.map((st) => st.kind === 'Sponsor' ? sym(st.name.value, SymbolKind.Property, st.range, st.name.range, st.role.value) : undefined));
        break;
      }
      case 'MeasureDecl': s = sym(item.id.value, SymbolKind.Variable, item.range, item.id.range, `measure${item.unit ? ` (${item.unit.value})` : ''}`); break;
      case 'InterventionBlock': {
        s = sym(item.id.value, SymbolKind.Function, item.range, item.id.range, textField(item, 'name')?.text.value ?? 'intervention');
        if (s) s.children = kids(() => item.statements.map((st) => st.kind === 'Dose' ? sym('dose', SymbolKind.Event, st.range, st.range, localDoseText(st)) : undefined));
        break;
      }
      case 'ArmBlock': {
        const type = wordsField(item, 'armType')?.words.value;
        s = sym(item.id.value, SymbolKind.Class, item.range, item.id.range, textField(item, 'label')?.text.value ?? type ?? (item.group ? 'group' : 'arm'));
        if (s) s.children = kids(() => item.statements.map((st) => st.kind === 'Receives' ? sym(`${st.exposure ? 'exposure' : 'receives'} ${st.intervention.value}`, SymbolKind.Field, st.range, st.intervention.range, st.doses.length ? `${st.doses.length} own dose${st.doses.length > 1 ? 's' : ''}` : undefined) : undefined));
        break;
      }
      case 'EligibilityBlock': {
        s = sym('eligibility', SymbolKind.Namespace, item.range, item.keyword);
        const criterion = (st: A.EligibilityStatement) => {
          if (st.kind !== 'Criterion') return undefined;
          const what = st.measure ? `${st.measure.value} ${st.comparator?.value ?? (st.low ? `${st.low.written ?? st.low.value} to` : '')} ${st.threshold ? `${st.threshold.value.value} ${st.threshold.unit.value}` : st.limit ? `${st.limit.multiple.value} x ${st.limit.of.value}` : ''}`.trim() : st.text?.value ?? '';
          return sym(`${st.polarity.value} ${what.length > 60 ? what.slice(0, 59) + '…' : what}`, SymbolKind.Boolean, st.range, st.polarity.range);
        };
        if (s) s.children = kids(() => item.statements.map((st) => {
          if (st.kind !== 'Population') return criterion(st);
          const p = sym(`population ${st.title.value}`, SymbolKind.Namespace, st.range, st.title.range);
          if (p) p.children = kids(() => st.statements.map(criterion));
          return p;
        }));
        break;
      }
      case 'OutcomeBlock': s = sym(`${item.level.value} outcome`, SymbolKind.Object, item.range, item.level.range, item.title.value); break;
      case 'ScheduleBlock': {
        s = sym('schedule', SymbolKind.Namespace, item.range, item.keyword);
        if (s) s.children = kids(() => item.statements.map((v) =>
          v.kind === 'Visit' ? sym(v.id.value, SymbolKind.Event, v.range, v.id.range, `${v.at.unit.value} ${v.at.value.value}${v.period ? ` in ${v.period.value}` : ''}`)
          : v.kind === 'Period' ? sym(v.id.value, SymbolKind.Interface, v.range, v.id.range, `period for ${v.length.value.value} ${v.length.unit.value}`)
          : undefined));
        break;
      }
      case 'SiteDecl': s = sym(item.facility.value, SymbolKind.Struct, item.range, item.facility.range, [item.city?.value, item.country?.value].filter(Boolean).join(', ')); break;
      case 'LinkDecl': s = sym(item.label.value || 'link', SymbolKind.String, item.range, item.label.range, item.url.value.slice(0, 80)); break;
      case 'ReferenceDecl': s = sym(item.pmid ? `pmid ${item.pmid.value}` : 'reference', SymbolKind.String, item.range, item.refType.range, item.citation.value.slice(0, 80)); break;
    }
    if (s) out.push(s);
  }
  return out;
}
