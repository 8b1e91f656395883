/**
 * Diagnostics for people and machines, one file at a time (a worker thread renders its files,
 * check-files.ts; check-output.ts puts the files together in their order):
 *   text  `file:line:col severity code message` (1-based line and column)
 *   json  [{file, code, severity, message, range: {start: {line, character}, end: {…}}}] (0-based, as LSP)
 *   sarif SARIF 2.1.0 for GitHub code scanning (1-based regions, rules with help text)
 * The JSON documents are exactly `JSON.stringify(document, null, 2)`: a file's entries are
 * rendered with the indentation they have in the whole document.
 */
import type { Diagnostic } from '../../grammar/diagnostic';
import { ruleInfo } from './rules';

export type CheckFormat = 'text' | 'json' | 'sarif';

export function formatTextLine(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\r?\n/g, ' ')}`;
}

/**
 * One file's diagnostics in the output format, as plain strings (cheap to send between threads).
 * `pieces[0]` is the file's part of the output: its text lines, or its JSON entries or SARIF
 * results joined by ",\n" ('' when it has none). In SARIF a result's `ruleIndex` is the place of
 * its code in the sorted codes of the whole run, known only when every file is in: the results are
 * cut there, and the pieces at odd places are the codes whose index goes in between.
 */
export interface RenderedFile {
  pieces: string[];
  errors: number;
  warnings: number;
}

/** `JSON.stringify(value, null, 2)` as it appears `depth` spaces deep in a larger document. */
function nested(value: unknown, depth: number): string {
  const pad = ' '.repeat(depth);
  // JSON.stringify escapes line breaks inside strings, so every "\n" is one of its own.
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

function jsonEntry(file: string, d: Diagnostic): string {
  return nested({
    file,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
  }, 2);
}

const SARIF_LEVEL: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** Where a SARIF result sits in the document (`runs[0].results[i]`): 8 spaces deep. */
const SARIF_RESULT_DEPTH = 8;
const RULE_INDEX = '"ruleIndex": ';

/** One SARIF result, cut where its rule index goes: [before, code, after]. */
function sarifResult(file: string, d: Diagnostic): [string, string, string] {
  const text = nested({
    ruleId: d.code,
    ruleIndex: 0,
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
  }, SARIF_RESULT_DEPTH);
  // The first `"ruleIndex": ` is the key: before it there is only the code, which holds no quote.
  const at = text.indexOf(RULE_INDEX) + RULE_INDEX.length;
  return [text.slice(0, at), d.code, text.slice(at + 1)];
}

export function renderFile(file: string, diagnostics: readonly Diagnostic[], format: CheckFormat): RenderedFile {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  if (format === 'text') {
    let lines = '';
    for (const d of diagnostics) lines += `${formatTextLine(file, d)}\n`;
    return { pieces: [lines], errors, warnings };
  }
  if (format === 'json') return { pieces: [diagnostics.map((d) => jsonEntry(file, d)).join(',\n')], errors, warnings };
  const pieces = [''];
  diagnostics.forEach((d, i) => {
    const [before, code, after] = sarifResult(file, d);
    pieces[pieces.length - 1] += (i > 0 ? ',\n' : '') + before;
    pieces.push(code, after);
  });
  return { pieces, errors, warnings };
}

/** The JSON document of the files' entries (each a file's `pieces[0]`, none empty). */
export function jsonDocument(entries: readonly string[]): string {
  return entries.length === 0 ? '[]\n' : `[\n${entries.join(',\n')}\n]\n`;
}

/**
 * The SARIF document of the files' results (each a file's `pieces`, none without results), with
 * the rules of the codes they use (sorted; a result's ruleIndex is its code's place there).
 */
export function sarifDocument(files: readonly (readonly string[])[], version: string): string {
  const codes = new Set<string>();
  for (const pieces of files) for (let i = 1; i < pieces.length; i += 2) codes.add(pieces[i]!);
  const sorted = [...codes].sort();
  const index = new Map(sorted.map((code, i) => [code, String(i)]));
  const rules = sorted.map((code) => {
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
  const skeleton = JSON.stringify({
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
        results: [],
      },
    ],
  }, null, 2);
  // `results` is the last key of the document, so its `[]` is the last one; the results go there.
  const at = skeleton.lastIndexOf('[]');
  const results = files.map((pieces) => pieces.map((p, i) => (i % 2 === 1 ? index.get(p)! : p)).join('')).join(',\n');
  const inner = files.length === 0 ? '[]' : `[\n${results}\n${' '.repeat(SARIF_RESULT_DEPTH - 2)}]`;
  return `${skeleton.slice(0, at)}${inner}${skeleton.slice(at + 2)}\n`;
}
