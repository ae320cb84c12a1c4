import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type SqlBool,
} from 'kysely';
import { expect, it } from 'vitest';
import { countWhere, sumOrZero } from './aggregates.ts';
import { inBatches } from './batches.ts';
import type { Database } from './database.ts';
import { afterCursor } from './keyset.ts';
import { qualified } from './qualified.ts';
import { hasRow, tableAccess } from './table-access.ts';

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

it('compares, filters by a callback, takes the first, the greatest, and replaces', async () => {
  const { db, sent } = recorder();
  const tokens = tableAccess('api_token', ['id', 'name']);
  await tokens.list(db, { user_id: 'u1', revoked_at: null, expires_at: ['>', 'now'] }, ['id']);
  await tokens.list(db, { id: ['in', ['a', 'b']], revoked_at: ['is not', null] }, [], {
    limit: 5,
  });
  await tokens.findBy(db, () => sql<SqlBool>`${sql.ref('name')} = ${'x'}`, [['id', 'desc']]);
  await tokens.first(db, { user_id: 'u1' }, [['created_at', 'desc']]);
  await tokens.count(db, { user_id: 'u1', id: ['!=', 'a'] });
  await tokens.countBy(db, 'user_id', { revoked_at: null });
  await tokens.max(db, 'created_at', { user_id: 'u1' });
  await tokens.min(db, 'created_at');
  await tokens.updateWhere(db, { id: ['in', ['a']], revoked_at: null }, { name: 'B' });
  await tokens.removeWhere(db, { user_id: 'u1' });
  await tableAccess('user_role', '*').replace(db, { user_id: 'u1' }, [
    { user_id: 'u1', role: 'admin', organisation_id: null, city_id: null },
  ]);
  await tableAccess('user_role', '*').replace(db, { user_id: 'u1' }, []);

  const { db: expected, sent: wanted } = recorder();
  const q = expected.selectFrom('api_token').select(['id', 'name']);
  await q
    .where('user_id', '=', 'u1')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', 'now')
    .orderBy('id')
    .execute();
  await q.where('id', 'in', ['a', 'b']).where('revoked_at', 'is not', null).limit(5).execute();
  await q.where(sql.ref('name'), '=', 'x').orderBy('id', 'desc').executeTakeFirst();
  await q.where('user_id', '=', 'u1').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  await expected
    .selectFrom('api_token')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', 'u1')
    .where('id', '!=', 'a')
    .executeTakeFirst();
  await expected
    .selectFrom('api_token')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('revoked_at', 'is', null)
    .groupBy('user_id')
    .execute();
  await expected
    .selectFrom('api_token')
    .select((eb) => eb.fn.max('created_at').as('created_at'))
    .where('user_id', '=', 'u1')
    .executeTakeFirst();
  await expected
    .selectFrom('api_token')
    .select((eb) => eb.fn.min('created_at').as('created_at'))
    .executeTakeFirst();
  await expected
    .updateTable('api_token')
    .set({ name: 'B' })
    .where('id', 'in', ['a'])
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await expected.deleteFrom('api_token').where('user_id', '=', 'u1').execute();
  await expected.deleteFrom('user_role').where('user_id', '=', 'u1').execute();
  await expected
    .insertInto('user_role')
    .values([{ user_id: 'u1', role: 'admin', organisation_id: null, city_id: null }])
    .execute();
  await expected.deleteFrom('user_role').where('user_id', '=', 'u1').execute();

  expect(sent).toEqual(wanted);
});

it('claims a column once: only while it is still null', async () => {
  const { db, sent } = recorder();
  await tableAccess('user_token', '*').claim(db, { id: 't1' }, 'used_at', 'now');

  const { db: expected, sent: wanted } = recorder();
  await expected
    .updateTable('user_token')
    .set({ used_at: 'now' })
    .where('id', '=', 't1')
    .where('used_at', 'is', null)
    .executeTakeFirst();
  expect(sent).toEqual(wanted);
});

// The shared fragments of src/db (aggregates, keyset, qualified, batches), compiled as above.
const { db } = recorder();

it('counts and sums as the hand-written aggregates did', () => {
  const shared = db
    .selectFrom('meeting_outcome as o')
    .select((eb) => [
      countWhere(eb, eb('o.kind', '=', 'action')).as('actions'),
      countWhere(eb, eb.and([eb('o.kind', '=', 'action'), eb('o.closed_on', 'is not', null)])).as(
        'closed',
      ),
    ])
    .compile();
  const written = db
    .selectFrom('meeting_outcome as o')
    .select((eb) => [
      eb.fn
        .sum<number>(eb.case().when('o.kind', '=', 'action').then(1).else(0).end())
        .as('actions'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('o.kind', '=', 'action'), eb('o.closed_on', 'is not', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('closed'),
    ])
    .compile();
  expect(shared.sql).toBe(written.sql);
  expect(shared.parameters).toEqual(written.parameters);

  const sum = db
    .selectFrom('exchange as e')
    .select((eb) => sumOrZero(eb, eb.ref('e.participants')).as('participants'))
    .compile();
  const summed = db
    .selectFrom('exchange as e')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number>('e.participants'), sql<number>`0`).as('participants'),
    )
    .compile();
  expect(sum.sql).toBe(summed.sql);
});

it('pages by keyset as the hand-written conditions did, both ways', () => {
  const cursor = { value: '2026-01-01', id: 'c9' };
  for (const [direction, past] of [
    ['asc', '>'],
    ['desc', '<'],
  ] as const) {
    const shared = db
      .selectFrom('collaboration as c')
      .select('c.id')
      .where(afterCursor('c.starts_on', 'c.id', cursor, direction))
      .compile();
    const written = db
      .selectFrom('collaboration as c')
      .select('c.id')
      .where((eb) =>
        eb.or([
          eb('c.starts_on', past, cursor.value),
          eb.and([eb('c.starts_on', '=', cursor.value), eb('c.id', past, cursor.id)]),
        ]),
      )
      .compile();
    expect(shared.sql).toBe(written.sql);
    expect(shared.parameters).toEqual(written.parameters);
  }
});

it('asks for a linked row as the hand-written exists did', () => {
  const shared = db
    .selectFrom('campaign')
    .select('campaign.id')
    .where(hasRow('campaign_organisation', 'campaign_id', 'campaign.id', { organisation_id: 'o1' }))
    .compile();
  const written = db
    .selectFrom('campaign')
    .select('campaign.id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('campaign_organisation')
          .select('campaign_organisation.campaign_id')
          .where(sql.ref('campaign_organisation.campaign_id'), '=', sql.ref('campaign.id'))
          .where('organisation_id', '=', 'o1'),
      ),
    )
    .compile();
  expect(shared.sql).toBe(written.sql);
  expect(shared.parameters).toEqual(written.parameters);
});

it('names a column list by its table', () => {
  expect(qualified('delegation_member', ['name', 'phone'] as const)).toEqual([
    'delegation_member.name',
    'delegation_member.phone',
  ]);
});

it('runs one statement per batch, in order, and none for nothing', async () => {
  const seen: number[][] = [];
  const results = await inBatches([1, 2, 3, 4, 5], 2, (batch) => {
    seen.push(batch);
    return Promise.resolve(batch.length);
  });
  expect(seen).toEqual([[1, 2], [3, 4], [5]]);
  expect(results).toEqual([2, 2, 1]);
  expect(await inBatches([], 2, () => Promise.resolve(1))).toEqual([]);
});
