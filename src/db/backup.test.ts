import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  dialectAvailable,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import { runCliCaptured } from '../../test/helpers/cli.ts';
import { ensureIndexFresh } from '../modules/search/index.ts';
import { createDb, type Db, type Dialect } from './database.ts';
import { describeTables, restoreBackup, writeBackup } from './backup.ts';
import { knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import { TAR_END, listTar, tarHeader, tarPadding } from './backup-tar.ts';

// `vanort backup` and `vanort restore` (decision 042): the demo data plus a row in every table
// the demo leaves empty, backed up and restored into an empty database, then compared table
// by table, row by row, every column. A table added later without a row here fails the test.

const NOW = '2026-12-07T05:00:00.000Z';
/** An uploaded document with every byte value, larger than one read chunk. */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  randomBytes(200_000),
]);

/** Adds a row to each table the demo data leaves empty (and a decision that supersedes one). */
async function fillEveryTable(db: Db): Promise<void> {
  const k = db.kysely;
  const one = async (query: string) =>
    (await sql.raw<{ id: string }>(query).execute(k)).rows[0]?.id ?? '';
  const user = await one('select id from app_user order by id limit 1');
  const city = await one("select id from city where kind = 'twin' order by id limit 1");
  const otherCity = await one(`select id from city where id <> '${city}' order by id limit 1`);
  const chain = await one('select id from chain limit 1');
  const organisation = await one('select id from organisation order by id limit 1');
  const issue = await one('select id from newsletter_issue limit 1');
  const decision = await one('select id from council_decision order by id desc limit 1');
  const insert = (table: string, row: Record<string, unknown>) =>
    sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((c) => sql.ref(c)))}) values (${sql.join(Object.values(row))})`.execute(
      k,
    );
  await insert('decision_document', {
    id: 'dd000000-0000-4000-8000-000000000001',
    filename: 'beslut.pdf',
    content_type: 'application/pdf',
    size: PDF.length,
    sha256: 'x',
    data: PDF,
    created_at: NOW,
  });
  // Sorts before the decision it supersedes: a restore in key order must still satisfy the key.
  await insert('council_decision', {
    id: '00000000-0000-4000-8000-000000000001',
    body: 'KF',
    meeting_date: '2026-11-26',
    section: '§ 12',
    case_number: 'KS 2026/0042',
    title: 'Vänortsavtal med Åbo – förnyelse',
    outcome: 'approved',
    document_id: 'dd000000-0000-4000-8000-000000000001',
    historical: 0,
    supersedes_id: decision,
    created_at: NOW,
  });
  await insert('proposal', {
    id: newUuid(),
    kind: 'make_dormant',
    city_id: city,
    title: 'Vilande relation',
    justification: 'Inga utbyten sedan 2019.',
    status: 'draft',
    created_by: user,
    created_at: NOW,
  });
  await insert('rotation_adjustment', {
    id: newUuid(),
    chain_id: chain,
    kind: 'swap',
    year: 2031,
    city_id: city,
    other_city_id: otherCity,
    reason: 'Jubileum',
    created_by: user,
    created_at: NOW,
  });
  await insert('city_suggestion', {
    id: newUuid(),
    city_id: city,
    status: 'pending',
    changes: '{"population":{"before":1,"after":2}}',
    submitted_at: NOW,
    updated_at: NOW,
  });
  const subscriber = newUuid();
  await insert('newsletter_subscriber', {
    id: subscriber,
    email: 'läsare@example.no',
    language: 'nb',
    topics: '["news"]',
    status: 'confirmed',
    manage_token: 'm'.repeat(32),
    created_at: NOW,
    updated_at: NOW,
  });
  await insert('newsletter_delivery', {
    id: newUuid(),
    issue_id: issue,
    subscriber_id: subscriber,
    status: 'queued',
    attempts: 0,
    updated_at: NOW,
  });
  await insert('job_run', {
    id: newUuid(),
    job: 'privacy-retention',
    started_at: NOW,
    outcome: 'ok',
  });
  await insert('login_attempt', {
    id: newUuid(),
    kind: 'login',
    email: 'x@example.fi',
    succeeded: 1,
    occurred_at: NOW,
  });
  await insert('api_token', {
    id: newUuid(),
    user_id: user,
    name: 'Tilastot',
    token_hash: 'h'.repeat(64),
    created_at: NOW,
    expires_at: '2027-12-07T05:00:00.000Z',
  });
  await insert('session', {
    id: newUuid(),
    user_id: user,
    created_at: NOW,
    last_seen_at: NOW,
    expires_at: '2026-12-08T05:00:00.000Z',
    mfa_pending: 0,
  });
  await insert('user_token', {
    id: newUuid(),
    user_id: user,
    kind: 'password_reset',
    created_at: NOW,
    expires_at: '2026-12-08T05:00:00.000Z',
  });
  await insert('mail_outbox', {
    id: newUuid(),
    to_address: 'x@example.dk',
    subject: 'Æ ø å',
    text_body: 'Hej',
    created_at: NOW,
  });
  await insert('import_job', {
    id: newUuid(),
    kind: 'collaboration',
    organisation_id: organisation,
    filename: 'samarbeten.csv',
    content_type: 'text/csv',
    data: Buffer.from('namn;stad\nÄlvsborg;Åbo\n'),
    status: 'checked',
    processed_rows: 1,
    created_at: NOW,
    updated_at: NOW,
  });
  // A note far beyond the sequence: the restore must set the sequence past it (PostgreSQL).
  await sql`insert into search_dirty (seq, kind, record_id) ${
    db.dialect === 'postgres' ? sql`overriding system value` : sql``
  } values (${1_000_000}, 'city', ${city})`.execute(k);
  await insert('search_index_state', { name: 'portal', generation: 7, refreshed_at: NOW });
  await insert('search_entry', {
    key: 'city:x:sv',
    kind: 'city',
    record_id: city,
    lang: 'sv',
    text_lang: 'sv',
    title: 'Åbo',
    body: 'Vänort sedan 1959',
    visibility: 'public',
    hash: 'h',
  });
}

function newUuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

type Row = Record<string, unknown>;

/** Every row of the table, all columns, ordered by its primary key. */
async function tableRows(db: Db, table: string, key: string[]): Promise<Row[]> {
  const rows = (await sql<Row>`select * from ${sql.table(table)}`.execute(db.kysely)).rows;
  const order = (row: Row) => JSON.stringify(key.map((c) => row[c]));
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

const isBackupEvent = (row: Row) => row.entity === 'backup';

/** Compares every table of `source` and `target` row by row; returns the tables compared. */
async function expectSameTables(
  source: Db,
  target: Db,
  options: { emptyInTarget?: string[]; ignoreColumns?: string[]; ignoreTables?: string[] } = {},
): Promise<string[]> {
  const tables = await describeTables(source.kysely, source.dialect);
  const targetTables = await describeTables(target.kysely, target.dialect);
  expect(targetTables.map((t) => t.name)).toEqual(tables.map((t) => t.name));
  for (const table of tables) {
    if (options.ignoreTables?.includes(table.name)) continue;
    const strip = (rows: Row[]) =>
      rows
        .filter((r) => table.name !== 'audit_event' || !isBackupEvent(r))
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).filter(([c]) => !(options.ignoreColumns ?? []).includes(c)),
          ),
        );
    const before = strip(await tableRows(source, table.name, table.primaryKey));
    const after = strip(await tableRows(target, table.name, table.primaryKey));
    if (options.emptyInTarget?.includes(table.name)) {
      expect(after, table.name).toEqual([]);
      continue;
    }
    expect(after.length, `${table.name}: rows`).toBe(before.length);
    expect(after, table.name).toEqual(before);
  }
  return tables.map((t) => t.name);
}

/** A seeded source database with a row in every table. */
async function seededSource(dialect: Dialect): Promise<{ database: TestDatabase; db: Db }> {
  const database = await createTestDatabase(dialect);
  const seeded = await runCliCaptured(['seed', '--demo'], { DATABASE_URL: database.url });
  expect(seeded.code, seeded.err).toBe(0);
  const db = createDb(database.target);
  await fillEveryTable(db);
  return { database, db };
}

/** The archive with its manifest changed by `change` (the manifest carries no checksum of its own). */
function withManifest(file: string, out: string, change: (manifest: Row) => void): Promise<void> {
  return listTar(file).then((entries) => {
    const archive = readFileSync(file);
    const parts: Buffer[] = [];
    for (const entry of entries) {
      let content = archive.subarray(entry.offset, entry.offset + entry.size);
      if (entry.name === 'manifest.json') {
        const manifest = JSON.parse(content.toString('utf8')) as Row;
        change(manifest);
        content = Buffer.from(JSON.stringify(manifest));
      }
      parts.push(
        tarHeader(entry.name, content.length, new Date()),
        content,
        tarPadding(content.length),
      );
    }
    writeFileSync(out, Buffer.concat([...parts, TAR_END]));
  });
}

describeEachDialect('vanort backup and restore', (dialect) => {
  let dir: string;
  let source: { database: TestDatabase; db: Db };
  let archive: string;
  const cleanup: (() => Promise<void>)[] = [];

  /** An empty database of this dialect, dropped after the tests. */
  async function emptyDatabase(): Promise<{ database: TestDatabase; db: Db }> {
    const database = await createTestDatabase(dialect);
    const db = createDb(database.target);
    cleanup.push(async () => {
      await db.destroy();
      await database.drop();
    });
    return { database, db };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanort-backup-'));
    source = await seededSource(dialect);
    cleanup.push(async () => {
      await source.db.destroy();
      await source.database.drop();
    });
    archive = join(dir, 'vanort.backup.tar');
    const backup = await runCliCaptured(['backup', archive], {
      DATABASE_URL: source.database.url,
      LOG_LEVEL: 'silent',
    });
    expect(backup.code, backup.err).toBe(0);
    // Personal data and password hashes: readable by its owner only.
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(backup.out).toMatch(/^Backed up \d+ tables \(\d+ rows, schema 00\d\d-[a-z-]+\) to /);
  }, 120_000);

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a row in every table of the source (a new table needs one in fillEveryTable)', async () => {
    const empty: string[] = [];
    for (const table of await describeTables(source.db.kysely, dialect)) {
      const rows = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(
        source.db.kysely,
      );
      if (rows.rows.length === 0) empty.push(table.name);
    }
    expect(empty).toEqual([]);
  });

  it('restores into an empty database: every table equal row by row, documents byte for byte, both audited', async () => {
    const target = await emptyDatabase();
    const restored = await runCliCaptured(['restore', archive], {
      DATABASE_URL: target.database.url,
      LOG_LEVEL: 'silent',
    });
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(
      new RegExp(`^Restored \\d+ tables \\(\\d+ rows\\) from the backup of .* \\(${dialect},`),
    );

    const compared = await expectSameTables(source.db, target.db);
    expect(compared).toContain('kysely_migration');
    expect(compared).toContain('decision_document');
    const document = await target.db.kysely
      .selectFrom('decision_document' as never)
      .select(sql<Buffer>`data`.as('data'))
      .where(sql.ref('id'), '=', 'dd000000-0000-4000-8000-000000000001')
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(document.data), PDF)).toBe(0);

    const events = async (db: Db) =>
      (
        await sql<Row>`select action, actor_label from audit_event where entity = 'backup'`.execute(
          db.kysely,
        )
      ).rows;
    expect(await events(source.db)).toEqual([{ action: 'backup', actor_label: 'cli' }]);
    expect(await events(target.db)).toEqual([{ action: 'restore', actor_label: 'cli' }]);

    // The key of a new search note continues after the restored ones (on PostgreSQL the
    // identity column's sequence is set past them).
    const { rows } = await sql<{
      seq: number;
    }>`insert into search_dirty (kind, record_id) values ('city', 'x') returning seq`.execute(
      target.db.kysely,
    );
    expect(Number(rows[0]?.seq)).toBeGreaterThan(1_000_000);

    const again = await runCliCaptured(['restore', archive], { DATABASE_URL: target.database.url });
    expect(again.code).toBe(1);
    expect(again.err).toContain('the database already holds data');
  }, 120_000);

  it('restores one row per insert too: a decision refers to one restored after it', async () => {
    // In one multi-row insert a foreign key to the same table is checked at the end of the
    // statement; across inserts the reference is set once every row is in.
    const target = await emptyDatabase();
    const result = await restoreBackup(target.db, archive, async () => {}, { batchRows: 1 });
    expect(result.rows).toBeGreaterThan(400);
    const decision = await sql<{
      supersedes_id: string | null;
    }>`select supersedes_id from council_decision
      where id = '00000000-0000-4000-8000-000000000001'`.execute(target.db.kysely);
    expect(decision.rows[0]?.supersedes_id).toBeTruthy();
    await expectSameTables(source.db, target.db, { ignoreTables: ['audit_event'] });
  }, 120_000);

  it('restores a backup of an older version into a migrated database, then applies the newer migrations', async () => {
    const known = knownMigrations();
    const older = known[known.length - 2] ?? '';
    const old = await emptyDatabase();
    await migrateTo(old.db, older);
    await old.db.kysely
      .insertInto('app_setting')
      .values({ key: 'older', value: 'kept', updated_at: NOW })
      .execute();
    const file = join(dir, 'older.tar');
    const { manifest } = await writeBackup(old.db, file);
    expect(manifest.migrations.at(-1)).toBe(older);

    // Someone ran `vanort migrate` on the new database first: it is still empty.
    const target = await emptyDatabase();
    await migrateToLatest(target.db);
    const result = await restoreBackup(target.db, file);
    expect(result.migrated).toEqual([known.at(-1)]);
    const setting = await target.db.kysely
      .selectFrom('app_setting')
      .select('value')
      .where('key', '=', 'older')
      .executeTakeFirst();
    expect(setting?.value).toBe('kept');
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(target.db.kysely);
    expect(applied.rows.map((r) => r.name)).toEqual(known);
  }, 120_000);

  it('refuses a damaged archive before writing anything, and a backup of a newer schema', async () => {
    const damaged = join(dir, 'damaged.tar');
    const bytes = readFileSync(archive);
    const entry = (await listTar(archive)).find(
      (e) => e.name === 'tables/decision_document.jsonl.gz',
    );
    if (!entry) throw new Error('no decision_document part');
    const at = entry.offset + Math.floor(entry.size / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const target = await emptyDatabase();
    const refused = await runCliCaptured(['restore', damaged], {
      DATABASE_URL: target.database.url,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('nothing restored: tables/decision_document.jsonl.gz in');
    expect(refused.err).toContain('is damaged: its SHA-256 differs');
    expect(await describeTables(target.db.kysely, dialect)).toEqual([]);

    const future = join(dir, 'future.tar');
    await withManifest(archive, future, (manifest) => {
      (manifest.migrations as string[]).push('9999-from-the-future');
    });
    const newer = await runCliCaptured(['restore', future], { DATABASE_URL: target.database.url });
    expect(newer.code).toBe(1);
    expect(newer.err).toContain('the backup comes from a newer version');
    expect(await describeTables(target.db.kysely, dialect)).toEqual([]);

    const cut = join(dir, 'cut.tar');
    writeFileSync(cut, bytes.subarray(0, entry.offset + 10));
    const truncated = await runCliCaptured(['restore', cut], { DATABASE_URL: target.database.url });
    expect(truncated.code).toBe(1);
    expect(truncated.err).toContain('is not a readable backup');
    expect(await describeTables(target.db.kysely, dialect)).toEqual([]);

    // Nothing is left behind but the archives: no parts, no partial file.
    expect(readdirSync(dir).filter((name) => !name.endsWith('.tar'))).toEqual([]);
    const overwrite = await runCliCaptured(['backup', archive], {
      DATABASE_URL: source.database.url,
    });
    expect(overwrite.code).toBe(1);
    expect(overwrite.err).toContain('already exists');
  }, 120_000);
});

describe('vanort backup and restore: usage', () => {
  it('needs exactly one file name', async () => {
    for (const args of [['backup'], ['restore'], ['backup', 'a.tar', 'b.tar']]) {
      const run = await runCliCaptured(args, { DATABASE_URL: 'sqlite::memory:' });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toMatch(/needs the archive's file name|unexpected argument "b.tar"/);
    }
  });

  it('refuses a file that is not a backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanort-backup-'));
    try {
      const file = join(dir, 'notes.txt');
      writeFileSync(file, 'not an archive\n'.repeat(100));
      const run = await runCliCaptured(['restore', file], { DATABASE_URL: 'sqlite::memory:' });
      expect(run.code).toBe(1);
      expect(run.err).toContain('is not a readable backup');
      const missing = await runCliCaptured(['restore', join(dir, 'none.tar')], {
        DATABASE_URL: 'sqlite::memory:',
      });
      expect(missing.err).toContain('none.tar does not exist');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!dialectAvailable('postgres'))('vanort restore across dialects', () => {
  it('restores a SQLite backup into PostgreSQL (the search index is left to be rebuilt)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanort-backup-'));
    const source = await seededSource('sqlite');
    const target = await createTestDatabase('postgres');
    const targetDb = createDb(target.target);
    try {
      const file = join(dir, 'sqlite.tar');
      const backup = await runCliCaptured(['backup', file], { DATABASE_URL: source.database.url });
      expect(backup.code, backup.err).toBe(0);
      const restored = await runCliCaptured(['restore', file], { DATABASE_URL: target.url });
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toContain(
        'Left empty, as the backup is from sqlite: search_entry, search_index_state, search_dirty',
      );
      await expectSameTables(source.db, targetDb, {
        emptyInTarget: ['search_entry', 'search_index_state', 'search_dirty'],
        ignoreColumns: ['tsv'],
      });
      // The first search rebuilds the index in PostgreSQL's way (stemmed tsvectors).
      expect(await ensureIndexFresh(targetDb)).not.toBeNull();
      const indexed = await sql<{ n: number }>`select count(*) as n from search_entry
        where tsv @@ to_tsquery('vanort_sv', 'göteborg')`.execute(targetDb.kysely);
      expect(Number(indexed.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await source.db.destroy();
      await source.database.drop();
      await targetDb.destroy();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
