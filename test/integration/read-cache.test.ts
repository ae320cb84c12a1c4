import { sql, type RawBuilder } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { useDemoDb } from '../helpers/test-app.ts';
import { listCollaborations } from '../../src/modules/collaborations/collaboration.service.ts';
import { searchKnowledge } from '../../src/modules/collaborations/knowledge.ts';
import {
  cacheKey,
  cachedRead,
  currentGeneration,
  readCacheStats,
  type DataSet,
} from '../../src/platform/read-cache.ts';

describeEachDialect('read cache', (dialect) => {
  const demo = useDemoDb(dialect);

  it('computes once per generation and again after any write to a covered table', async () => {
    const computed = { collaborations: 0, registry: 0, public: 0 };
    const read = (set: DataSet) =>
      cachedRead(demo.db.kysely, set, 'probe', () => Promise.resolve(++computed[set]));
    expect(await read('collaborations')).toBe(1);
    expect(await read('collaborations')).toBe(1);
    expect(await read('registry')).toBe(1);
    expect(await read('public')).toBe(1);
    // Every table the cached results depend on raises its sets' generations when written.
    const writes: [string, RawBuilder<unknown>, DataSet[]][] = [
      [
        'collaboration',
        sql`update collaboration set title = title where id = (select min(id) from collaboration)`,
        ['collaborations', 'public'],
      ],
      [
        'collaboration_city',
        sql`update collaboration_city set city_id = city_id where collaboration_id = (select min(collaboration_id) from collaboration_city)`,
        ['collaborations', 'public'],
      ],
      [
        'collaboration_area',
        sql`update collaboration_area set area_id = area_id where collaboration_id = (select min(collaboration_id) from collaboration_area)`,
        ['collaborations', 'public'],
      ],
      [
        'exchange',
        sql`update exchange set learnings = learnings where id = (select min(id) from exchange)`,
        ['collaborations', 'public'],
      ],
      [
        'search_document',
        sql`update search_document set title = title where id = (select min(id) from search_document)`,
        ['collaborations'],
      ],
      [
        'organisation',
        sql`update organisation set name = name where id = (select min(id) from organisation)`,
        ['collaborations', 'registry', 'public'],
      ],
      [
        'area',
        sql`update area set name_sv = name_sv where id = (select min(id) from area)`,
        ['collaborations', 'registry', 'public'],
      ],
      [
        'city',
        sql`update city set population = population where id = (select min(id) from city)`,
        ['collaborations', 'registry', 'public'],
      ],
      [
        'city_translation',
        sql`update city_translation set name = name where city_id = (select min(city_id) from city_translation)`,
        ['registry', 'public'],
      ],
      ['chain', sql`update chain set interval_years = interval_years`, ['registry', 'public']],
      [
        'chain_member',
        sql`update chain_member set position = position where city_id = (select min(city_id) from chain_member)`,
        ['registry', 'public'],
      ],
    ];
    for (const [table, write, sets] of writes) {
      const before = { ...computed };
      await write.execute(demo.db.kysely);
      for (const set of ['collaborations', 'registry', 'public'] as const) {
        const expected = sets.includes(set) ? before[set] + 1 : before[set];
        expect(await read(set), `${table} → ${set}`).toBe(expected);
        expect(await read(set), `${table} → ${set}, again`).toBe(expected);
      }
    }
  });

  it('reads the generations once for reads that start together', async () => {
    const started: string[] = [];
    const probe = demo.db.kysely.withPlugin({
      transformQuery: (args) => args.node,
      // Called for every query run, also the precompiled one of the generations.
      transformResult: (args) => {
        started.push('query');
        return Promise.resolve(args.result);
      },
    });
    await Promise.all([
      cachedRead(probe, 'registry', 'a', () => Promise.resolve(1)),
      cachedRead(probe, 'registry', 'b', () => Promise.resolve(2)),
      cachedRead(probe, 'collaborations', 'c', () => Promise.resolve(3)),
    ]);
    expect(started).toEqual(['query']);
  });

  it('freezes what it caches', async () => {
    const value = await cachedRead(demo.db.kysely, 'registry', 'frozen', () =>
      Promise.resolve({ list: [{ name: 'Bergen' }] }),
    );
    expect(() => {
      (value.list[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('is not used inside a transaction, and a rolled-back write changes nothing', async () => {
    const generation = await currentGeneration(demo.db.kysely, 'collaborations');
    let computed = 0;
    await demo.db.kysely
      .transaction()
      .execute(async (trx) => {
        await cachedRead(trx, 'collaborations', 'trx', () => Promise.resolve(++computed));
        await cachedRead(trx, 'collaborations', 'trx', () => Promise.resolve(++computed));
        await sql`update organisation set name = name`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(computed).toBe(2);
    expect(await currentGeneration(demo.db.kysely, 'collaborations')).toBe(generation);
  });

  it('does not keep a failed computation', async () => {
    await expect(
      cachedRead(demo.db.kysely, 'collaborations', 'fails', () =>
        Promise.reject(new Error('boom')),
      ),
    ).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(
      await cachedRead(demo.db.kysely, 'collaborations', 'fails', () => Promise.resolve(7)),
    ).toBe(7);
  });

  it('keeps at most 1,000 entries', async () => {
    for (let i = 0; i < 1100; i++)
      await cachedRead(demo.db.kysely, 'collaborations', `many-${i}`, () => Promise.resolve(i));
    expect(readCacheStats(demo.db.kysely).size).toBeLessThanOrEqual(1000);
  });

  it('a cached search and a cached count see a write at once', async () => {
    const page = { limit: 20, offset: 0 };
    const search = () => searchKnowledge(demo.db, { q: 'blåbärssoppa' }, page);
    expect((await search()).total).toBe(0);
    expect((await search()).total).toBe(0);
    const org = await demo.db.kysely
      .selectFrom('organisation')
      .select('id')
      .executeTakeFirstOrThrow();
    await demo.db.kysely
      .insertInto('search_document')
      .values({
        id: 'cache-probe',
        entity: 'collaboration',
        organisation_id: org.id,
        year: 2026,
        visibility: 'public',
        title: 'Blåbärssoppa åt Vasaloppet',
        body: 'Om blåbärssoppa.',
        facets: '',
      })
      .execute();
    expect((await search()).hits.map((h) => h.id)).toEqual(['cache-probe']);

    const publicList = () =>
      listCollaborations(demo.db.kysely, { city: 'bergen' }, 'public', { limit: 5, offset: 0 });
    const before = (await publicList()).total;
    expect(before).toBeGreaterThan(0);
    const misses = readCacheStats(demo.db.kysely).misses;
    expect((await publicList()).total).toBe(before);
    expect(readCacheStats(demo.db.kysely).misses).toBe(misses);
    await sql`update collaboration set visibility = 'internal' where id in (
      select cc.collaboration_id from collaboration_city cc join city on city.id = cc.city_id
      where city.slug = 'bergen')`.execute(demo.db.kysely);
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
