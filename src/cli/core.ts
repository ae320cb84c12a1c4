import type { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';

/** Exit codes: 0 done, 1 failed, 2 wrong usage, 78 bad configuration (EX_CONFIG). */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** All of standard input (for passwords). */
  readStdin: () => Promise<string>;
}

export class UsageError extends Error {}
/** A failure to report in one line, exit code 1. */
export class CliFailure extends Error {}

export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  demo: { type: 'boolean' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  organisation: { type: 'string' },
  city: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  invite: { type: 'boolean' },
  days: { type: 'string' },
  from: { type: 'string' },
  count: { type: 'string' },
  json: { type: 'boolean' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
  meeting: { type: 'string' },
} as const;

export type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

export interface Command {
  /** Options the command takes; any other is a usage error. */
  options: (keyof typeof OPTIONS)[];
  /** How many plain arguments follow the command's words (e.g. `backup FILE`); none if unset. */
  positionals?: number;
  /** Throws UsageError when the arguments are incomplete. */
  check?: (values: Values, args: string[]) => void;
  run: (ctx: { db: Db; config: Config; values: Values; io: Io; args: string[] }) => Promise<number>;
}
