import type { MetricFamily, MetricsSource } from '../../platform/metrics.ts';
import { deliveryCountsByStatus } from './newsletter.repository.ts';

/**
 * The mail queue for /metrics (decision 041): the newsletter's deliveries waiting to be sent
 * (queued, or claimed by the sending job) and those that failed for good. Transactional mail
 * (links, reminders) is sent at once or kept in the outbox, so it never waits in a queue.
 */
export const newsletterMetrics: MetricsSource = async (db) => {
  const counts = await deliveryCountsByStatus(db.kysely);
  const queue: MetricFamily = {
    name: 'vanort_mail_queue_messages',
    help: 'Newsletter mails by state: pending (queued or being sent) and failed (given up after the last attempt).',
    type: 'gauge',
    samples: [
      {
        labels: { state: 'pending' },
        value: (counts.get('queued') ?? 0) + (counts.get('sending') ?? 0),
      },
      { labels: { state: 'failed' }, value: counts.get('failed') ?? 0 },
    ],
  };
  return [queue];
};
