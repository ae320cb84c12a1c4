/** The sending job's deliveries: batches at the configured rate, claims, retries and each recipient's status. */
import type { Db } from '../../db/database.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { smtpAnswer } from '../../platform/mail/mailer.ts';
import { fromNothing, recordAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { renderIssueMail, type IssueVersion } from './newsletter.mail.ts';
import * as repo from './newsletter.repository.ts';
import { STALE_CLAIM_MS, type NewsletterSettings } from './newsletter.common.ts';

// ---- Sending (the job) ------------------------------------------------------------

export interface SendOptions {
  baseUrl: string;
  settings: NewsletterSettings;
  now?: () => Date;
  /** Stop after this many batches (tests: a restart in the middle of a send). */
  maxBatches?: number;
  /** Waits between batches (the rate); tests give one that does not wait. */
  pause?: (ms: number) => Promise<void>;
}

export interface SendResult {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  interrupted: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends what is due, in batches of `batchSize` at no more than `ratePerMinute` mails a
 * minute, for at most about a minute (the job runs every minute). Each delivery is claimed
 * (status `sending`) in its own transaction just before its mail is sent, and the answer is
 * recorded at once; a claim never recorded (the process stopped in between) is failed after
 * STALE_CLAIM_MS and never sent again: nobody gets an issue twice. A temporary SMTP failure
 * (4xx, or no answer) is retried later up to `maxAttempts`; a permanent one (5xx) fails at
 * once with the server's answer.
 */
export async function sendDueDeliveries(
  db: Db,
  mailer: Mailer,
  options: SendOptions,
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  const pause = options.pause ?? wait;
  const { batchSize, ratePerMinute, maxAttempts } = options.settings;
  const result: SendResult = { sent: 0, failed: 0, retrying: 0, skipped: 0, interrupted: 0 };
  result.interrupted = await repo.failStaleClaims(
    db.kysely,
    new Date(now().getTime() - STALE_CLAIM_MS).toISOString(),
    now().toISOString(),
    'interrupted: the sender stopped before the answer was recorded; not sent again',
  );
  const maxBatches = options.maxBatches ?? Math.max(1, Math.floor(ratePerMinute / batchSize));
  const gapMs = Math.ceil((60_000 * batchSize) / ratePerMinute);
  const texts = new Map<string, IssueVersion[]>();
  for (let batch = 0; batch < maxBatches; batch++) {
    if (batch > 0) await pause(gapMs);
    const due = await repo.listDueDeliveryIds(db.kysely, now().toISOString(), batchSize);
    if (due.length === 0) break;
    for (const id of due) {
      // Claimed one by one, just before its mail is sent: a crash leaves at most the one
      // mail in flight uncertain, never the rest of the batch.
      const stamp = now().toISOString();
      const [d] = await db.kysely.transaction().execute(async (trx) => {
        await repo.claimDeliveries(trx, [id], stamp);
        return repo.listClaimed(trx, [id], stamp);
      });
      if (!d) continue; // no longer queued
      const at = now().toISOString();
      if (!d.email || !d.manage_token || d.subscriber_status !== 'confirmed') {
        // Unsubscribed or erased since the issue was queued: nothing is sent.
        await repo.updateDelivery(db.kysely, d.id, {
          status: 'failed',
          last_error: 'not sent: no longer subscribed',
          updated_at: at,
        });
        result.skipped++;
        continue;
      }
      let versions = texts.get(d.issue_id);
      if (!versions) {
        const rows = await repo.listIssueTexts(db.kysely, [d.issue_id]);
        versions = rows.flatMap((r) =>
          isLocale(r.lang) ? [{ lang: r.lang, subject: r.subject, body: r.body }] : [],
        );
        texts.set(d.issue_id, versions);
      }
      const language = isLocale(d.language) ? d.language : 'sv';
      const mail = renderIssueMail(
        versions,
        { language, manageToken: d.manage_token },
        options.baseUrl,
      );
      try {
        await mailer.send(db.kysely, {
          to: d.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          language: mail.language,
          headers: mail.headers,
        });
        await repo.updateDelivery(db.kysely, d.id, {
          status: 'sent',
          attempts: d.attempts + 1,
          sent_at: now().toISOString(),
          last_error: null,
          updated_at: now().toISOString(),
        });
        result.sent++;
      } catch (error) {
        const { answer, permanent } = smtpAnswer(error);
        const attempts = d.attempts + 1;
        const retry = !permanent && attempts < maxAttempts;
        await repo.updateDelivery(db.kysely, d.id, {
          status: retry ? 'queued' : 'failed',
          attempts,
          last_error: answer,
          claimed_at: null,
          // Back off: 1, 2, 4 … minutes.
          next_attempt_at: retry
            ? new Date(now().getTime() + 60_000 * 2 ** (attempts - 1)).toISOString()
            : null,
          updated_at: now().toISOString(),
        });
        if (retry) result.retrying++;
        else result.failed++;
      }
    }
  }
  await finishIssues(db, now());
  return result;
}

/** Marks issues sent whose deliveries all have an outcome. */
async function finishIssues(db: Db, now: Date): Promise<void> {
  for (const issue of await repo.listSendingIssues(db.kysely)) {
    const { byStatus } = await repo.deliveryCounts(db.kysely, issue.id);
    if ((byStatus.queued ?? 0) + (byStatus.sending ?? 0) > 0) continue;
    await db.kysely.transaction().execute(async (trx) => {
      await repo.updateIssue(trx, issue.id, {
        status: 'sent',
        sent_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(trx, SYSTEM_ACTOR, {
        entity: 'newsletter_issue',
        entityId: issue.id,
        action: 'newsletter.issue.sent',
        changes: fromNothing({
          sent: byStatus.sent ?? 0,
          failed: byStatus.failed ?? 0,
        }),
      });
    });
  }
}
