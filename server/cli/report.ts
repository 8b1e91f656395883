/**
 * Diagnostics for people and machines:
 *   text  `file:line:col severity code message` (1-based line and column)
 *   json  [{file, code, severity, message, range: {start: {line, character}, end: {…}}}] (0-based, as LSP)
 *   sarif SARIF 2.1.0 for GitHub code scanning (1-based regions, rules with help text)
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { ruleInfo } from './rules';

export interface FileDiagnostic {
  file: string;
  diagnostic: Diagnostic;
}

export function formatTextLine(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\r?\n/g, ' ')}`;
}

export function toJson(items: FileDiagnostic[]): string {
  const out = items.map(({ file, diagnostic: d }) => ({
    file,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function toSarif(items: FileDiagnostic[], version: string): string {
  const codes = [...new Set(items.map((i) => i.diagnostic.code))].sort();
  const rules = codes.map((code) => {
    const info = ruleInfo(code);
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: info.summary },
      fullDescription: { text: info.description },
      help: { text: info.help, markdown: info.help },
      defaultConfiguration: { level: SARIF_LEVEL[info.severity] },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trial',
            version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: items.map(({ file, diagnostic: d }) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file.split('\\').join('/') },
                region: {
                  startLine: d.range.start.line + 1,
                  startColumn: d.range.start.character + 1,
                  endLine: d.range.end.line + 1,
                  endColumn: Math.max(d.range.end.character + 1, d.range.end.line === d.range.start.line ? d.range.start.character + 2 : 1),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
