import type { ScheduledJob } from '../../platform/scheduler.ts';
import { ensureIndexFresh } from './search-index.service.ts';

/**
 * Keeps the portal search's index warm: builds it after a deployment (the first build reads
 * every record: seconds on a large database) and takes in writes, so that a search seldom
 * waits for a refresh. Searches refresh it themselves too; this only moves the work off
 * the reader's request.
 */
export const searchIndexJob: ScheduledJob = {
  name: 'search-index',
  cron: '*/5 * * * *',
  async run({ db }) {
    const result = await ensureIndexFresh(db);
    return result
      ? `written ${result.written}, removed ${result.removed}, reread ${result.reread}`
      : 'up to date';
  },
};
