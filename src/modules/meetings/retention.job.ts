import type { Executor } from '../../db/database.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { fromNothing, recordAudit, type Actor } from '../audit/index.ts';
import { addToPlainDate, gothenburgDate } from './delegation.dates.ts';
import * as repo from './delegation.repository.ts';

export const DEFAULT_RETENTION_DAYS = 90;

const RETENTION_ACTOR: Actor = { userId: null, label: 'job:delegation-retention', ip: null };

/** The last meeting day whose members' logistics are still kept at `now` (a plain date). */
function retentionCutoff(now: Date, retentionDays: number): string {
  // Erase when the meeting's last day is before today − N days (so N whole days have passed).
  return addToPlainDate(gothenburgDate(now), { days: -retentionDays });
}

/**
 * The members whose logistics the retention job erases at `now`: the same rule as the job's,
 * for its dry run (the privacy module's `vanort privacy retention --dry-run`).
 */
export function membersPastRetention(db: Executor, now: Date, retentionDays: number) {
  return repo.listMembersPastRetention(db, retentionCutoff(now, retentionDays));
}

/**
 * Erases the private logistics of the given members now (a person's request to erase them,
 * the privacy module); the caller audits in the same transaction.
 */
export async function eraseMemberLogistics(
  db: Executor,
  memberIds: readonly string[],
  at: string,
): Promise<void> {
  await repo.eraseLogistics(db, memberIds, at);
}

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
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await membersPastRetention(trx, now, retentionDays);
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
        changes: fromNothing({
          logistics_erased: members.length,
          retention_days: retentionDays,
        }),
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
