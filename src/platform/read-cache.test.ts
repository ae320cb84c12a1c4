import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../test/helpers/databases.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../db/seed-demo.ts';
import { listCollaborations } from '../modules/collaborations/collaboration.service.ts';
import { searchKnowledge } from '../modules/collaborations/knowledge.ts';
import { cacheKey, cachedRead, currentGeneration, readCacheStats } from './read-cache.ts';

describeEachDialect('read cache', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await openTestDb(dialect));
    await migrateToLatest(db);
    await seedDemo(db);
  });
  afterAll(() => close());

  it('computes once per generation and again after any write to a covered table', async () => {
    let computed = 0;
    const read = () =>
      cachedRead(db.kysely, 'collaborations', 'probe', () => Promise.resolve(++computed));
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    // Every table the cached results depend on raises the generation when written.
    const writes = {
      collaboration: sql`update collaboration set title = title where id = (select min(id) from collaboration)`,
      collaboration_city: sql`update collaboration_city set city_id = city_id where collaboration_id = (select min(collaboration_id) from collaboration_city)`,
      collaboration_area: sql`update collaboration_area set area_id = area_id where collaboration_id = (select min(collaboration_id) from collaboration_area)`,
      exchange: sql`update exchange set learnings = learnings where id = (select min(id) from exchange)`,
      search_document: sql`update search_document set title = title where id = (select min(id) from search_document)`,
      organisation: sql`update organisation set name = name where id = (select min(id) from organisation)`,
      area: sql`update area set name_sv = name_sv where id = (select min(id) from area)`,
      city: sql`update city set population = population where id = (select min(id) from city)`,
    };
    for (const [table, write] of Object.entries(writes)) {
      const before = await currentGeneration(db.kysely, 'collaborations');
      await write.execute(db.kysely);
      expect(await currentGeneration(db.kysely, 'collaborations'), table).toBeGreaterThan(before);
      const was = computed;
      expect(await read(), table).toBe(was + 1);
      expect(await read(), table).toBe(was + 1);
    }
  });

  it('is not used inside a transaction, and a rolled-back write changes nothing', async () => {
    const generation = await currentGeneration(db.kysely, 'collaborations');
    let computed = 0;
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await cachedRead(trx, 'collaborations', 'trx', () => Promise.resolve(++computed));
        await cachedRead(trx, 'collaborations', 'trx', () => Promise.resolve(++computed));
        await sql`update organisation set name = name`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(computed).toBe(2);
    expect(await currentGeneration(db.kysely, 'collaborations')).toBe(generation);
  });

  it('does not keep a failed computation', async () => {
    await expect(
      cachedRead(db.kysely, 'collaborations', 'fails', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cachedRead(db.kysely, 'collaborations', 'fails', () => Promise.resolve(7))).toBe(
      7,
    );
  });

  it('keeps at most 1,000 entries', async () => {
    for (let i = 0; i < 1100; i++)
      await cachedRead(db.kysely, 'collaborations', `many-${i}`, () => Promise.resolve(i));
    expect(readCacheStats(db.kysely).size).toBeLessThanOrEqual(1000);
  });

  it('a cached search and a cached count see a write at once', async () => {
    const page = { limit: 20, offset: 0 };
    const search = () => searchKnowledge(db, { q: 'blåbärssoppa' }, page);
    expect((await search()).total).toBe(0);
    expect((await search()).total).toBe(0);
    const org = await db.kysely.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('search_document')
      .values({
        id: 'cache-probe',
        entity: 'collaboration',
        organisation_id: org.id,
        year: 2026,
        visibility: 'public',
        title: 'Blåbärssoppa åt Vasaloppet',
        body: 'Om blåbärssoppa.',
      })
      .execute();
    expect((await search()).hits.map((h) => h.id)).toEqual(['cache-probe']);

    const publicList = () =>
      listCollaborations(db.kysely, { city: 'bergen' }, 'public', { limit: 5, offset: 0 });
    const before = (await publicList()).total;
    expect(before).toBeGreaterThan(0);
    const hits = readCacheStats(db.kysely).hits;
    expect((await publicList()).total).toBe(before);
    expect(readCacheStats(db.kysely).hits).toBe(hits + 1);
    await sql`update collaboration set visibility = 'internal' where id in (
      select cc.collaboration_id from collaboration_city cc join city on city.id = cc.city_id
      where city.slug = 'bergen')`.execute(db.kysely);
    expect((await publicList()).total).toBe(0);
  });
});

it('cacheKey is stable whatever the order of the fields and ignores empty ones', () => {
  expect(cacheKey('count', { b: '2', a: '1', c: undefined, d: '' })).toBe(
    cacheKey('count', { a: '1', b: '2' }),
  );
  expect(cacheKey('count', { a: '1' })).not.toBe(cacheKey('count', { a: '2' }));
  expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
});
