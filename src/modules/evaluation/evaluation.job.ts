import { i18nFor } from '../../platform/i18n/i18n.ts';
import { isEnabledLocale } from '../../platform/i18n/locales.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import * as repo from './evaluation.repository.ts';
import { gothenburgToday } from './evaluation.service.ts';
import { reminderDue } from './evaluation.versions.ts';

/**
 * Reminds the owners of an evaluation that is not approved (P10): once 14 days before the
 * due date (or at once, when it was created nearer to it) and once the day after it. Each
 * reminder is claimed (`reminder_before_sent_at`, `reminder_after_sent_at`) in the same
 * transaction as its mails in the outbox, so a second run (or a second instance) sends
 * nothing twice. Each owner gets the mail in their own language.
 */
export const evaluationRemindersJob: ScheduledJob = {
  name: 'evaluation-reminders',
  cron: '15 7 * * *', // 07:15 every day, Europe/Stockholm
  async run({ db, mailer, now, publicUrl }) {
    const today = gothenburgToday(now);
    let before = 0;
    let after = 0;
    for (const item of await repo.listReminderCandidates(db.kysely)) {
      const column = reminderDue(item, today);
      if (!column) continue;
      await db.kysely.transaction().execute(async (trx) => {
        if (!(await repo.claimReminder(trx, item.id, column, now.toISOString()))) return;
        const owners = (await repo.listOwners(trx, [item.id])).filter((o) => o.active === 1);
        const link = `${publicUrl.replace(/\/$/, '')}/workspace/evaluations/${item.id}`;
        for (const owner of owners) {
          const { t, intl } = i18nFor(isEnabledLocale(owner.language) ? owner.language : 'sv');
          const params = { title: item.title, date: formatPlainDate(item.due_on, intl), link };
          await mailer.send(trx, {
            to: owner.email,
            subject:
              column === 'reminder_before_sent_at'
                ? t('evaluation.mail.beforeSubject', params)
                : t('evaluation.mail.afterSubject', params),
            text:
              column === 'reminder_before_sent_at'
                ? t('evaluation.mail.beforeText', params)
                : t('evaluation.mail.afterText', params),
          });
        }
        await recordAudit(trx, SYSTEM_ACTOR, {
          entity: 'evaluation',
          entityId: item.id,
          action: column === 'reminder_before_sent_at' ? 'remind' : 'remind.overdue',
          changes: { recipients: { before: null, after: owners.map((o) => o.email).join(', ') } },
        });
        if (column === 'reminder_before_sent_at') before++;
        else after++;
      });
    }
    return `reminded ${before} before, ${after} after the due date`;
  },
};
