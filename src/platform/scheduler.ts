import { Cron } from 'croner';
import { sql } from 'kysely';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import { TIME_ZONE } from '../shared/dates.ts';
import type { Mailer } from './mail/mailer.ts';

/** What a job gets: the database, the mailer, the instant it runs for, and a logger. */
export interface JobContext {
  db: Db;
  mailer: Mailer;
  now: Date;
  publicUrl: string;
  log: FastifyBaseLogger;
  /** The app's settings (e.g. the retention period); absent in tests that give none. */
  config?: Config;
}

export interface ScheduledJob {
  /** Stable name, e.g. `delegation-retention`; also the advisory-lock key. */
  name: string;
  /** Cron expression in Europe/Stockholm, e.g. `15 3 * * *` (03:15 every night). */
  cron: string;
  /** Does the work; returns a short summary for the job_run record (e.g. "erased 12"). */
  run(context: JobContext): Promise<string | void>;
}

export type JobRunResult =
  { ran: true; outcome: 'ok' | 'failed'; details: string } | { ran: false; reason: 'locked' };

/**
 * Runs one job now, recorded in `job_run`. On PostgreSQL only the holder of the job's
 * advisory lock runs it, so several instances never send the same reminder twice; on
 * SQLite (one process by nature) an in-process flag does the same.
 */
export async function runJob(
  job: ScheduledJob,
  context: Omit<JobContext, 'now'> & { now?: Date },
): Promise<JobRunResult> {
  const { db } = context;
  if (db.dialect === 'postgres') {
    return db.kysely.connection().execute(async (conn) => {
      const key = `vanort:job:${job.name}`;
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(hashtext(${key})) as locked`.execute(conn);
      if (!rows[0]?.locked) return { ran: false, reason: 'locked' } as const;
      try {
        return await record(job, context);
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      }
    });
  }
  if (running.has(job.name)) return { ran: false, reason: 'locked' };
  running.add(job.name);
  try {
    return await record(job, context);
  } finally {
    running.delete(job.name);
  }
}

const running = new Set<string>();

async function record(
  job: ScheduledJob,
  context: Omit<JobContext, 'now'> & { now?: Date },
): Promise<JobRunResult> {
  const id = newId();
  const now = context.now ?? new Date();
  await context.db.kysely
    .insertInto('job_run')
    .values({ id, job: job.name, started_at: new Date().toISOString() })
    .execute();
  let outcome: 'ok' | 'failed' = 'ok';
  let details: string;
  try {
    details = (await job.run({ ...context, now })) ?? '';
  } catch (error) {
    outcome = 'failed';
    details = error instanceof Error ? error.message : String(error);
    context.log.error({ err: error, job: job.name }, 'scheduled job failed');
  }
  await context.db.kysely
    .updateTable('job_run')
    .set({ finished_at: new Date().toISOString(), outcome, details: details.slice(0, 2000) })
    .where('id', '=', id)
    .execute();
  return { ran: true, outcome, details };
}

/** The jobs of src/jobs.ts on their cron schedules; started by main.ts (never by tests). */
export class Scheduler {
  readonly jobs = new Map<string, ScheduledJob>();
  private crons: Cron[] = [];

  constructor(jobs: readonly ScheduledJob[]) {
    for (const job of jobs) {
      if (this.jobs.has(job.name)) throw new Error(`job ${job.name} listed twice`);
      this.jobs.set(job.name, job);
    }
  }

  start(app: FastifyInstance): void {
    for (const job of this.jobs.values()) {
      this.crons.push(
        new Cron(job.cron, { timezone: TIME_ZONE, protect: true, catch: true }, async () => {
          if (!app.state.ready) return;
          const result = await runJob(job, jobContext(app));
          if (result.ran) app.log.info({ job: job.name, ...result }, 'scheduled job ran');
        }),
      );
    }
  }

  stop(): void {
    for (const cron of this.crons) cron.stop();
    this.crons = [];
  }
}

export function jobContext(app: FastifyInstance): Omit<JobContext, 'now'> {
  return {
    db: app.db,
    mailer: app.mailer,
    publicUrl: app.config.publicUrl ?? `http://${app.config.host}:${app.config.port}`,
    log: app.log,
    config: app.config,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}
