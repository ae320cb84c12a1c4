import type { ScheduledJob } from '../../platform/scheduler.ts';
import { applyOwnRetention } from './retention.service.ts';

/**
 * The privacy module's retention rules (privacy.register.ts), every night at 03:50 Europe/
 * Stockholm; like every job it runs once per due time across instances (the scheduler's
 * claim of the due time and, on PostgreSQL, its advisory lock).
 */
export const privacyRetentionJob: ScheduledJob = {
  name: 'privacy-retention',
  cron: '50 3 * * *',
  async run({ db, now, config }) {
    const c = await applyOwnRetention(db, now, config);
    return (
      `deleted ${c.sessions} sessions, ${c['user-tokens']} spent links, ${c['api-tokens']} API tokens, ` +
      `${c['login-attempts']} login attempts, ${c['mail-outbox']} outbox mails`
    );
  },
};
