import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useDemoDb } from '../../test/helpers/test-app.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

describeEachDialect('migration 0015 (the portal search)', (dialect) => {
  const demo = useDemoDb(dialect);

  it('goes down and up again, its triggers noting writes to collaborations', async () => {
    const k = demo.db.kysely;
    const id = (await k.selectFrom('collaboration').select('id').executeTakeFirstOrThrow()).id;
    await k.deleteFrom('search_dirty').execute();
    await k.updateTable('collaboration').set({ title: 'Ny titel' }).where('id', '=', id).execute();
    const noted = await k.selectFrom('search_dirty').select(['kind', 'record_id']).execute();
    expect(noted).toContainEqual({ kind: 'collaboration', record_id: id });

    await migrateTo(demo.db, '0013-news');
    await expect(
      k
        .selectFrom('search_entry' as never)
        .selectAll()
        .execute(),
    ).rejects.toThrow();
    // Without the triggers, collaborations are written as before.
    await k
      .updateTable('collaboration')
      .set({ title: 'Utan index' })
      .where('id', '=', id)
      .execute();
    expect(await migrateToLatest(demo.db)).toContain('0015-search');
    await k.updateTable('collaboration').set({ title: 'Med index' }).where('id', '=', id).execute();
    expect(await k.selectFrom('search_dirty').select('kind').execute()).toContainEqual({
      kind: 'collaboration',
    });
  });
});
