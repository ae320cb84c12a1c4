import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { expect, it } from 'vitest';
import { countWhere, sumOrZero } from './aggregates.ts';
import { inBatches } from './batches.ts';
import type { Database } from './database.ts';
import { afterCursor } from './keyset.ts';
import { qualified } from './qualified.ts';

/** Compiles without a database (PostgreSQL's numbered parameters show their order). */
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

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
