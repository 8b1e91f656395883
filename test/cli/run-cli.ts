/** Runs the `trial` program in-process with captured output. */
import { run, type CliIo } from '../../server/cli/main';
import { REPO } from '../export/shared';

export interface Ran { code: number; out: string; err: string }

export async function cli(argv: string[], cwd = REPO): Promise<Ran> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stderrIsTTY: false, cwd };
  const code = await run(argv, io);
  return { code, out, err };
}
