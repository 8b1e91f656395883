// The Restricted Mode suite (vscode-e2e.sh phase `restricted`: workspace trust on, folder never trusted).
import * as path from 'path';
import { runMochaIn } from '../suite/runner';

export function run(): Promise<void> {
  return runMochaIn(__dirname, [path.join(__dirname, 'restricted.test.js')]);
}
