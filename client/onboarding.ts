/**
 * Onboarding: "Trial: New Protocol" (an untitled .trial file filled from the template snippet),
 * "Trial: Open an Example Protocol" (the reference trial, copied where the writer can edit and
 * export it), and the walkthrough's "fixed an error" step, which completes when the error count of a
 * .trial document drops (after a quick fix or by hand).
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../server/lsp/protocol';
import { newProtocolSnippet } from './new-protocol-template';

export const EXAMPLE_FILE = 'NCT04743739.trial';
/** Set once a .trial document had fewer errors than when first seen (the walkthrough's quick-fix step). */
export const FIXED_CONTEXT = 'trial.walkthrough.fixedAnError';

export async function newProtocol(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(newProtocolSnippet()), new vscode.Position(0, 0));
  return editor;
}

/**
 * Copy the bundled example into the first workspace folder (never replacing a file of that name:
 * an existing copy is opened as it is), or into the extension's storage when no folder is open.
 */
export async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(context.extensionUri, 'examples', EXAMPLE_FILE);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(context.globalStorageUri, 'examples');
  const target = vscode.Uri.joinPath(folder, EXAMPLE_FILE);
  if (!(await exists(target))) {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.copy(source, target, { overwrite: false });
  }
  const doc = await vscode.workspace.openTextDocument(target);
  return vscode.window.showTextDocument(doc);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Watch error counts of .trial documents; the first drop sets FIXED_CONTEXT for the walkthrough. */
export function watchFirstFix(): vscode.Disposable {
  const first = new Map<string, number>();
  let done = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (done) return;
    for (const uri of e.uris) {
      if (!uri.path.endsWith('.trial')) continue;
      const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const key = uri.toString();
      const seen = first.get(key);
      if (seen === undefined) first.set(key, errors);
      else if (errors < seen) {
        done = true;
        void vscode.commands.executeCommand('setContext', FIXED_CONTEXT, true);
        sub.dispose();
        return;
      }
    }
  });
  return sub;
}
