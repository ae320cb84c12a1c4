import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients. */
  rcptTo: string[];
  mailFrom: string | undefined;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback for tests (smtp-server), keeping every message it accepts.
 * `reject` answers RCPT TO for an address with an SMTP error (e.g. 550 "no such user", or a
 * 451 that `times` limits to the first attempts).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly reject = new Map<string, { code: number; message: string; times?: number }>();
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const rule = this.reject.get(address.address.toLowerCase());
        if (rule && (rule.times === undefined || rule.times > 0)) {
          if (rule.times !== undefined) rule.times--;
          const error = new Error(rule.message) as Error & { responseCode: number };
          error.responseCode = rule.code;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              this.received.push({
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
                parsed,
              });
              callback();
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The mails to one address, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.rcptTo.includes(address));
  }

  /** Waits until `count` mails have reached the address (SMTP delivery is asynchronous to nothing here, but keeps tests honest). */
  async waitFor(address: string, count = 1, timeoutMs = 5000): Promise<ReceivedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > until) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.to(address);
  }
}
