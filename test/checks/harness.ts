/**
 * Fixture harness for the checks. A fixture file holds sections separated by `// ==== title`
 * lines; each section is a document of its own. In a section:
 *
 *   // expect: CODE [CODE…]   every `«…»` marker after this comment (up to the next expect) is a
 *                             diagnostic with that code and exactly that range (with several codes
 *                             and as many markers, they pair in order)
 *   // near-miss: CODE        the section must have no diagnostic with that code
 *
 * The markers are removed before checking; the comments stay (they are comments).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fixturesDir } from '../helpers/paths';

export interface Expected {
  code: string;
  start: number;
  end: number;
}

export interface Section {
  file: string;
  title: string;
  /** Line of the section in its file (1-based), for messages. */
  line: number;
  text: string;
  expected: Expected[];
  nearMiss: string[];
}

export const checksFixturesDir = path.join(fixturesDir, 'checks');

export function parseSections(file: string, source: string): Section[] {
  const sections: Section[] = [];
  const lines = source.split('\n');
  let current: { title: string; line: number; lines: string[] } | undefined;
  const flush = (): void => {
    if (current) sections.push(buildSection(file, current.title, current.line, current.lines.join('\n')));
  };
  lines.forEach((l, i) => {
    const m = /^\/\/ ====\s*(.*)$/.exec(l);
    if (m) {
      flush();
      current = { title: m[1]!.trim(), line: i + 1, lines: [] };
    } else if (current) current.lines.push(l);
  });
  flush();
  return sections;
}

function buildSection(file: string, title: string, line: number, raw: string): Section {
  const expected: Expected[] = [];
  const nearMiss: string[] = [];
  let text = '';
  let pendingCodes: string[] = [];
  let pendingMarkers: { start: number; end: number }[] = [];
  const settle = (): void => {
    if (pendingCodes.length === 0) {
      if (pendingMarkers.length) throw new Error(`${file}: section "${title}" has a marker with no // expect: before it`);
      return;
    }
    if (pendingMarkers.length === 0) throw new Error(`${file}: section "${title}" has // expect: ${pendingCodes.join(' ')} with no marker`);
    if (pendingCodes.length > 1 && pendingCodes.length === pendingMarkers.length) {
      pendingMarkers.forEach((m, i) => expected.push({ code: pendingCodes[i]!, ...m }));
    } else {
      for (const code of pendingCodes) for (const m of pendingMarkers) expected.push({ code, ...m });
    }
    pendingCodes = [];
    pendingMarkers = [];
  };
  const open: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '«') {
      open.push(text.length);
      continue;
    }
    if (ch === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error(`${file}: unbalanced » in "${title}"`);
      pendingMarkers.push({ start, end: text.length });
      continue;
    }
    if (ch === '/' && raw.startsWith('// expect:', i) && (i === 0 || /\s/.test(raw[i - 1]!))) {
      settle();
      const end = raw.indexOf('\n', i);
      const body = raw.slice(i + '// expect:'.length, end < 0 ? raw.length : end);
      pendingCodes = body.trim().split(/[\s,]+/).filter(Boolean);
    }
    if (ch === '/' && raw.startsWith('// near-miss:', i)) {
      const end = raw.indexOf('\n', i);
      nearMiss.push(...raw.slice(i + '// near-miss:'.length, end < 0 ? raw.length : end).trim().split(/[\s,]+/).filter(Boolean));
    }
    text += ch;
  }
  settle();
  if (open.length) throw new Error(`${file}: unbalanced « in "${title}"`);
  return { file, title, line, text, expected, nearMiss };
}

export function loadSections(): Section[] {
  return fs
    .readdirSync(checksFixturesDir)
    .filter((f) => f.endsWith('.trial'))
    .sort()
    .flatMap((f) => parseSections(f, fs.readFileSync(path.join(checksFixturesDir, f), 'utf8')));
}
