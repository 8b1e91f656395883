/**
 * Whole processes: the CPU the `trial` command and Node itself cost to start, and `trial check` of
 * a folder of many protocols on every core (user ÷ wall time, and the same output as one worker).
 */
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

/** `trial check DIR --format F` with one thread per core, and with `--jobs 1`. */
export interface FolderFormatResult {
  wallSeconds: number;
  userSeconds: number;
  /** user + system */
  cpuSeconds: number;
  userOverWall: number;
  cpuOverWall: number;
  sequentialWallSeconds: number;
  sequentialCpuSeconds: number;
  /** Wall with `--jobs 1` ÷ wall with one thread per core. */
  speedup: number;
  /** The two runs wrote the same bytes. */
  sameOutput: boolean;
}

export interface FolderResult {
  files: number;
  cores: number;
  /** The JSON run's figures (as in earlier runs of the bench). */
  wallSeconds: number;
  userSeconds: number;
  userOverWall: number;
  sequentialWallSeconds: number;
  /** Every format measured wrote the same bytes with one thread per core as with one thread. */
  sameOutput: boolean;
  /** The lower user ÷ wall of the formats: the target's figure. */
  worstUserOverWall: number;
  formats: Record<'json' | 'text', FolderFormatResult>;
}

/**
 * `trial check` of `files` generated protocols of 100–400 lines, as JSON (built whole at the end)
 * and as text (written as the files come in), each with one thread per core and with one thread;
 * the outputs of the two are compared byte for byte.
 */
export function folderCheck(root: string, files: number): FolderResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trial-bench-folder-'));
  try {
    const protocols = path.join(dir, 'protocols');
    fs.mkdirSync(protocols);
    for (let i = 0; i < files; i++) {
      fs.writeFileSync(path.join(protocols, `p${String(i).padStart(5, '0')}.trial`), generateProtocol(100 + (i % 7) * 50, i + 1));
    }
    const cli = path.join(root, 'dist', 'cli.js');
    const node = JSON.stringify(process.execPath);
    const formats = {} as Record<'json' | 'text', FolderFormatResult>;
    for (const format of ['json', 'text'] as const) {
      const command = `${node} ${JSON.stringify(cli)} check ${JSON.stringify(protocols)} --format ${format}`;
      const outParallel = path.join(dir, `parallel.${format}`);
      const outSequential = path.join(dir, `sequential.${format}`);
      const parallel = childCpu(command, 1, root, outParallel);
      const sequential = childCpu(`${command} --jobs 1`, 1, root, outSequential);
      formats[format] = {
        wallSeconds: parallel.wall,
        userSeconds: parallel.user,
        cpuSeconds: parallel.cpu,
        userOverWall: parallel.user / parallel.wall,
        cpuOverWall: parallel.cpu / parallel.wall,
        sequentialWallSeconds: sequential.wall,
        sequentialCpuSeconds: sequential.cpu,
        speedup: sequential.wall / parallel.wall,
        sameOutput: fs.readFileSync(outParallel).equals(fs.readFileSync(outSequential)) && fs.statSync(outParallel).size > 0,
      };
    }
    const json = formats.json;
    return {
      files,
      cores: os.cpus().length,
      wallSeconds: json.wallSeconds,
      userSeconds: json.userSeconds,
      userOverWall: json.userOverWall,
      sequentialWallSeconds: json.sequentialWallSeconds,
      sameOutput: json.sameOutput && formats.text.sameOutput,
      worstUserOverWall: Math.min(json.userOverWall, formats.text.userOverWall),
      formats,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
