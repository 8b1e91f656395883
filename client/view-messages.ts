/** The messages the Trial view's webview may send, checked before anything acts on them (no vscode import: unit-tested). */

/** A message from the webview that asks to move the cursor; anything else is ignored. */
export function parseRevealMessage(m: unknown, lineCount: number): { line: number; character: number } | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const { type, line, character } = m as Record<string, unknown>;
  if (type !== 'reveal' || !Number.isInteger(line) || !Number.isInteger(character)) return undefined;
  const l = line as number;
  const c = character as number;
  if (l < 0 || l >= lineCount || c < 0 || c > 100000) return undefined;
  return { line: l, character: c };
}
