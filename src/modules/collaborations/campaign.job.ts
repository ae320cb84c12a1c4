import type { ScheduledJob } from '../../platform/scheduler.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import { fromNothing, recordAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import * as repo from './campaign.repository.ts';
import { stockholmToday } from './campaign.service.ts';

/** Days before the deadline when an organisation that has not answered is reminded. */
export const REMINDER_DAYS_BEFORE = 7;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Reminds organisations that have not answered an open campaign: once when the deadline is
 * REMINDER_DAYS_BEFORE days away (or nearer), and once when it has passed. Mail goes to the
 * organisation's reporters, or to the organisation's address when it has none. Each reminder
 * is claimed (`reminded_at`, `overdue_reminded_at`) in the same transaction as its mail, so a
 * second run sends nothing twice.
 */
export const campaignRemindersJob: ScheduledJob = {
  name: 'campaign-reminders',
  cron: '0 7 * * *',
  async run({ db, mailer, now, publicUrl }) {
    const today = stockholmToday(now);
    // Swedish: the reminders reach only Gothenburg's administrations and companies.
    const { t, intl } = i18nFor('sv');
    let before = 0;
    let overdue = 0;
    const pending = await repo.listUnansweredInOpenCampaigns(db.kysely);
    for (const item of pending) {
      const kind =
        today > item.deadline
          ? item.overdue_reminded_at
            ? null
            : 'overdue_reminded_at'
          : today >= addDays(item.deadline, -REMINDER_DAYS_BEFORE) && !item.reminded_at
            ? 'reminded_at'
            : null;
      if (!kind) continue;
      await db.kysely.transaction().execute(async (trx) => {
        if (
          !(await repo.claimReminder(
            trx,
            item.campaign_id,
            item.organisation_id,
            kind,
            now.toISOString(),
          ))
        )
          return;
        const reporters = await repo.listReporterEmails(trx, item.organisation_id);
        const to = reporters.length
          ? reporters
          : item.organisation_email
            ? [item.organisation_email]
            : [];
        const params = {
          title: item.title,
          organisation: item.organisation_name,
          deadline: formatPlainDate(item.deadline, intl),
          link: `${publicUrl.replace(/\/$/, '')}/workspace/campaigns/${item.campaign_id}/answer`,
        };
        for (const address of to) {
          await mailer.send(trx, {
            to: address,
            subject: t(
              kind === 'reminded_at'
                ? 'campaign.mail.reminderSubject'
                : 'campaign.mail.overdueSubject',
              params,
            ),
            text: t(
              kind === 'reminded_at' ? 'campaign.mail.reminderText' : 'campaign.mail.overdueText',
              params,
            ),
          });
        }
        await recordAudit(trx, SYSTEM_ACTOR, {
          entity: 'campaign',
          entityId: item.campaign_id,
          action: kind === 'reminded_at' ? 'remind' : 'remind.overdue',
          changes: fromNothing({
            organisation_id: item.organisation_id,
            recipients: to.join(', '),
          }),
        });
        if (kind === 'reminded_at') before++;
        else overdue++;
      });
    }
    return `reminded ${before}, overdue ${overdue}`;
  },
};
