import { campaignRemindersJob } from './modules/collaborations/campaign.job.ts';
import type { ScheduledJob } from './platform/scheduler.ts';
import { delegationRetentionJob } from './modules/meetings/retention.job.ts';
import { hostPlanReminderJob } from './modules/meetings/host-plan.job.ts';

/**
 * Every scheduled job, listed statically (like the migrations) so the app's scheduler
 * and `vanort job run NAME` see the same set. Each module exports its job from its
 * `*.job.ts` file; add it here.
 */
export const jobs: readonly ScheduledJob[] = [
  delegationRetentionJob,
  hostPlanReminderJob,
  campaignRemindersJob,
];
