import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useDemoDb } from '../../test/helpers/test-app.ts';
import { currentGeneration } from '../platform/read-cache.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';
import { PUBLIC_TABLES as TABLES_0010 } from './migrations/0010-public-generation.ts';
import { rowsWhere } from '../../test/helpers/rows.ts';

/** Every table a public page or public API route reads: migration 0010's, and later migrations' public tables. */
const PUBLIC_TABLES = [
  ...TABLES_0010,
  // 0013: news.
  'news_item',
  'news_translation',
  'news_link',
  // 0017: the published evaluation reports.
  'evaluation_version',
  // 0020: an evaluation's secrecy flag decides whether its report is public (update of `secret` only).
  'evaluation',
];

describeEachDialect('migration 0010: the public data generation', (dialect) => {
  const demo = useDemoDb(dialect);

  const triggers = async (): Promise<Set<string>> => {
    const rows =
      dialect === 'sqlite'
        ? await sql<{ table: string }>`select tbl_name as "table" from sqlite_master
            where type = 'trigger' and name like '%public_generation%'`.execute(demo.db.kysely)
        : await sql<{ table: string }>`select event_object_table as "table"
            from information_schema.triggers where trigger_name like '%public_generation%'`.execute(
            demo.db.kysely,
          );
    return new Set(rows.rows.map((r) => r.table));
  };
  const generation = () => currentGeneration(demo.db.kysely, 'public');

  it('covers every table a public page reads, and nothing else', async () => {
    expect([...(await triggers())].sort()).toEqual([...PUBLIC_TABLES].sort());
  });

  it('changes with a write to a public table, in its transaction, and not with private ones', async () => {
    let before = await generation();
    for (const write of [
      sql`update meeting set theme = theme`,
      sql`update delegation_member set name = name`,
      sql`update city_status_change set changed_on = changed_on`,
      sql`update meeting_document set title = title`,
    ]) {
      await write.execute(demo.db.kysely);
      const after = await generation();
      expect(after).not.toBe(before);
      before = after;
    }
    await sql`update session set last_seen_at = last_seen_at`.execute(demo.db.kysely);
    await sql`update app_user set name = name`.execute(demo.db.kysely);
    expect(await generation()).toBe(before);
    // A rolled-back write changes nothing.
    await demo.db.kysely
      .transaction()
      .execute(async (trx) => {
        await sql`update council_decision set title = title`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await generation()).toBe(before);
  });

  it('migrates down and up again', async () => {
    await migrateTo(demo.db, '0009-search-facets');
    expect((await triggers()).size).toBe(0);
    expect(await rowsWhere(demo.db, 'data_generation', { name: 'public' }, ['name'])).toEqual([]);
    await migrateToLatest(demo.db);
    expect((await triggers()).size).toBe(PUBLIC_TABLES.length);
  });
});
