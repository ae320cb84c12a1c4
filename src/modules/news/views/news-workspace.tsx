import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import {
  Button,
  CheckboxGroup,
  DateField,
  fieldLabels,
  Form,
  type Option,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DataTable, rowLinkColumn } from '../../../ui/table.tsx';
import type { NewsInput } from '../news.schema.ts';
import type { NewsItem, NewsListEntry, NewsStatus } from '../news.service.ts';
import { newsDateTime } from './news-date.ts';
import { ButtonLink } from '../../../ui/button-link.tsx';

function StatusTag({ ctx, status }: { ctx: PageContext; status: NewsStatus }) {
  return <span class={`tag tag-news-${status}`}>{ctx.i18n.t(`news.status.${status}`)}</span>;
}

/** When an item went or goes public, as the list and the form say it. */
function when(ctx: PageContext, item: Pick<NewsListEntry, 'status' | 'publishAt' | 'publishedAt'>) {
  const { t, intl } = ctx.i18n;
  if (item.status === 'scheduled' && item.publishAt)
    return t('news.when.scheduled', { date: newsDateTime(item.publishAt, intl) });
  if (item.publishedAt)
    return t('news.when.published', { date: newsDateTime(item.publishedAt, intl) });
  return '';
}

export function NewsWorkspaceList({ ctx, items }: { ctx: PageContext; items: NewsListEntry[] }) {
  const { t } = ctx.i18n;
  return (
    <TitledPage
      ctx={ctx}
      messages="news.workspace"
      back={{ href: '/workspace', label: t('news.workspace.back') }}
    >
      <ButtonLink href="/workspace/news/new" variant="primary">
        {t('news.workspace.new')}
      </ButtonLink>
      {items.length === 0 ? (
        <p>{t('news.workspace.none')}</p>
      ) : (
        <div class="news-desk">
          <DataTable
            caption={t('news.workspace.caption')}
            rows={items}
            columns={[
              {
                header: t('news.workspace.col.title'),
                rowHeader: true,
                cell: (i) => (
                  <span lang={ctx.i18n.locale === 'sv' ? undefined : 'sv'}>{i.title}</span>
                ),
              },
              {
                header: t('news.workspace.col.status'),
                cell: (i) => <StatusTag ctx={ctx} status={i.status} />,
              },
              { header: t('news.workspace.col.when'), cell: (i) => when(ctx, i) },
              rowLinkColumn<NewsListEntry>(
                t('news.workspace.edit'),
                (i) => `/workspace/news/${i.id}`,
                (i) => i.title,
              ),
            ]}
          />
        </div>
      )}
    </TitledPage>
  );
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export interface LinkChoices {
  cities: Option[];
  meetings: Option[];
  collaborations: Option[];
}

/** The form's fields by name, from the input. */
function fieldValues(values: NewsInput): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {
    cities: values.cities,
    meetings: values.meetings,
    collaborations: values.collaborations,
    publishDate: values.publishDate,
    publishTime: values.publishTime,
  };
  for (const lang of ALL_LOCALES) {
    const v = values.versions[lang];
    out[`title_${lang}`] = v?.title ?? '';
    out[`summary_${lang}`] = v?.summary ?? '';
    out[`body_${lang}`] = v?.body ?? '';
  }
  return out;
}

