import pino from 'pino';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useTestDb } from '../../test/helpers/test-app.ts';
import { createMailer } from './mail/mailer.ts';
import {
  dueMinute,
  JOB_RUN_RETENTION_DAYS,
  runJob,
  Scheduler,
  type ScheduledJob,
} from './scheduler.ts';

/** A job that notes the instant of each of its runs in `seen` and sums a run up as `summary`. */
function recordingJob(name: string, cron: string, summary?: string) {
  const seen: Date[] = [];
  const job: ScheduledJob = {
    name,
    cron,
    run: ({ now }) => {
      seen.push(now);
      return Promise.resolve(summary);
    },
  };
  return { job, seen };
}

describeEachDialect('scheduler', (dialect) => {
  const t = useTestDb(dialect, { demo: false });
  const mailer = createMailer({ smtpUrl: undefined, from: 'vanortsportalen@goteborg.se' });
  afterAll(() => mailer.close());
  const base = () => ({
    db: t.db,
    mailer,
    publicUrl: 'http://127.0.0.1',
    log: pino({ level: 'silent' }),
  });

  beforeEach(async () => {
    await t.db.kysely.deleteFrom('job_run').execute();
  });

  it('runs a job for the given instant and records the run with its summary', async () => {
    const { job, seen } = recordingJob('test-job', '0 3 * * *', 'did 3 things');
    const now = new Date('2027-03-01T02:00:00Z');
    expect(await runJob(job, { ...base(), now })).toEqual({
      ran: true,
      outcome: 'ok',
      details: 'did 3 things',
    });
    expect(seen).toEqual([now]);
    const runs = await t.db.kysely.selectFrom('job_run').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ job: 'test-job', outcome: 'ok', details: 'did 3 things' });
    expect(runs[0]?.finished_at).toBeTruthy();
  });

  it('records a failing job as failed and keeps going', async () => {
    const job: ScheduledJob = {
      name: 'failing-job',
      cron: '0 3 * * *',
      run: () => Promise.reject(new Error('SMTP server said no')),
    };
    expect(await runJob(job, base())).toEqual({
      ran: true,
      outcome: 'failed',
      details: 'SMTP server said no',
    });
  });

  it('never runs the same job twice at once (advisory lock on PostgreSQL)', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const job: ScheduledJob = {
      name: 'slow-job',
      cron: '0 3 * * *',
      run: async () => {
        runs += 1;
        await gate;
        return 'done';
      },
    };
    // On PostgreSQL the second caller uses another pooled connection, like a second
    // instance would: the lock, not process memory, keeps it out.
    const first = runJob(job, base());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await runJob(job, base());
    expect(second).toEqual({ ran: false, reason: 'locked' });
    release();
    expect(await first).toMatchObject({ ran: true, outcome: 'ok' });
    expect(runs).toBe(1);
    // Once released, the next run goes ahead.
    expect(await runJob(job, base())).toMatchObject({ ran: true });
  });

  it('runs a scheduled job once per due time, even when another instance fires after the first finished', async () => {
    let runs = 0;
    const job: ScheduledJob = {
      name: 'reminder-job',
      cron: '0 3 * * *',
      run: () => {
        runs += 1;
        return Promise.resolve('sent 1');
      },
    };
    const due = new Date('2027-03-01T02:00:00Z');
    expect(await runJob(job, { ...base(), dueAt: due })).toMatchObject({ ran: true });
    // The second instance's schedule fires for the same minute after the first is done: the
    // advisory lock is free again, the claimed due time is not.
    expect(await runJob(job, { ...base(), dueAt: new Date(due) })).toEqual({
      ran: false,
      reason: 'already-ran',
    });
    // Both fire at the same moment: one runs, the other is kept out.
    const next = new Date('2027-03-02T02:00:00Z');
    const both = await Promise.all([
      runJob(job, { ...base(), dueAt: next }),
      runJob(job, { ...base(), dueAt: next }),
    ]);
    expect(both.filter((r) => r.ran)).toHaveLength(1);
    expect(both.find((r) => !r.ran)).toMatchObject({ ran: false });
    expect(runs).toBe(2);
    // A run started by hand has no due time and is never refused.
    expect(await runJob(job, base())).toMatchObject({ ran: true });
    expect(await runJob(job, base())).toMatchObject({ ran: true });
    expect(runs).toBe(4);
    const recorded = await t.db.kysely
      .selectFrom('job_run')
      .select(['due_at', 'outcome'])
      .where('job', '=', 'reminder-job')
      .orderBy('started_at')
      .execute();
    expect(recorded.map((r) => r.due_at)).toEqual([
      due.toISOString(),
      next.toISOString(),
      null,
      null,
    ]);
  });

  it('gives a scheduled run the due time as its instant', async () => {
    const { job, seen } = recordingJob('instant-job', '15 3 * * *');
    const due = dueMinute(new Date('2027-03-01T02:15:00.740Z'));
    await runJob(job, { ...base(), dueAt: due });
    expect(seen.map((d) => d.toISOString())).toEqual(['2027-03-01T02:15:00.000Z']);
  });

  it("keeps a job's record for the retention period, and only its own older runs go", async () => {
    const job: ScheduledJob = { name: 'minutely', cron: '* * * * *', run: () => Promise.resolve() };
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await t.db.kysely
      .insertInto('job_run')
      .values([
        {
          id: 'old',
          job: 'minutely',
          started_at: daysAgo(JOB_RUN_RETENTION_DAYS + 1),
          due_at: null,
        },
        {
          id: 'recent',
          job: 'minutely',
          started_at: daysAgo(JOB_RUN_RETENTION_DAYS - 1),
          due_at: null,
        },
        {
          id: 'other',
          job: 'other-job',
          started_at: daysAgo(JOB_RUN_RETENTION_DAYS + 5),
          due_at: null,
        },
      ])
      .execute();
    await runJob(job, base());
    const ids = (await t.db.kysely.selectFrom('job_run').select(['id', 'job']).execute())
      .filter((r) => r.job === 'other-job' || ['old', 'recent'].includes(r.id))
      .map((r) => r.id)
      .sort();
    expect(ids).toEqual(['other', 'recent']);
  });

  it('refuses a job list with a name twice', () => {
    const job: ScheduledJob = { name: 'x', cron: '0 3 * * *', run: () => Promise.resolve() };
    expect(() => new Scheduler([job, job])).toThrow(/listed twice/);
  });
});
