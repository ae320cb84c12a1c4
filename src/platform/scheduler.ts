import { Cron } from 'croner';
import { sql } from 'kysely';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import { TIME_ZONE } from '../shared/dates.ts';
import type { Mailer } from './mail/mailer.ts';
import { observeJobRun } from './metrics.ts';

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
  | { ran: true; outcome: 'ok' | 'failed'; details: string }
  | { ran: false; reason: 'locked' | 'already-ran' };

/** What runJob needs: the job context (its `now` defaults to the present) and, for a scheduled run, its due time. */
export type RunJobContext = Omit<JobContext, 'now'> & {
  now?: Date;
  /**
   * The due time of a scheduled run (the cron minute it fires for). A job runs once per due
   * time: an instance that finds it already claimed (by itself or another instance, even one
   * that finished long ago) skips it. Runs started by hand give none.
   */
  dueAt?: Date;
};

/**
 * Runs one job now, recorded in `job_run`. On PostgreSQL only the holder of the job's
 * advisory lock runs it, so several instances never run it at the same time; on SQLite (one
 * process by nature) an in-process flag does the same. A scheduled run also claims its due
 * time (a unique index on job and due time, migration 0016), so it runs exactly once per due
 * time however many instances fire for it, and whenever they do.
 */
export async function runJob(job: ScheduledJob, context: RunJobContext): Promise<JobRunResult> {
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

/** How long the record of a job's run is kept (`job_run`). */
export const JOB_RUN_RETENTION_DAYS = 30;

async function record(job: ScheduledJob, context: RunJobContext): Promise<JobRunResult> {
  const id = newId();
  const { dueAt, ...jobContext } = context;
  const now = context.now ?? dueAt ?? new Date();
  const claim = await context.db.kysely
    .insertInto('job_run')
    .values({
      id,
      job: job.name,
      started_at: new Date().toISOString(),
      due_at: dueAt?.toISOString() ?? null,
    })
    .onConflict((oc) => oc.columns(['job', 'due_at']).doNothing())
    .executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0)
    return { ran: false, reason: 'already-ran' };
  let outcome: 'ok' | 'failed' = 'ok';
  let details: string;
  try {
    details = (await job.run({ ...jobContext, now })) ?? '';
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
  observeJobRun(job.name, outcome);
  // The record is for operators, not for ever: a job that runs every minute writes 1,440
  // rows a day. Runs older than JOB_RUN_RETENTION_DAYS go (their due times never recur).
  await context.db.kysely
    .deleteFrom('job_run')
    .where('job', '=', job.name)
    .where(
      'started_at',
      '<',
      new Date(Date.now() - JOB_RUN_RETENTION_DAYS * 86_400_000).toISOString(),
    )
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
          const result = await runJob(job, { ...jobContext(app), dueAt: dueMinute(new Date()) });
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

/**
 * The due time of a cron firing: the minute it fires in. Every schedule is in whole minutes
 * (five-field cron), and every instance fires within the same minute, so they all name the
 * same due time.
 */
export function dueMinute(firedAt: Date): Date {
  return new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
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
