import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { samplePublicPages } from '../../../test/helpers/public-pages.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { updateRows } from '../../../test/helpers/rows.ts';
import { findUserByEmail } from '../accounts/account.service.ts';
import { createApiToken } from '../accounts/api-token.service.ts';
import { DATASETS } from './datasets.ts';

/**
 * Private data never reaches open data or a public page: distinctive markers are written
 * into every private field first (delegates' logistics, collaboration contacts and review
 * comments, internal collaborations and exchanges, internal meeting documents, a news
 * draft), then every open-data output and every public page (the sitemap's, in Swedish) is
 * searched for them and for any account's e-mail address.
 */
const MARK = 'ZQXPRIV';
const CONTACT_EMAIL = 'zqx.kontakt@privat.example';
const LEAK = new RegExp(`${MARK}|zqx\\.kontakt@privat\\.example|@vanort\\.example`, 'i');

describeEachDialect('open data: nothing private gets out', (dialect) => {
  const t = useTestApp(dialect, { env: { PUBLIC_URL: 'https://vanort.example' } });
  let coordinatorToken: string;
  beforeAll(async () => {
    const db = t.db.kysely;
    const changed = async (q: { execute(): Promise<{ numUpdatedRows: bigint }[]> }) =>
      Number((await q.execute())[0]!.numUpdatedRows);

    expect(
      await changed(
        db.updateTable('delegation_member').set({
          dietary_needs: `${MARK}-kost`,
          access_needs: `${MARK}-tillganglighet`,
          travel: `${MARK}-resa`,
          phone: `${MARK}-telefon`,
        }),
      ),
    ).toBeGreaterThan(0);
    expect(
      await changed(
        db.updateTable('collaboration').set({
          contact_name: `${MARK}-kontaktperson`,
          contact_email: CONTACT_EMAIL,
          review_comment: `${MARK}-granskning`,
        }),
      ),
    ).toBeGreaterThan(0);
    expect(
      await changed(
        db
          .updateTable('collaboration')
          .set({ title: `${MARK}-internt samarbete`, goals: `${MARK}-mål` })
          .where('visibility', '=', 'internal'),
      ),
    ).toBeGreaterThan(0);
    // An exchange made internal, and one review comment on every exchange.
    const exchange = await db.selectFrom('exchange').select('id').executeTakeFirstOrThrow();
    await updateRows(db, 'exchange', {}, { review_comment: `${MARK}-granskning` });
    await updateRows(
      db,
      'exchange',
      { id: exchange.id },
      { visibility: 'internal', activities: `${MARK}-internt utbyte` },
    );
    await updateRows(
      db,
      'meeting_document',
      { visibility: 'internal' },
      { title: `${MARK}-internt dokument` },
    );
    const now = new Date().toISOString();
    await db
      .insertInto('news_item')
      .values({
        id: 'news-draft',
        status: 'draft',
        publish_at: null,
        published_at: null,
        created_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('news_translation')
      .values({
        news_id: 'news-draft',
        lang: 'sv',
        title: `${MARK}-utkast`,
        summary: null,
        body_markdown: 'Utkast',
        body_html: '<p>Utkast</p>',
        updated_at: now,
      })
      .execute();

    const user = await findUserByEmail(db, 'samordnare@vanort.example');
    coordinatorToken = (
      await createApiToken(t.db, { userId: user!.id, label: 'privacy', ip: null }, user!.id, {
        name: 'privacy-test',
      })
    ).token;
  });

  const leaks = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ url, headers });
    expect(res.statusCode, url).toBe(200);
    const hit = LEAK.exec(res.body);
    return hit ? `${url}: …${res.body.slice(Math.max(0, hit.index - 80), hit.index + 40)}…` : null;
  };

  it('the markers are real: a coordinator reading the API sees them', async () => {
    const bearer = { authorization: `Bearer ${coordinatorToken}` };
    const hit = await leaks('/api/v1/collaborations?limit=200', bearer);
    expect(hit).not.toBeNull();
  });

  it('no CSV, JSON list or catalogue contains a private field', async () => {
    const found: string[] = [];
    for (const d of DATASETS) {
      for (const lang of ['', '?lang=en']) {
        found.push(...[await leaks(`${d.csv}${lang}`)].filter((x) => x !== null));
        // Every slice of the JSON list, following its next links.
        for (let next: string | null = `${d.json}${lang}`; next;) {
          const res: { statusCode: number; body: string; json<T>(): T } = await t.app.inject({
            url: next,
          });
          expect(res.statusCode, next).toBe(200);
          if (LEAK.test(res.body)) found.push(next);
          const body = res.json<{ page?: { next: string | null } }>();
          next = body.page?.next ?? null;
        }
      }
    }
    for (const accept of ['application/rdf+xml', 'application/ld+json', 'text/turtle']) {
      const hit = await leaks('/datasets/dcat', { accept });
      if (hit) found.push(hit);
    }
    expect(found).toEqual([]);
  });

  it('no public page shows one: every page of the sitemap in Swedish, /datasets in every language, the feeds and the search', async () => {
    const pages = await samplePublicPages(t.app, Number.POSITIVE_INFINITY);
    expect(pages).toContain('/datasets');
    expect(pages.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const path of [
      ...pages,
      '/en/datasets',
      '/da/datasets',
      '/nb/datasets',
      '/fi/datasets',
      '/meetings.ics',
      // The news feeds, and the search (every word a marked private field holds).
      '/news.atom',
      '/news.rss',
      '/en/news.atom',
      ...['granskning', 'kontaktperson', 'utkast', 'internt', 'kost', 'resa', 'telefon'].map(
        (word) => `/search?q=${word}`,
      ),
    ]) {
      const hit = await leaks(path);
      if (hit) found.push(hit);
    }
    expect(found).toEqual([]);
  });
});
