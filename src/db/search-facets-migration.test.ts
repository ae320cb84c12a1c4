import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useDemoDb } from '../../test/helpers/test-app.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';
import { searchKnowledge } from '../modules/collaborations/knowledge.ts';

/** Migration 0009 computes the facets of existing documents in SQL; the services in JS. */
describeEachDialect('migration 0009: search facets', (dialect) => {
  const demo = useDemoDb(dialect);

  const facets = async () =>
    Object.fromEntries(
      (await demo.db.kysely.selectFrom('search_document').select(['id', 'facets']).execute()).map(
        (r) => [r.id, r.facets.split(' ').filter(Boolean).sort().join(' ')],
      ),
    );

  it('backfills the same facets the services write, and down and up again keep search working', async () => {
    const written = await facets();
    expect(Object.keys(written).length).toBeGreaterThan(10);
    // Every document names its organisation, its year and at least one city.
    for (const f of Object.values(written)) {
      expect(f).toMatch(/^[acoy][0-9a-z]+( [acoy][0-9a-z]+)*$/);
      for (const kind of ['c', 'o', 'y'])
        expect(f.split(' ').some((token) => token.startsWith(kind))).toBe(true);
    }
    await migrateTo(demo.db, '0008-data-generation');
    const columns = await demo.db.kysely.introspection.getTables();
    expect(
      columns.find((t) => t.name === 'search_document')!.columns.map((c) => c.name),
    ).not.toContain('facets');
    // 0009 first, then the migrations after it.
    expect((await migrateToLatest(demo.db))[0]).toBe('0009-search-facets');
    expect(await facets()).toEqual(written);
    // The rebuilt index answers words and facets together.
    const page = { limit: 20, offset: 0 };
    const all = await searchKnowledge(demo.db, { q: 'lägerskola' }, page);
    const turku = await searchKnowledge(demo.db, { q: 'lägerskola', city: 'turku' }, page);
    expect(turku.total).toBeGreaterThan(0);
    expect(turku.total).toBeLessThan(all.total);
  });
});
