import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { countQueue, firstAfter, listQueue, type QueueKey } from './review.repository.ts';

// The review queue reads each kind on its own index and merges them (issue 16: the whole queue
// was sorted on every request). Its order must stay (submitted_at, entity, id), ties included:
// several reports submitted in the same second, of one kind and of both.

describeEachDialect('the review queue order', (dialect) => {
  const t = useTestApp(dialect);
  /** Every submitted report, in the order the queue must give. */
  let expected: QueueKey[];

  beforeAll(async () => {
    const [collaborations, exchanges] = await Promise.all([
      t.db.kysely.selectFrom('collaboration').select('id').execute(),
      t.db.kysely.selectFrom('exchange').select('id').execute(),
    ]);
    const items: QueueKey[] = [
      ...collaborations.map((r) => ({
        entity: 'collaboration' as const,
        id: r.id,
        submittedAt: '',
      })),
      ...exchanges.map((r) => ({ entity: 'exchange' as const, id: r.id, submittedAt: '' })),
    ];
    // Three moments only, so that most items share theirs with items of both kinds.
    for (const [n, item] of items.entries()) {
      item.submittedAt = new Date(Date.UTC(2026, 10, 1, 8, n % 3)).toISOString();
      await t.db.kysely
        .updateTable(item.entity)
        .set({ review_state: 'submitted', submitted_at: item.submittedAt })
        .where('id', '=', item.id)
        .execute();
    }
    const order = (k: QueueKey) => `${k.submittedAt}|${k.entity}|${k.id}`;
    expected = items.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    expect(expected.length).toBeGreaterThan(10);
  });

  const keyOf = (row: { entity: QueueKey['entity']; id: string; submitted_at: string }) => ({
    entity: row.entity,
    id: row.id,
    submittedAt: row.submitted_at,
  });

  it('lists every page in (submitted_at, entity, id) order', async () => {
    const pages = [];
    for (let offset = 0; offset < expected.length; offset += 4)
      pages.push(...(await listQueue(t.db.kysely, 4, offset)).map(keyOf));
    expect(pages).toEqual(expected);
  });

  it('counts the items before each item, and finds the one after it', async () => {
    expect(await countQueue(t.db.kysely)).toBe(expected.length);
    expect(keyOf((await firstAfter(t.db.kysely, null))!)).toEqual(expected[0]);
    for (const [n, key] of expected.entries()) {
      expect(await countQueue(t.db.kysely, key)).toBe(n);
      const after = await firstAfter(t.db.kysely, key);
      expect(after ? keyOf(after) : undefined).toEqual(expected[n + 1]);
    }
  });
});
