import type { Transporter } from 'nodemailer';
import { loadNodemailer } from '../../shared/lazy-modules.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { insertOutboxMail } from './outbox.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of the text (SMTP only; the outbox keeps the text). */
  html?: string;
  /** The language of the message (`Content-Language`), e.g. `en`. */
  language?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The SMTP server's answer in a failed send (e.g. "550 5.1.1 <x@example.org>: no such
 * user"), or the error's message when there was none; `permanent` for a 5xx answer.
 */
export function smtpAnswer(error: unknown): { answer: string; permanent: boolean } {
  const e = error as { response?: unknown; responseCode?: unknown; message?: unknown };
  const answer =
    typeof e?.response === 'string' && e.response
      ? e.response
      : typeof e?.message === 'string'
        ? e.message
        : String(error);
  const code = typeof e?.responseCode === 'number' ? e.responseCode : null;
  return { answer: answer.slice(0, 1000), permanent: code !== null && code >= 500 };
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
  // nodemailer is loaded with the first mail, not at start (decision 043).
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport(smtpUrl, { from }),
    ));
  return {
    kind: 'smtp',
    send: async (_db, message) => {
      await (
        await transportOf()
      ).sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        headers: {
          ...(message.language ? { 'Content-Language': message.language } : {}),
          ...message.headers,
        },
      });
    },
    close: () => {
      void transport?.then((t) => t.close());
    },
  };
}
