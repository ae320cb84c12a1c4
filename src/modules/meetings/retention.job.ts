import type { ScheduledJob } from '../../platform/scheduler.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import { addToPlainDate, gothenburgDate } from './delegation.dates.ts';
import * as repo from './delegation.repository.ts';

export const DEFAULT_RETENTION_DAYS = 90;

const RETENTION_ACTOR: Actor = { userId: null, label: 'job:delegation-retention', ip: null };

/**
 * Erases the private logistics (diet, access needs, travel, phone) of delegation members
 * once their meeting ended (or, without an end date, started) more than the retention
 * period ago (DELEGATION_RETENTION_DAYS, default 90). Public fields stay as the record.
 * One transaction; one audit event per delegation with the number of members erased.
 */
export async function eraseExpiredLogistics(
  db: Parameters<ScheduledJob['run']>[0]['db'],
  now: Date,
  retentionDays: number,
): Promise<{ members: number; delegations: number }> {
  // Erase when the meeting's last day is before today − N days (so N whole days have passed).
  const cutoff = addToPlainDate(gothenburgDate(now), { days: -retentionDays });
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await repo.listMembersPastRetention(trx, cutoff);
    if (rows.length === 0) return { members: 0, delegations: 0 };
    const at = now.toISOString();
    await repo.eraseLogistics(
      trx,
      rows.map((r) => r.id),
      at,
    );
    const byDelegation = new Map<string, typeof rows>();
    for (const r of rows)
      byDelegation.set(r.delegation_id, [...(byDelegation.get(r.delegation_id) ?? []), r]);
    for (const [delegationId, members] of byDelegation) {
      await recordAudit(trx, RETENTION_ACTOR, {
        entity: 'delegation',
        entityId: delegationId,
        action: 'logistics.erase',
        changes: {
          logistics_erased: { before: null, after: members.length },
          retention_days: { before: null, after: retentionDays },
        },
      });
    }
    return { members: rows.length, delegations: byDelegation.size };
  });
}

export const delegationRetentionJob: ScheduledJob = {
  name: 'delegation-retention',
  cron: '30 2 * * *', // 02:30 every night, Europe/Stockholm
  async run({ db, now, config }) {
    const days = config?.delegationRetentionDays ?? DEFAULT_RETENTION_DAYS;
    const { members, delegations } = await eraseExpiredLogistics(db, now, days);
    return `erased logistics of ${members} members in ${delegations} delegations (retention ${days} days)`;
  },
};
