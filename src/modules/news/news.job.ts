import type { ScheduledJob } from '../../platform/scheduler.ts';
import { publishDueNews } from './news.service.ts';

/**
 * Publishes scheduled news when their time has come (every minute). The status write is what
 * bumps the public data generation, so cached pages and feeds change; the scheduler's lock
 * (PostgreSQL advisory lock) and the write's own condition make each item published once,
 * however many instances run.
 */
export const newsPublishJob: ScheduledJob = {
  name: 'news-publish',
  cron: '* * * * *',
  async run({ db, now }) {
    const published = await publishDueNews(db, now, {
      userId: null,
      label: 'job:news-publish',
      ip: null,
    });
    return `published ${published.length}`;
  },
};
