import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestDb } from '../../../test/helpers/test-app.ts';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { countOutboxMails, insertOutboxMail, listOutboxMails } from './outbox.repository.ts';

const SWEDISH_SUBJECT = 'Välkommen till Vänortsportalen – Åbo, Århus och Göteborg';
const SWEDISH_TEXT =
  'Hej Åsa!\n\nDin inbjudan är klar: gå till portalen och logga in.\nÖppna länken inom 24 timmar. ÅÄÖ åäö\n';

describeEachDialect('mail outbox', (dialect) => {
  const t = useTestDb(dialect, { demo: false });
  const mailer = createMailer({ smtpUrl: undefined, from: 'vanortsportalen@goteborg.se' });
  afterAll(() => mailer.close());
  beforeEach(async () => {
    await t.db.kysely.deleteFrom('mail_outbox').execute();
  });

  it('is the outbox mailer when SMTP_URL is unset and writes one row per message', async () => {
    expect(mailer.kind).toBe('outbox');
    await mailer.send(t.db.kysely, {
      to: 'asa@example.se',
      subject: SWEDISH_SUBJECT,
      text: SWEDISH_TEXT,
    });

    expect(await countOutboxMails(t.db.kysely)).toBe(1);
    const [row] = await listOutboxMails(t.db.kysely, { limit: 10, offset: 0 });
    expect(row).toMatchObject({
      to_address: 'asa@example.se',
      subject: SWEDISH_SUBJECT,
      text_body: SWEDISH_TEXT,
    });
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(row?.created_at ?? ''))).toBe(false);
  });

  it('sends nothing when the surrounding transaction is rolled back', async () => {
    let seenInside = -1;
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await mailer.send(trx, {
          to: 'asa@example.se',
          subject: 'Ångrat',
          text: 'Rullas tillbaka.',
        });
        seenInside = await countOutboxMails(trx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');

    expect(seenInside).toBe(1);
    expect(await countOutboxMails(t.db.kysely)).toBe(0);
    expect(await listOutboxMails(t.db.kysely, { limit: 10, offset: 0 })).toEqual([]);
  });

  it('keeps the mail of a committed transaction', async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      await mailer.send(trx, { to: 'bo@example.se', subject: 'Sparat', text: 'Blir kvar.' });
    });
    expect(await countOutboxMails(t.db.kysely)).toBe(1);
  });

  it('lists newest first, with limit and offset', async () => {
    for (const [i, createdAt] of [
      '2024-01-01T10:00:00.000Z',
      '2024-03-01T10:00:00.000Z',
      '2024-02-01T10:00:00.000Z',
    ].entries()) {
      await insertOutboxMail(t.db.kysely, {
        id: `mail-${i}`,
        to_address: `m${i}@example.se`,
        subject: `Brev ${i}`,
        text_body: 'Text',
        created_at: createdAt,
      });
    }

    expect(await countOutboxMails(t.db.kysely)).toBe(3);
    const all = await listOutboxMails(t.db.kysely, { limit: 10, offset: 0 });
    expect(all.map((m) => m.created_at)).toEqual([
      '2024-03-01T10:00:00.000Z',
      '2024-02-01T10:00:00.000Z',
      '2024-01-01T10:00:00.000Z',
    ]);
    expect(Object.keys(all[0] ?? {}).sort()).toEqual([
      'created_at',
      'id',
      'subject',
      'text_body',
      'to_address',
    ]);
    const page = await listOutboxMails(t.db.kysely, { limit: 1, offset: 1 });
    expect(page.map((m) => m.id)).toEqual(['mail-2']);
  });
});

describe('SMTP mailer', () => {
  interface Received {
    raw: Buffer;
    mailFrom: string | undefined;
    rcptTo: string[];
    user: unknown;
  }

  let server: SMTPServer;
  let port: number;
  let received: Received[];
  let mailer: Mailer | undefined;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'vanort' && auth.password === 'hemlig') {
          callback(null, { user: auth.username });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            raw: Buffer.concat(chunks),
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            user: session.user,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received = [];
  });
  afterEach(() => {
    mailer?.close();
    mailer = undefined;
  });

  function firstAddress(value: AddressObject | AddressObject[] | undefined) {
    const object = Array.isArray(value) ? value[0] : value;
    return object?.value[0];
  }

  it('delivers through a real SMTP server with From, To, Subject and Swedish text intact', async () => {
    mailer = createMailer({
      smtpUrl: `smtp://vanort:hemlig@127.0.0.1:${port}`,
      from: 'vanortsportalen@goteborg.se',
    });
    expect(mailer.kind).toBe('smtp');

    // The executor is ignored by SMTP; any value will do, the database is never touched.
    const noDb = undefined as unknown as Parameters<Mailer['send']>[0];
    await mailer.send(noDb, {
      to: 'Åsa Öberg <asa@example.se>',
      subject: SWEDISH_SUBJECT,
      text: SWEDISH_TEXT,
    });

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.user).toBe('vanort');
    expect(message?.mailFrom).toBe('vanortsportalen@goteborg.se');
    expect(message?.rcptTo).toEqual(['asa@example.se']);

    const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
    expect(firstAddress(parsed.from)?.address).toBe('vanortsportalen@goteborg.se');
    expect(firstAddress(parsed.to)).toMatchObject({ address: 'asa@example.se', name: 'Åsa Öberg' });
    expect(parsed.subject).toBe(SWEDISH_SUBJECT);
    expect(parsed.text).toContain('Hej Åsa!');
    expect(parsed.text).toContain('Din inbjudan är klar: gå till portalen');
    expect(parsed.text).toContain('ÅÄÖ åäö');
  });

  it('fails the send when the server refuses the credentials', async () => {
    mailer = createMailer({
      smtpUrl: `smtp://vanort:fel@127.0.0.1:${port}`,
      from: 'vanortsportalen@goteborg.se',
    });
    const noDb = undefined as unknown as Parameters<Mailer['send']>[0];
    await expect(
      mailer.send(noDb, { to: 'asa@example.se', subject: 'Hej', text: 'Hej' }),
    ).rejects.toThrow();
    expect(received).toHaveLength(0);
  });
});

describe('mail configuration', () => {
  it('rejects an SMTP_URL that is not smtp:// or smtps://, naming the variable', () => {
    for (const bad of ['http://x', 'smtp://', 'mail.example.org:25']) {
      let error: unknown;
      try {
        loadConfig({ SMTP_URL: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['SMTP_URL']);
      expect((error as ConfigError).message).toContain('SMTP_URL');
      expect((error as ConfigError).message).toContain('smtp://');
    }
  });

  it('accepts smtp:// and smtps:// URLs, defaults MAIL_FROM and leaves SMTP off when unset', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.org:587' }).smtpUrl).toBe(
      'smtp://u:p@mail.example.org:587',
    );
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.org' }).smtpUrl).toBe(
      'smtps://mail.example.org',
    );
    const defaults = loadConfig({});
    expect(defaults.smtpUrl).toBeUndefined();
    expect(defaults.mailFrom).toBe('vanortsportalen@goteborg.se');
    expect(loadConfig({ MAIL_FROM: 'noreply@example.se' }).mailFrom).toBe('noreply@example.se');
    expect(() => loadConfig({ MAIL_FROM: 'inte en adress' })).toThrow(/MAIL_FROM/);
  });
});