export function NewsFormPage({
  ctx,
  item,
  values,
  choices,
}: {
  ctx: PageContext;
  item: NewsItem | null;
  values: NewsInput;
  choices: LinkChoices;
}) {
  const { t } = ctx.i18n;
  const title = item ? t('news.form.editTitle') : t('news.form.newTitle');
  const languageNames = new Intl.DisplayNames([LOCALES[ctx.i18n.locale].intl], {
    type: 'language',
  });
  const language = (lang: Locale) => languageNames.of(lang) ?? LOCALES[lang].name;
  const action = item ? `/workspace/news/${item.id}` : '/workspace/news/new';
  const published = item?.status === 'published';
  const field = fieldLabels(ctx.i18n, 'news.field');
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/news', label: t('news.workspace.backToList') }}
    >
      {item ? (
        <p class="lead">
          {t('news.form.status')} <StatusTag ctx={ctx} status={item.status} /> {when(ctx, item)}
        </p>
      ) : (
        <p class="lead">{t('news.form.lead')}</p>
      )}
      {item ? (
        <nav aria-labelledby="news-preview-title" class="panel">
          <h2 id="news-preview-title">{t('news.form.previewTitle')}</h2>
          <ul class="news-previews">
            {item.versions.map((v) => (
              <li key={v.lang}>
                <a href={`/workspace/news/${item.id}/preview?version=${v.lang}`}>
                  {t('news.form.previewIn', { language: language(v.lang) })}
                </a>
              </li>
            ))}
            {item.status === 'published' ? (
              <li>
                <a href={`/news/${item.id}`}>{t('news.form.publicPage')}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <Form ctx={ctx} action={action} values={fieldValues(values)}>
        <p class="hint">{t('news.form.languagesHint')}</p>
        {ALL_LOCALES.map((lang) => (
          <fieldset key={lang} class="field locale-group">
            <legend>
              {capitalised(
                lang === 'sv'
                  ? language(lang)
                  : t('news.form.version', { language: language(lang) }),
              )}
            </legend>
            <TextField
              {...field('title')}
              name={`title_${lang}`}
              width="full"
              optional={lang !== 'sv'}
            />
            <TextArea {...field('summary', 'hint')} name={`summary_${lang}`} rows={2} optional />
            <TextArea
              {...field('body', 'hint')}
              name={`body_${lang}`}
              rows={lang === 'sv' ? 12 : 6}
              optional={lang !== 'sv'}
            />
          </fieldset>
        ))}
        <CheckboxGroup
          {...field.legend('cities')}
          hint={t('news.field.linksHint')}
          options={choices.cities}
          optional
        />
        {choices.meetings.length ? (
          <CheckboxGroup {...field.legend('meetings')} options={choices.meetings} optional />
        ) : null}
        {choices.collaborations.length ? (
          <CheckboxGroup
            {...field.legend('collaborations', 'hint')}
            options={choices.collaborations}
            optional
          />
        ) : null}
        {published ? null : (
          <fieldset class="field">
            <legend>{t('news.field.schedule')}</legend>
            <p class="hint">{t('news.field.scheduleHint')}</p>
            <DateField {...field('publishDate')} optional />
            <TextField
              {...field('publishTime', 'hint')}
              width="short"
              autocomplete="off"
              optional
            />
          </fieldset>
        )}
        <div class="news-form-buttons">
          {/* The first button is what Enter in a field does: never publish by accident. */}
          {/* A published item's changes are public when saved: its preview is of what is saved. */}
          {published ? null : (
            <>
              <Button name="action" value="draft" variant="secondary">
                {t('news.form.draft')}
              </Button>
              <Button name="action" value="preview" variant="secondary">
                {t('news.form.preview')}
              </Button>
            </>
          )}
          {published ? (
            <Button name="action" value="publish">
              {t('news.form.savePublished')}
            </Button>
          ) : (
            <>
              <Button name="action" value="schedule" variant="secondary">
                {t('news.form.schedule')}
              </Button>
              <Button name="action" value="publish">
                {t('news.form.publish')}
              </Button>
            </>
          )}
        </div>
      </Form>
      {item && (item.status === 'published' || item.status === 'scheduled') ? (
        <Form ctx={ctx} action={`/workspace/news/${item.id}/withdraw`} class="panel">
          <h2>{t('news.withdraw.title')}</h2>
          <p>{t('news.withdraw.text')}</p>
          <Button variant="warning">{t('news.withdraw.button')}</Button>
        </Form>
      ) : null}
    </TitledPage>
  );
}
