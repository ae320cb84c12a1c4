import nodemailer from 'nodemailer';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { insertOutboxMail } from './outbox.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** `smtp` delivers through an SMTP server; `outbox` stores mail in the database. */
  readonly kind: 'smtp' | 'outbox';
  /**
   * Sends one message. The outbox writes through `db`, so the mail belongs to the caller's
   * transaction (a rolled-back transaction sends nothing); SMTP ignores `db`.
   */
  send(db: Executor, message: MailMessage): Promise<void>;
  /** Releases the SMTP connection(s); a no-op for the outbox. */
  close(): void;
}

/** SMTP when `smtpUrl` (smtp://user:pass@host:port or smtps://…) is set, else the outbox. */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  return options.smtpUrl ? createSmtpMailer(options.smtpUrl, options.from) : createOutboxMailer();
}

function createOutboxMailer(): Mailer {
  return {
    kind: 'outbox',
    send: (db, message) =>
      insertOutboxMail(db, {
        id: newId(),
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        created_at: nowIso(),
      }),
    close: () => {},
  };
}

function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    kind: 'smtp',
    send: async (_db, message) => {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}
