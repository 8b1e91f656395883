/**
 * Over a real connection: the bundled server (dist/server.js --stdio) as a child process, driven by
 * the tests' JSON-RPC client. Spawn → first diagnostics of an open document; seeded keystrokes →
 * their publishDiagnostics; completion and hover round trips; resident memory with many large
 * documents open.
 */
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestServer } from '../test/lsp/harness';
import { seededEdits } from './edits';
import { quantiles, type Quantiles } from './stats';

export interface ConnectionResult {
  spawnToFirstDiagnosticsMs: number;
  keystroke: Quantiles;
  completion: Quantiles;
  hover: Quantiles;
}

export async function overConnection(text: string, edits: number, requests: number): Promise<ConnectionResult> {
  const spawned = performance.now();
  const server = await TestServer.start();
  try {
    const { uri } = await server.open(text, 'bench-large.trial');
    await server.diagnosticsFor(uri);
    const spawnToFirstDiagnosticsMs = performance.now() - spawned;
    let doc = TextDocument.create(uri, 'trial', 1, text);
    const keystroke: number[] = [];
    for (const e of seededEdits(text, edits, 7)) {
      const change = { range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.remove) }, text: e.insert };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      const t = performance.now();
      const v = await server.change(uri, [change]);
      await server.diagnosticsFor(uri, v);
      keystroke.push(performance.now() - t);
    }
    // Back to the generated text, with a place to complete at.
    const withHole = text.replace('arm arm3 {\n', 'arm arm3 {\n  receives \n');
    const full = TextDocument.create(uri, 'trial', 0, doc.getText());
    const v = await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: full.positionAt(full.getText().length) }, text: withHole }]);
    await server.diagnosticsFor(uri, v);
    const target = TextDocument.create(uri, 'trial', 0, withHole);
    const completionPos = target.positionAt(withHole.indexOf('arm arm3 {\n  receives ') + 'arm arm3 {\n  receives '.length);
    const hoverPos = target.positionAt(withHole.indexOf('receives drug') + 'receives dr'.length);
    const completion: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < requests; i++) {
      let t = performance.now();
      await server.request('textDocument/completion', { textDocument: { uri }, position: completionPos });
      completion.push(performance.now() - t);
      t = performance.now();
      await server.request('textDocument/hover', { textDocument: { uri }, position: hoverPos });
      hovers.push(performance.now() - t);
    }
    return { spawnToFirstDiagnosticsMs, keystroke: quantiles(keystroke), completion: quantiles(completion), hover: quantiles(hovers) };
  } finally {
    await server.stop();
  }
}

/** Resident memory of the server with `documents` copies of `text` open (each analysed). */
export async function serverMemory(text: string, documents: number): Promise<{ rssMb: number; documents: number }> {
  const server = await TestServer.start();
  try {
    for (let i = 0; i < documents; i++) {
      const { uri } = await server.open(text.replace('BENCH-1', `BENCH-${i}`), `bench-${i}.trial`);
      await server.diagnosticsFor(uri);
    }
    const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { rssMb: kb / 1024, documents };
  } finally {
    await server.stop();
  }
}
