import { campaignRemindersJob } from './modules/collaborations/campaign.job.ts';
import type { ScheduledJob } from './platform/scheduler.ts';

/**
 * Every scheduled job, listed statically (like the migrations) so the app's scheduler
 * and `vanort job run NAME` see the same set. Each module exports its job from its
 * `*.job.ts` file; add it here.
 */
export const jobs: readonly ScheduledJob[] = [campaignRemindersJob];
