import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../test/helpers/databases.ts';
import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { hasDemoData, seedDemo } from './demo.ts';
import { rowsWhere } from '../test/helpers/rows.ts';
import { cityRow } from '../test/helpers/city-fixtures.ts';

describeEachDialect('migrations and demo data', (dialect) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  const open = async (): Promise<Db> => {
    const t = await openTestDb(dialect);
    close = t.close;
    return t.db;
  };

  it('migrates an empty database once and then has nothing to do', async () => {
    const db = await open();
    expect(await migrateToLatest(db)).toEqual([
      '0001-foundation',
      '0002-accounts',
      '0003-mfa',
      '0004-decisions',
      '0005-meetings',
      '0006-collaborations',
      '0007-collaboration-list-index',
      '0008-data-generation',
      '0009-search-facets',
      '0010-public-generation',
      '0011-repair-area-names',
      '0012-user-language',
      '0013-news',
      '0014-newsletter',
      '0015-search',
      '0016-job-due-time',
      '0017-evaluation',
      '0018-meeting-year-index',
      '0019-city-suggestion',
      '0020-records',
      '0021-list-indexes',
      '0022-review-queue-index',
      '0023-workspace-list-indexes',
    ]);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('seeds the registry, the chain, organisations and the meetings on record, once', async () => {
    const db = await open();
    await migrateToLatest(db);
    expect(await hasDemoData(db)).toBe(false);
    expect(await seedDemo(db)).toEqual({ seeded: true });
    expect(await hasDemoData(db)).toBe(true);
    expect(await seedDemo(db)).toEqual({ seeded: false, reason: 'already-present' });

    const k = db.kysely;
    const cities = await k
      .selectFrom('city')
      .select(['slug', 'kind', 'status', 'since_year'])
      .where('kind', '!=', 'partner')
      .orderBy('slug')
      .execute();
    expect(cities).toEqual([
      { slug: 'aarhus', kind: 'twin', status: 'active', since_year: 1946 },
      { slug: 'bergen', kind: 'twin', status: 'active', since_year: 1946 },
      { slug: 'goteborg', kind: 'home', status: 'active', since_year: null },
      { slug: 'turku', kind: 'twin', status: 'active', since_year: 1946 },
    ]);
    const partners = await rowsWhere(k, 'city', { kind: 'partner' }, ['slug', 'status']);
    expect(partners).toHaveLength(10);
    expect(partners.filter((p) => p.status === 'active').map((p) => p.slug)).toEqual([
      'nelson-mandela-bay',
    ]);
    const names = await k
      .selectFrom('city_translation')
      .innerJoin('city', 'city.id', 'city_translation.city_id')
      .select(['city.slug', 'city_translation.lang', 'city_translation.name'])
      .where('city_translation.lang', 'in', ['sv', 'en'])
      .where('city.kind', '!=', 'partner')
      .orderBy('city.slug')
      .orderBy('city_translation.lang')
      .execute();
    expect(names.map((n) => `${n.slug}.${n.lang}=${n.name}`)).toEqual([
      'aarhus.en=Aarhus',
      'aarhus.sv=Aarhus',
      'bergen.en=Bergen',
      'bergen.sv=Bergen',
      'goteborg.en=Gothenburg',
      'goteborg.sv=Göteborg',
      'turku.en=Turku',
      'turku.sv=Åbo',
    ]);
    const chain = await k
      .selectFrom('chain')
      .select(['slug', 'interval_years', 'since_year'])
      .execute();
    expect(chain).toEqual([{ slug: 'nordic', interval_years: 2, since_year: 1946 }]);
    expect(await k.selectFrom('chain_member').select('position').execute()).toHaveLength(4);
    const orgs = await k.selectFrom('organisation').select(['name', 'kind']).execute();
    expect(orgs.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'Stadsledningskontoret',
        'Kulturförvaltningen',
        'Utbildningsförvaltningen',
        'Göteborg Energi AB',
        'Liseberg AB',
      ]),
    );
    const meetings = await k
      .selectFrom('meeting')
      .innerJoin('city', 'city.id', 'meeting.host_city_id')
      .select([
        'meeting.year',
        'city.slug',
        'meeting.start_date',
        'meeting.end_date',
        'meeting.status',
      ])
      .orderBy('meeting.year')
      .execute();
    expect(meetings).toEqual([
      { year: 2013, slug: 'bergen', start_date: null, end_date: null, status: 'held' },
      { year: 2015, slug: 'aarhus', start_date: null, end_date: null, status: 'held' },
      {
        year: 2017,
        slug: 'turku',
        start_date: '2017-06-07',
        end_date: '2017-06-08',
        status: 'held',
      },
      {
        year: 2019,
        slug: 'goteborg',
        start_date: '2019-11-14',
        end_date: '2019-11-15',
        status: 'held',
      },
      {
        year: 2021,
        slug: 'bergen',
        start_date: '2021-09-22',
        end_date: '2021-09-23',
        status: 'held',
      },
      {
        year: 2023,
        slug: 'aarhus',
        start_date: '2023-05-31',
        end_date: '2023-06-01',
        status: 'held',
      },
      {
        year: 2025,
        slug: 'turku',
        start_date: '2025-06-11',
        end_date: '2025-06-12',
        status: 'held',
      },
      {
        year: 2027,
        slug: 'goteborg',
        start_date: '2027-09-14',
        end_date: '2027-09-16',
        status: 'planned',
      },
    ]);
  });

  it('does not seed into a registry that already has cities', async () => {
    const db = await open();
    await migrateToLatest(db);
    await db.kysely
      .insertInto('city')
      .values(cityRow({ id: 'x', slug: 'real-city' }))
      .execute();
    expect(await seedDemo(db)).toEqual({ seeded: false, reason: 'not-empty' });
    expect(await hasDemoData(db)).toBe(false);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const db = await open();
    await migrateToLatest(db);
    await db.kysely
      .insertInto('audit_event')
      .values({
        id: 'a1',
        occurred_at: '2026-11-26T00:00:00.000Z',
        actor_user_id: null,
        actor_label: 'test',
        ip: null,
        entity: 'city',
        entity_id: null,
        action: 'create',
        changes: '{}',
      })
      .execute();
    await expect(
      db.kysely.updateTable('audit_event').set({ action: 'forged' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    const rows = await db.kysely.selectFrom('audit_event').select('action').execute();
    expect(rows).toEqual([{ action: 'create' }]);
  });

  it('enforces the allowed kinds and statuses in the schema', async () => {
    const db = await open();
    await migrateToLatest(db);
    await expect(
      db.kysely
        .insertInto('city')
        .values(cityRow({ id: 'y', slug: 'y', kind: 'friend' }))
        .execute(),
    ).rejects.toThrow();
  });
});
