import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../test/helpers/databases.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { precompiled } from './precompiled.ts';

const NOW = new Date().toISOString();

describeEachDialect('precompiled reads', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(dialect));
    await migrateToLatest(db);
    await db.kysely
      .insertInto('app_setting')
      .values([
        { key: 'speed.a', value: 'one', updated_at: NOW },
        { key: 'speed.b', value: 'two', updated_at: NOW },
        { key: 'speed.c', value: 'three', updated_at: NOW },
      ])
      .execute();
  });
  afterAll(() => close());

  const settingsFrom = precompiled((k, p: { from: string; not: string }) =>
    k
      .selectFrom('app_setting')
      .select(['key', 'value'])
      .where('key', '>=', p.from)
      .where('key', 'like', 'speed.%')
      .where('key', '<>', p.not)
      .orderBy('key'),
  );

  it('runs the compiled SQL again with each call’s values', async () => {
    expect(await settingsFrom(db.kysely, { from: 'speed.a', not: 'speed.b' })).toEqual([
      { key: 'speed.a', value: 'one' },
      { key: 'speed.c', value: 'three' },
    ]);
    expect(await settingsFrom(db.kysely, { from: 'speed.b', not: 'none' })).toEqual([
      { key: 'speed.b', value: 'two' },
      { key: 'speed.c', value: 'three' },
    ]);
    // Values are values, never SQL.
    expect(await settingsFrom(db.kysely, { from: "' or 1=1 --", not: 'x' })).toHaveLength(3);
  });

  it('sees a transaction’s own writes when run inside it', async () => {
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_setting')
        .values({ key: 'speed.d', value: 'four', updated_at: NOW })
        .execute();
      const rows = await settingsFrom(trx, { from: 'speed.d', not: 'x' });
      expect(rows).toEqual([{ key: 'speed.d', value: 'four' }]);
    });
  });

  it('refuses a parameter used as anything but one value', async () => {
    const asList = precompiled((k, p: { key: string }) =>
      k.selectFrom('app_setting').select('key').where('key', 'in', [p.key, p.key]),
    );
    await expect(asList(db.kysely, { key: 'speed.a' })).rejects.toThrow(/must be one value/);
    const unused = precompiled((k, _p: { key: string }) =>
      k.selectFrom('app_setting').select('key'),
    );
    await expect(unused(db.kysely, { key: 'speed.a' })).rejects.toThrow(/must be one value/);
  });
});
