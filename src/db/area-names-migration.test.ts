import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useDemoDb } from '../../test/helpers/test-app.ts';
import { DEFAULT_AREAS } from '../modules/collaborations/area.defaults.ts';
import { searchKnowledge } from '../modules/collaborations/knowledge.ts';
import { facetToken } from '../modules/collaborations/search-document.ts';
import * as m0011 from './migrations/0011-repair-area-names.ts';
import { rowsWhere } from '../../test/helpers/rows.ts';

const WRONG = 'Social välfärd';
const RIGHT = 'Socialtjänst';

/**
 * Migration 0011 repairs the `social-welfare` area that an import created from its own,
 * diverged copy of the default areas: renamed where it is the only one, merged into the
 * right one where both exist. The database is put into the state the old import left.
 */
describeEachDialect('migration 0011: repair area names', (dialect) => {
  const demo = useDemoDb(dialect);

  const area = (slug: string) =>
    demo.db.kysely.selectFrom('area').selectAll().where('slug', '=', slug).executeTakeFirst();
  const links = async (areaId: string) =>
    (await rowsWhere(demo.db, 'collaboration_area', { area_id: areaId }, ['collaboration_id']))
      .map((r) => r.collaboration_id)
      .sort();
  const documents = async () =>
    new Map(
      (
        await demo.db.kysely
          .selectFrom('search_document')
          .select(['id', 'body', 'facets'])
          .execute()
      ).map((d) => [d.id, d]),
    );
  const tokens = (facets: string) => facets.split(' ').filter(Boolean);

  it('is registered, and the registry, the import and the demo data share one list', async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
      demo.db.kysely,
    );
    expect(applied.rows.map((m) => m.name)).toContain('0011-repair-area-names');
    expect(DEFAULT_AREAS.find(([slug]) => slug === 'social-welfare')?.[1]).toBe(RIGHT);
    expect((await area('social-welfare'))?.name_sv).toBe(RIGHT);
  });

  it('renames the only area under the wrong name: id, slug and links stay, the text follows', async () => {
    const before = (await area('social-welfare'))!;
    const linked = await links(before.id);
    expect(linked.length).toBeGreaterThan(0);
    // What the old import left: the area and its documents' text under the wrong name.
    await demo.db.kysely
      .updateTable('area')
      .set({ name_sv: WRONG })
      .where('id', '=', before.id)
      .execute();
    await sql`update search_document set body = replace(body, ${RIGHT}, ${WRONG})`.execute(
      demo.db.kysely,
    );
    const docsBefore = await documents();
    expect([...docsBefore.values()].some((d) => d.body.includes(WRONG))).toBe(true);

    await m0011.up(demo.db.kysely);

    const after = (await area('social-welfare'))!;
    expect(after).toMatchObject({ id: before.id, name_sv: RIGHT, name_en: before.name_en });
    expect(await links(before.id)).toEqual(linked);
    const docsAfter = await documents();
    for (const id of linked) {
      expect(docsAfter.get(id)!.body).toContain(RIGHT);
      expect(docsAfter.get(id)!.body).not.toContain(WRONG);
    }
    // Facets name areas by id: unchanged.
    for (const [id, d] of docsBefore) expect(docsAfter.get(id)!.facets).toBe(d.facets);
  });

  it('merges a second area under the wrong name into the right one, without duplicate links', async () => {
    const right = (await area('social-welfare'))!;
    const rightLinks = await links(right.id);
    const all = await demo.db.kysely
      .selectFrom('collaboration')
      .select('id')
      .orderBy('id')
      .execute();
    const withExchange = new Set(
      (
        await demo.db.kysely
          .selectFrom('exchange')
          .select('collaboration_id')
          .where('collaboration_id', 'is not', null)
          .execute()
      ).map((x) => x.collaboration_id),
    );
    const unlinked = all.filter((c) => !rightLinks.includes(c.id));
    // X: only under the wrong area (with an exchange, if the demo has one); Y: under both.
    const x = (unlinked.find((c) => withExchange.has(c.id)) ?? unlinked[0])!.id;
    const y = rightLinks[0]!;
    const wrongId = '0b9d1e52-6a0f-4c1e-9a53-2f6f1f0c0011';
    const now = new Date().toISOString();
    await demo.db.kysely
      .insertInto('area')
      .values({
        id: wrongId,
        slug: 'social-welfare-2',
        name_sv: WRONG,
        name_en: 'Social welfare',
        position: 99,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await demo.db.kysely
      .insertInto('collaboration_area')
      .values([
        { collaboration_id: x, area_id: wrongId },
        { collaboration_id: y, area_id: wrongId },
      ])
      .execute();
    // Their documents as the services wrote them: the wrong area's token and name.
    const wrongToken = facetToken('area', wrongId);
    const rightToken = facetToken('area', right.id);
    const exchangesOfX = (
      await rowsWhere(demo.db, 'exchange', { collaboration_id: x }, ['id'])
    ).map((e) => e.id);
    for (const id of [x, y, ...exchangesOfX])
      await demo.db.kysely
        .updateTable('search_document')
        .set({ facets: sql`facets || ${` ${wrongToken}`}` })
        .where('id', '=', id)
        .execute();
    await demo.db.kysely
      .updateTable('search_document')
      .set({ body: `Mål\nResultat\nSkola, ${WRONG}\nKlimat` })
      .where('id', '=', x)
      .execute();

    await m0011.up(demo.db.kysely);

    expect(await area('social-welfare-2')).toBeUndefined();
    expect(await links(wrongId)).toEqual([]);
    expect(await links(right.id)).toEqual([...rightLinks, x].sort());
    const docs = await documents();
    for (const d of docs.values()) expect(tokens(d.facets)).not.toContain(wrongToken);
    for (const id of [x, y, ...exchangesOfX])
      expect(tokens(docs.get(id)!.facets).filter((t) => t === rightToken)).toHaveLength(1);
    expect(docs.get(x)!.body).toBe(`Mål\nResultat\nSkola, ${RIGHT}\nKlimat`);
    // The registry's area is still the right one, and the knowledge bank's area filter
    // finds only documents of collaborations linked to it.
    expect((await area('social-welfare'))!.name_sv).toBe(RIGHT);
    const found = await searchKnowledge(
      demo.db,
      { area: 'social-welfare' },
      { limit: 100, offset: 0 },
    );
    const linkedNow = new Set(await links(right.id));
    const exchangeCollaboration = new Map(
      (
        await demo.db.kysely.selectFrom('exchange').select(['id', 'collaboration_id']).execute()
      ).map((e) => [e.id, e.collaboration_id]),
    );
    expect(found.total).toBeGreaterThan(0);
    for (const hit of found.hits)
      expect(linkedNow.has(hit.id) || linkedNow.has(exchangeCollaboration.get(hit.id) ?? '')).toBe(
        true,
      );

    // A second run finds nothing to repair.
    const settled = await documents();
    await m0011.up(demo.db.kysely);
    expect(await documents()).toEqual(settled);
    expect(await links(right.id)).toEqual([...rightLinks, x].sort());
  });
});
