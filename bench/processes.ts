/**
 * Whole processes: the CPU the `trial` command and Node itself cost to start, and `trial check` of
 * a folder of many protocols on every core (user ÷ wall time, and the same output as one worker).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateProtocol } from './generate';
import { childCpu } from './stats';

export interface StartupResult {
  nodeCpu: number;
  versionCpu: number;
  checkCpu: number;
  versionOverNode: number;
  checkOverNode: number;
}

export function startup(root: string, runs: number): StartupResult {
  const node = JSON.stringify(process.execPath);
  const nodeCpu = childCpu(`${node} -e 0`, runs, root).cpu;
  const versionCpu = childCpu(`${node} dist/cli.js --version`, runs, root).cpu;
  const checkCpu = childCpu(`${node} dist/cli.js check examples/NCT04743739.trial`, runs, root).cpu;
  return { nodeCpu, versionCpu, checkCpu, versionOverNode: versionCpu / nodeCpu, checkOverNode: checkCpu / nodeCpu };
}

export interface FolderResult {
  files: number;
  cores: number;
  wallSeconds: number;
  userSeconds: number;
  userOverWall: number;
  sequentialWallSeconds: number;
  sameOutput: boolean;
}

export function folderCheck(root: string, files: number): FolderResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-bench-folder-'));
  try {
    for (let i = 0; i < files; i++) {
      fs.writeFileSync(path.join(dir, `p${String(i).padStart(5, '0')}.trial`), generateProtocol(100 + (i % 7) * 50, i + 1));
    }
    const cli = path.join(root, 'dist', 'cli.js');
    const node = JSON.stringify(process.execPath);
    const parallel = childCpu(`${node} ${JSON.stringify(cli)} check ${JSON.stringify(dir)} --format json`, 1, root);
    const sequential = childCpu(`${node} ${JSON.stringify(cli)} check ${JSON.stringify(dir)} --format json --jobs 1`, 1, root);
    const run = (extra: string[]): string => {
      try {
        return execFileSync(process.execPath, [cli, 'check', dir, '--format', 'json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    };
    const sameOutput = run([]) === run(['--jobs', '1']);
    return {
      files,
      cores: os.cpus().length,
      wallSeconds: parallel.wall,
      userSeconds: parallel.user,
      userOverWall: parallel.user / parallel.wall,
      sequentialWallSeconds: sequential.wall,
      sameOutput,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
