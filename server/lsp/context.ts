/**
 * Where is the cursor? Cheap by design (no parse of the document): the tokens of the current line
 * before the cursor, lexed alone, plus the enclosing block found by scanning upwards for the
 * unmatched `{`. Completion uses it; it works on half-typed, unparseable lines.
 */
import type { IToken } from 'chevrotain';
import { lexer } from '../../grammar/lexer';
import { startsTopLevelItem } from '../../grammar/segments';

export type BlockKind =
  | 'top'
  | 'trial'
  | 'design'
  | 'sponsors'
  | 'intervention'
  | 'arm'
  | 'group'
  | 'oversight'
  | 'ipdSharing'
  | 'receives'
  | 'eligibility'
  | 'population'
  | 'outcome'
  | 'schedule'
  | 'unknown';

export interface CursorContext {
  block: BlockKind;
  /** Significant tokens of the line before the word being typed. */
  before: IToken[];
  /** Lower-case images of `before`, for matching. */
  words: string[];
  /** The word being typed (may be empty) and where it starts on the line. */
  partial: string;
  partialStart: number;
  /** True inside a quoted text or a comment: nothing to complete. */
  inTextOrComment: boolean;
  line: number;
  character: number;
  lineText: string;
}

const BLOCK_HEADS: Record<string, BlockKind> = {
  trial: 'trial',
  design: 'design',
  sponsors: 'sponsors',
  intervention: 'intervention',
  arm: 'arm',
  group: 'group',
  oversight: 'oversight',
  ipd: 'ipdSharing',
  receives: 'receives',
  eligibility: 'eligibility',
  population: 'population',
  primary: 'outcome',
  secondary: 'outcome',
  other: 'outcome',
  schedule: 'schedule',
};

/**
 * The block whose `{` is open at the start of `line` (scans upwards, skipping texts and comments).
 * The scan stops at the line that opens the current top-level item (column 0, as segments.ts
 * splits), so it costs the size of that item, never a walk back to the start of the document.
 */
export function enclosingBlock(lines: readonly string[] | ((i: number) => string), line: number): BlockKind {
  const get = typeof lines === 'function' ? lines : (i: number) => lines[i] ?? '';
  // Going upwards, a line with an odd number of `"""` enters a triple text (its closing line) or
  // leaves it (its opening line, whose code before the quotes still counts).
  let depth = 0;
  let inTriple = false;
  for (let i = line - 1; i >= 0; i--) {
    let text = get(i);
    if (countTriples(text) % 2 === 1) {
      if (!inTriple) {
        inTriple = true;
        continue;
      }
      inTriple = false;
      text = text.slice(0, text.indexOf('"""'));
    } else if (inTriple) continue;
    const code = stripTextsAndComment(text);
    for (let c = code.length - 1; c >= 0; c--) {
      const ch = code[c];
      if (ch === '}') depth++;
      else if (ch === '{') {
        if (depth === 0) return blockOfHead(code.slice(0, c));
        depth--;
      }
    }
    // Blocks never span a top-level item's first line: above it lies another item.
    if (!inTriple && startsTopLevelItem(text)) return 'top';
  }
  return 'top';
}

function countTriples(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"""'); i >= 0; i = text.indexOf('"""', i + 3)) n++;
  return n;
}

function blockOfHead(head: string): BlockKind {
  const first = /^\s*([A-Za-z_]+)/.exec(head)?.[1]?.toLowerCase();
  if (!first) return 'unknown';
  if (/\breceives\b/i.test(head)) return 'receives';
  return BLOCK_HEADS[first] ?? 'unknown';
}

/** A line with its quoted texts emptied and its comment removed. */
export function stripTextsAndComment(text: string): string {
  let out = '';
  let inText = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inText) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inText = false;
        out += '"';
      }
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') break;
    if (ch === '"') inText = true;
    out += ch;
  }
  return out;
}

/** True when `character` on the line is inside a quoted text or a `//` comment. */
function insideTextOrComment(lineText: string, character: number): boolean {
  let inText = false;
  for (let i = 0; i < character && i < lineText.length; i++) {
    const ch = lineText[i];
    if (inText) {
      if (ch === '\\') i++;
      else if (ch === '"') inText = false;
      continue;
    }
    if (ch === '/' && lineText[i + 1] === '/') return true;
    if (ch === '"') inText = true;
  }
  return inText;
}

export function cursorContext(lineAt: (i: number) => string, line: number, character: number, insideTriple = false): CursorContext {
  const lineText = lineAt(line);
  const prefix = lineText.slice(0, character);
  const partialMatch = /[A-Za-z_][A-Za-z0-9_]*$/.exec(prefix);
  // A unit being typed (`10 mg/k`) is a partial too: everything after the last space.
  const partialStart = partialMatch ? partialMatch.index : character;
  const partial = partialMatch ? partialMatch[0] : '';
  const inTextOrComment = insideTriple || insideTextOrComment(lineText, character);
  const lexed = lexer.tokenize(prefix.slice(0, partialStart));
  const before = lexed.tokens.filter((t) => t.tokenType.name !== 'Newline');
  return {
    block: enclosingBlock(lineAt, line),
    before,
    words: before.map((t) => t.image.toLowerCase()),
    partial,
    partialStart,
    inTextOrComment,
    line,
    character,
    lineText,
  };
}

/** The token type names of `before`, for matching shapes such as Number Unit. */
export function kinds(ctx: CursorContext): string[] {
  return ctx.before.map((t) => t.tokenType.name);
}
