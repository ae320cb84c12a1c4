import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from './database.ts';
import { tableAccess } from './table-access.ts';

/** The statements a query sends, compiled for SQLite without a database. */
function recorder() {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    log: (event) => {
      sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, sent };
}

it('sends the statements the hand-written queries sent', async () => {
  const { db, sent } = recorder();
  const members = tableAccess('delegation_member', ['id', 'name'], { fixed: ['delegation_id'] });
  await members.find(db, 'm1');
  await members.findBy(db, { delegation_id: 'd1', id: 'm1' });
  await members.list(db, { delegation_id: 'd1' }, ['position', ['created_at', 'desc']], {
    limit: 10,
    offset: 20,
  });
  await members.count(db, { delegation_id: 'd1', logistics_erased_at: null });
  await members.update(db, 'm1', { name: 'A' });
  await members.updateVersioned(db, 'm1', { name: 'A' }, '2026-01-01');
  await members.updateVersioned(db, 'm1', { name: 'A' }, undefined);
  await members.remove(db, 'm1');
  await members.insertMany(db, []);

  const { db: expected, sent: wanted } = recorder();
  const q = expected.selectFrom('delegation_member').select(['id', 'name']);
  await q.where('id', '=', 'm1').executeTakeFirst();
  await q.where('delegation_id', '=', 'd1').where('id', '=', 'm1').executeTakeFirst();
  await q
    .where('delegation_id', '=', 'd1')
    .orderBy('position')
    .orderBy('created_at', 'desc')
    .limit(10)
    .offset(20)
    .execute();
  await expected
    .selectFrom('delegation_member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('delegation_id', '=', 'd1')
    .where('logistics_erased_at', 'is', null)
    .executeTakeFirst();
  const u = expected.updateTable('delegation_member').set({ name: 'A' }).where('id', '=', 'm1');
  await u.execute();
  await u.where('updated_at', '=', '2026-01-01').executeTakeFirst();
  await u.executeTakeFirst();
  await expected.deleteFrom('delegation_member').where('id', '=', 'm1').execute();

  expect(sent).toEqual(wanted);
});

it('selects every column with `*`', async () => {
  const { db, sent } = recorder();
  await tableAccess('evaluation', '*').find(db, 'e1');
  expect(sent.map((s) => s.sql)).toEqual(['select * from "evaluation" where "id" = ?']);
});
