import pino from 'pino';
import type { Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { Mailer } from '../../src/platform/mail/mailer.ts';
import { runJob, type JobContext, type ScheduledJob } from '../../src/platform/scheduler.ts';

/**
 * What a scheduled job gets when a test runs it (with runJob) at the instant `now`: the
 * test's database and mailer, the portal's address (by default https://vanort.example), a
 * log that says nothing, and the settings when the job reads them.
 */
export function jobContext(parts: {
  db: Db;
  mailer: Mailer;
  now: Date;
  publicUrl?: string;
  config?: Config;
}): JobContext {
  const { publicUrl = 'https://vanort.example', ...rest } = parts;
  return { ...rest, publicUrl, log: pino({ level: 'silent' }) };
}

/** 06:00 UTC of a plain date: the morning in Gothenburg, when the nightly jobs have run. */
export const morningRun = (date: string): Date => new Date(`${date}T06:00:00Z`);

/** Runs a scheduled job on the test app's database and mailer, on the morning of `date`. */
export function runJobOnMorning(
  t: { db: Db; app: { mailer: Mailer } },
  job: ScheduledJob,
  date: string,
) {
  return runJob(job, jobContext({ db: t.db, mailer: t.app.mailer, now: morningRun(date) }));
}

/** The mails in the outbox by address: whom to, the subject and the text. */
export function outboxMails(db: Db) {
  return db.kysely
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'text_body'])
    .orderBy('to_address')
    .execute();
}
