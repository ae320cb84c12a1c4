import type { JobContext, ScheduledJob } from '../../platform/scheduler.ts';
import {
  DEFAULT_SETTINGS,
  deleteExpiredSubscribers,
  sendDueDeliveries,
  type NewsletterSettings,
} from './newsletter.service.ts';

const settingsOf = (context: JobContext): NewsletterSettings =>
  context.config?.newsletter ?? DEFAULT_SETTINGS;

/**
 * Sends the queued newsletters every minute, in batches at NEWSLETTER_SEND_RATE; on
 * PostgreSQL only the holder of the job's advisory lock sends (src/platform/scheduler.ts).
 */
export const newsletterSendJob: ScheduledJob = {
  name: 'newsletter-send',
  cron: '* * * * *',
  async run(context) {
    const r = await sendDueDeliveries(context.db, context.mailer, {
      baseUrl: context.publicUrl,
      settings: settingsOf(context),
      now: () => new Date(),
    });
    return `sent ${r.sent}, failed ${r.failed}, retrying ${r.retrying}, skipped ${r.skipped}, interrupted ${r.interrupted}`;
  },
};

/** Deletes the addresses unsubscribed (or never confirmed) longer ago than NEWSLETTER_RETENTION_DAYS. */
export const newsletterRetentionJob: ScheduledJob = {
  name: 'newsletter-retention',
  cron: '40 3 * * *',
  async run(context) {
    const days = settingsOf(context).retentionDays;
    return `deleted ${await deleteExpiredSubscribers(context.db, context.now, days)} addresses`;
  },
};
