import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COORDINATOR } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { formStrings, keepInputProblems, readForm } from '../../platform/forms.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { ALL_LOCALES, isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { pageContext, renderPage } from '../../platform/render.ts';
import { getChain, listCities, localized } from '../cities/index.ts';
import { publicCollaborationTitles } from '../collaborations/index.ts';
import { listMeetings } from '../meetings/index.ts';
import { aboutNames } from './news.links.ts';
import { newsFields, newsIdParams, type NewsInput } from './news.schema.ts';
import {
  getNewsItem,
  listNewsForWorkspace,
  newsFormValues,
  saveNews,
  withdrawNews,
  type NewsItem,
} from './news.service.ts';
import { NewsItemPage } from './views/news-public.tsx';
import { NewsFormPage, NewsWorkspaceList, type LinkChoices } from './views/news-workspace.tsx';
import { newsErrors } from './errors.ts';

const VERSION_FIELD = /^(title|summary|body)_(.{1,40})$/;

/** The form's values from a posted body, read by the form's schema (see `readForm`). */
export function newsValuesFrom(body: unknown): NewsInput & { action: string } {
  const sent = readForm(body, newsFields);
  const versions: NewsInput['versions'] = {};
  for (const lang of ALL_LOCALES)
    versions[lang] = {
      title: sent[`title_${lang}`],
      summary: sent[`summary_${lang}`],
      body: sent[`body_${lang}`],
    };
  // A version in a language the portal does not have (a crafted post, an old form) is
  // refused by name rather than dropped without a word.
  const unsupported = new Set<string>();
  if (typeof body === 'object' && body !== null)
    for (const [name, value] of Object.entries(body)) {
      const m = VERSION_FIELD.exec(name);
      if (m && !isLocale(m[2]) && [value].flat().some((v) => typeof v === 'string' && v.trim()))
        unsupported.add(m[2]!.replace(/[^\w-]/g, '?').slice(0, 20));
    }
  return keepInputProblems(
    {
      versions,
      cities: sent.cities,
      meetings: sent.meetings,
      collaborations: sent.collaborations,
      publishDate: sent.publishDate,
      publishTime: sent.publishTime,
      unsupportedLanguages: [...unsupported],
      action: sent.action,
    },
    sent,
  );
}

/** The coordinators' news desk: the list, the form, the preview and withdrawal (P9). */
export const newsPages: FastifyPluginAsyncZod = async (app) => {
  const choices = async (locale: Locale): Promise<LinkChoices> => {
    const { t } = i18nFor(locale);
    const chain = await getChain(app.db);
    const [cities, meetings, collaborations] = await Promise.all([
      listCities(app.db),
      chain ? listMeetings(app.db, chain) : Promise.resolve([]),
      publicCollaborationTitles(app.db.kysely),
    ]);
    return {
      cities: cities.map((c) => {
        const name = localized(c, locale);
        return {
          value: c.id,
          label: name.name,
          lang: name.lang === locale ? undefined : name.lang,
        };
      }),
      meetings: [...meetings]
        .sort((a, b) => b.year - a.year)
        .map((m) => ({
          value: m.id,
          label: t('meeting.title', { year: m.year, city: localized(m.host, locale).name }),
        })),
      collaborations: collaborations.map((c) => ({
        value: c.id,
        label: c.title,
        lang: locale === 'sv' ? undefined : 'sv',
      })),
    };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    item: NewsItem | null,
    values: NewsInput,
  ) =>
    renderPage(reply, NewsFormPage, { item, values, choices: await choices(request.i18n.locale) });

  const done = (result: { id: string; status: string }, action: string) =>
    action === 'preview'
      ? {
          to: `/workspace/news/${result.id}/preview?version=sv`,
          flash: 'news.flash.savedForPreview' as const,
        }
      : {
          to: `/workspace/news/${result.id}`,
          flash:
            result.status === 'published'
              ? ('news.flash.published' as const)
              : result.status === 'scheduled'
                ? ('news.flash.scheduled' as const)
                : ('news.flash.saved' as const),
        };

  app.get('/workspace/news', { config: COORDINATOR }, async (request, reply) =>
    renderPage(reply, NewsWorkspaceList, { items: await listNewsForWorkspace(app.db) }),
  );

  /** The form (saved as `action` says) as a new item (null) or over `item`. */
  const saveForm = (request: FastifyRequest, reply: FastifyReply, item: NewsItem | null) => {
    const values = newsValuesFrom(request.body);
    return {
      values,
      submit: (v: typeof values) =>
        saveNews(app.db, actorOf(request), item?.id ?? null, v, v.action),
      invalid: async ({ values: v }: { values: typeof values }) =>
        renderForm(request, reply, item && (await getNewsItem(app.db, item.id)), v),
      done: (result: { id: string; status: string }) => done(result, values.action),
    };
  };

  pageWithForms(app, '/workspace/news/new', { config: COORDINATOR }, (request, reply) =>
    renderForm(request, reply, null, newsFormValues(null)),
  ).post('', (request, reply, _params, run) => run(saveForm(request, reply, null)));

  const itemPage = pageWithForms(
    app,
    '/workspace/news/:id',
    { config: COORDINATOR, schema: { params: newsIdParams } },
    async (request, reply, { id }) => {
      const item = await getNewsItem(app.db, id);
      return renderForm(request, reply, item, newsFormValues(item));
    },
  );

  itemPage.post('', async (request, reply, { id }, run) =>
    run(saveForm(request, reply, await getNewsItem(app.db, id))),
  );

  itemPage.post('/withdraw', async (request, reply, { id }, run) => {
    const item = await getNewsItem(app.db, id);
    return run({
      values: formStrings(request.body, []),
      submit: () => withdrawNews(app.db, actorOf(request), item.id),
      invalid: async () =>
        renderForm(request, reply, await getNewsItem(app.db, item.id), newsFormValues(item)),
      done: () => ({ to: `/workspace/news/${item.id}`, flash: 'news.flash.withdrawn' }),
    });
  });

  // The page as visitors will see it, in one language version, whatever the item's status.
  app.get(
    '/workspace/news/:id/preview',
    {
      config: COORDINATOR,
      schema: {
        params: newsIdParams,
        querystring: z.object({ version: z.string().max(20).optional() }),
      },
    },
    async (request, reply) => {
      const item = await getNewsItem(app.db, request.params.id);
      const wanted = request.query.version ?? 'sv';
      if (!isLocale(wanted) || !item.versions.some((v) => v.lang === wanted))
        throw newsErrors.newsNotFound(`${item.id}/${wanted.slice(0, 20)}`);
      const base = pageContext(request, reply);
      const ctx = { ...base, i18n: i18nFor(wanted) };
      const { t } = request.i18n;
      const preview = (
        <div class="preview-banner" role="note" lang={request.i18n.locale}>
          <p>
            <strong>{t('news.preview.label')}</strong> {t(`news.preview.${item.status}`)}
          </p>
          <p>
            <a href={`/workspace/news/${item.id}`}>{t('news.preview.back')}</a>
          </p>
        </div>
      );
      return renderPage(
        reply,
        NewsItemPage,
        {
          item: { ...item, versions: item.versions.filter((v) => v.lang === wanted) },
          about: await aboutNames(app.db, item, wanted),
          preview,
        },
        { ctx },
      );
    },
  );
};
