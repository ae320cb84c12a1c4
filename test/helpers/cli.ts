import { runCli } from '../../src/cli/main.ts';

/** What a CLI run printed and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the `vanort` CLI in-process with `env` (NODE_ENV=test) and `stdin`, capturing its output. */
export async function runCliCaptured(
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => Promise.resolve(stdin) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
