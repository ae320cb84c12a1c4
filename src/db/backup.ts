import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Executor } from './database.ts';
import { TAR_END, tarHeader, tarPadding, writeChunk } from './backup-tar.ts';
import {
  BackupError,
  MANIFEST,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  describeTables,
  rowsOf,
  type BackupManifest,
  type ColumnInfo,
  type TableInfo,
} from './backup-schema.ts';

// `vanort backup` and `vanort restore` (issue 18 point 3, decision 042): a portable archive of
// the whole database, read in one snapshot, written as a ustar file of
//   manifest.json              format, dialect, migrations applied, per table its columns,
//                              row count, size and SHA-256 of its part
//   tables/<table>.jsonl.gz    one JSON array per row, values in the manifest's column order
//                              (binary columns, i.e. the uploaded documents, in base64)
// and restored into an empty database of either dialect in one transaction, after every
// checksum has been verified. Nothing here knows a module: tables, columns, keys and foreign
// keys are read from the database's own catalogue, so a new table is backed up without a
// change here (and the round-trip test fails if it is left without rows).

//
// This file: writing the archive. The format: backup-schema.ts; verifying and restoring: restore.ts.

export * from './backup-schema.ts';
export * from './restore.ts';

// ---------------------------------------------------------------------------------------
// Backup

const PAGE_ROWS = 1000;
/** A page of a table with uploaded documents (up to 25 MB each) holds few rows. */
const PAGE_ROWS_BINARY = 2;

type Row = Record<string, unknown>;

/** The table's rows in primary-key order, a page at a time (keyset paging in the snapshot). */
async function* tableRows(db: Executor, table: TableInfo): AsyncGenerator<Row> {
  if (table.primaryKey.length === 0)
    throw new BackupError(`table ${table.name} has no primary key; the backup needs one.`);
  const pageSize = table.columns.some((c) => c.kind === 'binary') ? PAGE_ROWS_BINARY : PAGE_ROWS;
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const key = sql.join(table.primaryKey.map((c) => sql.ref(c)));
  let last: Row | undefined;
  for (;;) {
    const after = last
      ? sql`where (${key}) > (${sql.join(table.primaryKey.map((c) => last?.[c]))})`
      : sql``;
    const page = await rowsOf(
      db,
      sql<Row>`select ${columns} from ${sql.table(table.name)} ${after} order by ${key} limit ${pageSize}`,
    );
    yield* page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

function encodeValue(table: string, column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === 'binary') {
    if (!Buffer.isBuffer(value) && !(value instanceof Uint8Array))
      throw new BackupError(`column ${table}.${column.name} holds a value that is not binary.`);
    return Buffer.from(value).toString('base64');
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Counts the bytes and the SHA-256 of what passes through. */
function digestStream(): Transform & { sha256: () => string; bytes: () => number } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(stream, {
    sha256: () => (digest ??= hash.digest('hex')),
    bytes: () => bytes,
  });
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes a backup of the whole database to `file` (which must not exist): every table read
 * in one snapshot (a read-only repeatable-read transaction on PostgreSQL, a read transaction
 * on SQLite). The parts are written next to the file first, then put together; the archive
 * appears under its name only when complete, readable by its owner only.
 */
export async function writeBackup(db: Db, file: string, now = new Date()): Promise<BackupResult> {
  if (existsSync(file))
    throw new BackupError(`${file} already exists; give the backup a new file name.`);
  const directory = dirname(file);
  if (!existsSync(directory)) throw new BackupError(`the directory ${directory} does not exist.`);
  const partial = `${file}.partial`;
  if (existsSync(partial))
    throw new BackupError(
      `${partial} exists: another backup to this file is running, or one was cut off (then remove it).`,
    );
  const work = await mkdtemp(join(directory, `.${basename(file)}.parts-`));
  try {
    const manifest = await db.kysely.transaction().execute(async (trx) => {
      if (db.dialect === 'postgres')
        await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      const tables = await describeTables(trx, db.dialect);
      if (!tables.some((t) => t.name === 'kysely_migration'))
        throw new BackupError(
          'the database has no migrations applied; there is nothing to back up.',
        );
      const migrations = (
        await rowsOf(trx, sql<{ name: string }>`select name from kysely_migration order by name`)
      ).map((m) => m.name);
      const parts: BackupManifest['tables'] = [];
      for (const table of tables) {
        const part = `tables/${table.name}.jsonl.gz`;
        let rows = 0;
        const lines = async function* () {
          for await (const row of tableRows(trx, table)) {
            rows++;
            yield `${JSON.stringify(table.columns.map((c) => encodeValue(table.name, c, row[c.name])))}\n`;
          }
        };
        const digest = digestStream();
        await pipeline(
          Readable.from(lines()),
          createGzip(),
          digest,
          createWriteStream(join(work, `${table.name}.jsonl.gz`)),
        );
        parts.push({
          name: table.name,
          file: part,
          columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
          rows,
          bytes: digest.bytes(),
          sha256: digest.sha256(),
        });
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: now.toISOString(),
        dialect: db.dialect,
        migrations,
        tables: parts,
      } satisfies BackupManifest;
    });

    const out = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    try {
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      await writeChunk(out, tarHeader(MANIFEST, manifestBytes.length, now));
      await writeChunk(out, manifestBytes);
      await writeChunk(out, tarPadding(manifestBytes.length));
      for (const part of manifest.tables) {
        await writeChunk(out, tarHeader(part.file, part.bytes, now));
        const handle = await open(join(work, `${part.name}.jsonl.gz`), 'r');
        try {
          for await (const chunk of handle.createReadStream({ autoClose: false }))
            await writeChunk(out, chunk as Buffer);
        } finally {
          await handle.close();
        }
        await writeChunk(out, tarPadding(part.bytes));
      }
      await writeChunk(out, TAR_END);
    } finally {
      out.end();
      await closed;
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
