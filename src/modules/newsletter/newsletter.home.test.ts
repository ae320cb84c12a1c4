import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import { workspaceContext as ctx } from '../../../test/helpers/workspace-home.ts';
import { NEWS_QUIET_DAYS, newsletterHomePolicyAt } from './newsletter.home.ts';

const DAY = 86_400_000;

describeEachDialect('information (P9) on the workspace start page', (dialect) => {
  const demo = useDemoDb(dialect);
  const k = () => demo.db.kysely;

  it('names the latest news item and newsletter; asks for attention when news has been quiet too long', async () => {
    const latest = await k()
      .selectFrom('news_item')
      .innerJoin('news_translation', 'news_translation.news_id', 'news_item.id')
      .select(['news_item.published_at', 'news_translation.title'])
      .where('news_item.status', '=', 'published')
      .where('news_translation.lang', '=', 'sv')
      .orderBy('news_item.published_at', 'desc')
      .executeTakeFirstOrThrow();
    const published = Date.parse(latest.published_at!);
    const sent = await k()
      .selectFrom('newsletter_issue')
      .select('id')
      .where('status', '=', 'sent')
      .execute();

    const [fresh] = await newsletterHomePolicyAt(demo.db, ctx(), new Date(published + DAY));
    expect(fresh).toMatchObject({ rule: 'P9', state: 'ok', href: '/workspace/news' });
    expect(fresh!.text).toContain(`Senaste nyheten, ”${latest.title}”, publicerades `);
    expect(fresh!.text).toContain(
      sent.length > 0 ? 'Senaste nyhetsbrevet skickades ' : 'Inget nyhetsbrev har skickats ännu.',
    );

    const [quiet] = await newsletterHomePolicyAt(
      demo.db,
      ctx(),
      new Date(published + (NEWS_QUIET_DAYS + 1) * DAY),
    );
    expect(quiet!.state).toBe('attention');

    // A sent newsletter is named with its date.
    const at = '2026-11-30T09:00:00.000Z';
    await k()
      .insertInto('newsletter_issue')
      .values({
        id: 'issue-home-test',
        status: 'sent',
        topics: '',
        digest_since: null,
        send_started_at: at,
        sent_at: at,
        created_by: null,
        sent_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const [withLetter] = await newsletterHomePolicyAt(demo.db, ctx(), new Date(published + DAY));
    expect(withLetter!.text).toMatch(/Senaste nyhetsbrevet skickades 30 november 2026\.$/);
  });
});
