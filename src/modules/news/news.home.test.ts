import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { listPublishedNews, newsVersion } from './index.ts';

const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describeEachDialect('the latest news on the start page', (dialect) => {
  const t = useTestApp(dialect);

  it("shows the three newest published items in the reader's language, and no draft or scheduled one", async () => {
    const published = await listPublishedNews(t.db.kysely);
    expect(published.length).toBeGreaterThan(3);
    const hidden = await t.db.kysely
      .selectFrom('news_item')
      .innerJoin('news_translation', 'news_translation.news_id', 'news_item.id')
      .select(['news_translation.title'])
      .where('news_item.status', 'in', ['draft', 'scheduled'])
      .where('news_translation.lang', '=', 'sv')
      .execute();
    expect(hidden.length).toBeGreaterThan(0);
    for (const lang of ['sv', 'en'] as const) {
      const home = await t.app.inject({ url: lang === 'sv' ? '/' : '/en/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(lang === 'sv' ? 'Senaste nytt' : 'Latest news');
      for (const item of published.slice(0, 3))
        expect(home.body).toContain(escaped(newsVersion(item, lang).title));
      expect(home.body).not.toContain(escaped(newsVersion(published[3]!, lang).title));
      for (const { title } of hidden) expect(home.body).not.toContain(escaped(title));
    }
  });
});
