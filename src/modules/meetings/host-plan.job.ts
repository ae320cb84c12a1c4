import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import { fromNothing, recordAudit } from '../audit/index.ts';
import { addToPlainDate, gothenburgDate } from './delegation.dates.ts';
import * as repo from './host-plan.repository.ts';

export const REMINDER_DAYS = 14;

type DueTask = Awaited<ReturnType<typeof repo.listOpenTasksDueBy>>[number];

/**
 * Which open tasks get a reminder today. Once per task and due date for each of:
 * - upcoming: due within 14 days, not reminded since the 14-day window of this due date opened;
 * - overdue: past due, not reminded since the due date.
 * Moving a due date opens new windows, so the owner hears about the new date too.
 */
export function tasksToRemind(tasks: readonly DueTask[], today: string): DueTask[] {
  return tasks.filter((t) =>
    t.due_on >= today
      ? t.reminded_on === null || t.reminded_on < addToPlainDate(t.due_on, { days: -REMINDER_DAYS })
      : t.reminded_on === null || t.reminded_on < t.due_on,
  );
}

/**
 * Mails each owner of open host-plan tasks (P5) one message listing the tasks due within
 * 14 days and those overdue, and marks them reminded, in one transaction. The scheduler's
 * lock makes sure only one instance runs it at a time.
 */
export const hostPlanReminderJob: ScheduledJob = {
  name: 'host-plan-reminders',
  cron: '0 7 * * *', // 07:00 every morning, Europe/Stockholm
  async run({ db, mailer, now, publicUrl }) {
    const today = gothenburgDate(now);
    // Swedish: task owners are coordinators at the City Executive Office (host-plan.service.ts).
    const { t, intl } = i18nFor('sv');
    return db.kysely.transaction().execute(async (trx) => {
      const due = tasksToRemind(
        await repo.listOpenTasksDueBy(trx, addToPlainDate(today, { days: REMINDER_DAYS })),
        today,
      );
      const byOwner = new Map<string, DueTask[]>();
      for (const task of due)
        byOwner.set(task.owner_email, [...(byOwner.get(task.owner_email) ?? []), task]);
      for (const [email, tasks] of byOwner) {
        const lines = tasks.map((task) => {
          const when = formatPlainDate(task.due_on, intl);
          const url = `${publicUrl.replace(/\/$/, '')}/workspace/meetings/${task.meeting_id}/host-plan`;
          return task.due_on < today
            ? t('hostPlan.mail.overdueLine', {
                title: task.title,
                date: when,
                year: task.meeting_year,
                url,
              })
            : t('hostPlan.mail.upcomingLine', {
                title: task.title,
                date: when,
                year: task.meeting_year,
                url,
              });
        });
        await mailer.send(trx, {
          to: email,
          subject: t('hostPlan.mail.subject', { count: tasks.length }),
          text: [
            t('hostPlan.mail.greeting', { name: tasks[0]!.owner_name }),
            '',
            t('hostPlan.mail.intro'),
            '',
            ...lines,
            '',
            t('hostPlan.mail.footer'),
          ].join('\n'),
        });
      }
      await repo.markReminded(
        trx,
        due.map((task) => task.id),
        today,
      );
      if (due.length > 0) {
        await recordAudit(
          trx,
          { userId: null, label: 'job:host-plan-reminders', ip: null },
          {
            entity: 'host_plan',
            entityId: null,
            action: 'remind',
            changes: fromNothing({
              reminded: { tasks: due.length, owners: byOwner.size },
            }),
          },
        );
      }
      return `reminded ${byOwner.size} owners of ${due.length} tasks`;
    });
  },
};
