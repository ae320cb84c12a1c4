import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../test/helpers/databases.ts';
import type { Db } from './database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';
import { rowWhere } from '../../test/helpers/rows.ts';

/**
 * Migration 0012 gives every account a language: Swedish for the accounts that exist and
 * for new rows that name none, and only one of the chain's five languages.
 */
describeEachDialect('migration 0012: a person’s language', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(dialect));
    await migrateTo(db, '0011-repair-area-names');
  });
  afterAll(() => close());

  const now = new Date().toISOString();
  // Rows as the accounts before 0012 wrote them: no language column.
  const row = (id: string) =>
    ({
      id,
      email: `${id}@vanort.example`,
      name: id,
      password_hash: null,
      active: 1,
      totp_secret: null,
      totp_enabled: 0,
      oidc_subject: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    }) as never;
  const languageOf = async (id: string) =>
    (await rowWhere(db, 'app_user', { id }, ['language'])).language;

  it('gives existing and new accounts Swedish, and keeps to the five languages', async () => {
    await db.kysely.insertInto('app_user').values(row('before')).execute();
    expect(await migrateToLatest(db)).toContain('0012-user-language');
    expect(await languageOf('before')).toBe('sv');

    await db.kysely.insertInto('app_user').values(row('after')).execute();
    expect(await languageOf('after')).toBe('sv');

    for (const language of ['en', 'da', 'nb', 'fi', 'sv']) {
      await db.kysely.updateTable('app_user').set({ language }).where('id', '=', 'after').execute();
      expect(await languageOf('after')).toBe(language);
    }
    for (const bad of ['xx', 'no', 'SV', ''])
      await expect(
        db.kysely
          .updateTable('app_user')
          .set({ language: bad })
          .where('id', '=', 'after')
          .execute(),
      ).rejects.toThrow();
    expect(await languageOf('after')).toBe('sv');
  });

  it('goes down and up again', async () => {
    await db.kysely
      .updateTable('app_user')
      .set({ language: 'fi' })
      .where('id', '=', 'before')
      .execute();
    await migrateTo(db, '0011-repair-area-names');
    const columns = (await db.kysely.introspection.getTables())
      .find((t) => t.name === 'app_user')
      ?.columns.map((c) => c.name);
    expect(columns).not.toContain('language');
    await migrateToLatest(db);
    expect(await languageOf('before')).toBe('sv');
  });
});
