// The extension-tests entry that VS Code loads (extensionTestsPath): exports run(), which runs mocha
// over every *.test.js beside this file. Works under the code-server launcher and @vscode/test-electron.
import * as fs from 'fs';
import * as path from 'path';
import { runMochaIn } from './runner';

export function run(): Promise<void> {
  return runMochaIn(__dirname, fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(__dirname, f)));
}
