/**
 * Record file text → JSON value, with errors a user can act on, each naming the file and where:
 * a UTF-8 byte-order mark is accepted (editors on Windows write one), a syntax error says line and
 * column, and shapes no registry record has — nesting deeper than MAX_DEPTH, one text longer than
 * MAX_STRING — are refused before the importer walks them (a deep walk would otherwise end in
 * "Maximum call stack size exceeded" with no file name).
 */

/** A registry record nests about 8 levels; 64 leaves room for anything plausible. */
export const MAX_DEPTH = 64;
/** The registry's longest text field holds 32,000 characters; ten times that is certainly not a record. */
export const MAX_STRING = 320_000;

/** Line and column (1-based) of a UTF-16 offset in `text`, counting CR, LF and CRLF as one break. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** `$.protocolSection.armsInterventionsModule.arms[3]` style path. */
function pathText(parts: (string | number)[]): string {
  return '$' + parts.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/**
 * Checks depth and string sizes without recursion (an explicit stack), so the check itself cannot
 * overflow. Returns a problem sentence, or undefined.
 */
export function shapeProblem(value: unknown): string | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) return `the text at ${pathText(path)} is ${v.length.toLocaleString('en-US')} characters long; no registry field holds more than 32,000`;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= MAX_DEPTH) return `the JSON nests deeper than ${MAX_DEPTH} levels at ${pathText(path.slice(0, 6))}…; a registry record nests about 8`;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
  }
  return undefined;
}

/** Parses a record file's text; `fail(message)` builds the caller's error (CLI, LSP). */
export function parseRecordJson<E extends Error>(text: string, fileName: string, fail: (message: string) => E): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? ` (${lineColumn(body, Number(at[1]))})` : body.trim() === '' ? ' (the file is empty)' : '';
    throw fail(`${fileName} is not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}`);
  }
  const problem = shapeProblem(json);
  if (problem) throw fail(`${fileName} is not a ClinicalTrials.gov record: ${problem}`);
  return json;
}
