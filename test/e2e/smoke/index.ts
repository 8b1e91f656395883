// Entry for the packaged-.vsix smoke suite: runs the *.test.js beside this file against the installed extension.
import * as fs from 'fs';
import * as path from 'path';
import { runMochaIn } from '../suite/runner';

export function run(): Promise<void> {
  return runMochaIn(__dirname, fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(__dirname, f)));
}
