import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { formatInstant } from '../../../shared/dates.ts';
import {
  Button,
  fieldLabels,
  Form,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { Facts } from '../../../ui/facts.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkColumn } from '../../../ui/table.tsx';
import type { RenderedMail } from '../newsletter.mail.ts';
import type { Issue, Progress, Topic } from '../newsletter.service.ts';
import { TopicsField } from './topics-field.tsx';

const subjectOf = (issue: Issue) => issue.versions.find((v) => v.lang === 'sv')?.subject ?? '';

/** The coordinators' newsletter page: subscriber counts, issues, a new issue. */
export function IssuesPage({
  ctx,
  issues,
  counts,
}: {
  ctx: PageContext;
  issues: Issue[];
  counts: Record<string, number>;
}) {
  const { t, locale } = ctx.i18n;
  const intl = LOCALES[locale].intl;
  return (
    <Layout ctx={ctx} title={t('newsletter.ws.title')}>
      <h1>{t('newsletter.ws.title')}</h1>
      <p class="lead">
        {t('newsletter.ws.subscribers', {
          confirmed: counts.confirmed ?? 0,
          pending: counts.pending ?? 0,
          unsubscribed: counts.unsubscribed ?? 0,
        })}
      </p>
      <Form ctx={ctx} action="/workspace/newsletter/issues">
        <p>{t('newsletter.ws.newHint')}</p>
        <Button>{t('newsletter.ws.new')}</Button>
      </Form>
      <h2>{t('newsletter.ws.issues')}</h2>
      <ListTable
        caption={t('newsletter.ws.issues')}
        rows={issues}
        empty={t('newsletter.ws.none')}
        columns={[
          linkColumn<Issue>(
            t('newsletter.ws.col.subject'),
            (i) => `/workspace/newsletter/${i.id}`,
            (i) => subjectOf(i) || t('newsletter.ws.untitled'),
          ),
          {
            header: t('newsletter.ws.col.status'),
            cell: (i) => t(`newsletter.status.${i.status}`),
          },
          { header: t('newsletter.ws.col.created'), cell: (i) => formatInstant(i.createdAt, intl) },
          {
            header: t('newsletter.ws.col.sent'),
            cell: (i) => (i.sentAt ? formatInstant(i.sentAt, intl) : '–'),
          },
        ]}
      />
    </Layout>
  );
}

/** A draft: the form per language, preview links, a test mail, and the send button. */
export function IssueEditPage({
  ctx,
  issue,
  topics,
  values,
}: {
  ctx: PageContext;
  issue: Issue;
  topics: Topic[];
  values: Record<string, unknown>;
  /** No longer used here: the choice to follow the sending is on its confirmation page. */
  refreshSeconds?: number;
}) {
  const { t, locale } = ctx.i18n;
  const intl = LOCALES[locale].intl;
  const field = fieldLabels(ctx.i18n, 'newsletter.issue');
  const base = `/workspace/newsletter/${issue.id}`;
  return (
    <TitledPage
      ctx={ctx}
      title={t('newsletter.issue.title')}
      back={{ href: '/workspace/newsletter', label: t('newsletter.ws.back'), plain: true }}
    >
      <p class="lead">
        {issue.digestSince
          ? t('newsletter.issue.since', { date: formatInstant(issue.digestSince, intl) })
          : t('newsletter.issue.first')}
      </p>
      <Form ctx={ctx} action={base} values={values}>
        <TopicsField {...field.legend('topics', 'hint')} i18n={ctx.i18n} topics={topics} />
        {ALL_LOCALES.map((lang) => (
          <fieldset class="newsletter-version" key={lang}>
            <legend lang={lang === locale ? undefined : lang}>{LOCALES[lang].name}</legend>
            <TextField
              name={`subject_${lang}`}
              label={t('newsletter.issue.subject')}
              optional={lang !== 'sv'}
            />
            <TextArea
              name={`body_${lang}`}
              label={t('newsletter.issue.body')}
              hint={
                lang === 'sv' ? t('newsletter.issue.bodyHint') : t('newsletter.issue.bodyHintOther')
              }
              optional={lang !== 'sv'}
              rows={lang === 'sv' ? 14 : 6}
            />
          </fieldset>
        ))}
        <Button>{t('newsletter.issue.save')}</Button>
      </Form>

      <h2>{t('newsletter.issue.previewTitle')}</h2>
      <ul>
        {ALL_LOCALES.map((lang) => (
          <li key={lang}>
            <a href={`${base}/preview/${lang}`}>
              {t('newsletter.issue.previewLink', { language: LOCALES[lang].name })}
            </a>
          </li>
        ))}
      </ul>

      <h2>{t('newsletter.issue.testTitle')}</h2>
      <Form ctx={ctx} action={`${base}/test`} values={{ language: locale }}>
        <SelectField
          name="language"
          label={t('newsletter.issue.testLanguage')}
          options={ALL_LOCALES.map((l) => ({ value: l, label: LOCALES[l].name }))}
        />
        <Button variant="secondary">{t('newsletter.issue.testButton')}</Button>
      </Form>

      <h2>{t('newsletter.issue.sendTitle')}</h2>
      <p>{t('newsletter.issue.sendText')}</p>
      <p>
        <ConfirmLink variant="warning" href={`${base}/send`}>
          {t('newsletter.issue.sendButton')}
        </ConfirmLink>
      </p>
    </TitledPage>
  );
}

/** An issue being sent or sent: the counts; while sending, the page refreshes itself. */
export function IssueProgressPage({
  ctx,
  issue,
  progress,
  refreshSeconds,
  follow,
}: {
  ctx: PageContext;
  issue: Issue;
  progress: Progress;
  refreshSeconds: number;
  /** The coordinator chose to follow the sending: the page refreshes itself (WCAG 2.2.1: chosen, and stoppable). */
  follow: boolean;
}) {
  const { t, locale } = ctx.i18n;
  const intl = LOCALES[locale].intl;
  const sending = issue.status === 'sending';
  const rows: [string, number][] = [
    [t('newsletter.progress.total'), progress.total],
    [t('newsletter.progress.sent'), progress.sent],
    [t('newsletter.progress.waiting'), progress.queued + progress.sending],
    [t('newsletter.progress.failed'), progress.failed],
    [t('newsletter.progress.retried'), progress.retried],
  ];
  return (
    <Layout
      ctx={ctx}
      title={subjectOf(issue)}
      head={
        sending && follow ? (
          <meta http-equiv="refresh" content={String(refreshSeconds)} />
        ) : undefined
      }
    >
      <p>
        <a href="/workspace/newsletter">{t('newsletter.ws.back')}</a>
      </p>
      <h1>{subjectOf(issue)}</h1>
      <p class="lead" role="status">
        {sending
          ? follow
            ? t('newsletter.progress.following', { seconds: refreshSeconds })
            : t('newsletter.progress.sending')
          : t('newsletter.progress.done', {
              date: formatInstant(issue.sentAt ?? issue.updatedAt, intl),
            })}
      </p>
      {sending ? (
        <p>
          {follow ? (
            <a href={`/workspace/newsletter/${issue.id}`}>
              {t('newsletter.progress.stopFollowing')}
            </a>
          ) : (
            <>
              <a href={`/workspace/newsletter/${issue.id}`}>
                {t('newsletter.progress.refreshNow')}
              </a>
              {' · '}
              <a href={`/workspace/newsletter/${issue.id}?follow=1`}>
                {t('newsletter.progress.follow')}
              </a>
            </>
          )}
        </p>
      ) : null}
      <Facts rows={rows} />
      {sending && progress.total > 0 ? (
        <p>
          <progress max={progress.total} value={progress.sent + progress.failed}>
            {progress.sent + progress.failed} / {progress.total}
          </progress>
        </p>
      ) : null}
      {progress.failures.length > 0 ? (
        <>
          <h2>{t('newsletter.progress.failures')}</h2>
          <ListTable
            caption={t('newsletter.progress.failures')}
            rows={progress.failures}
            rowKey={(f) => `${f.email ?? ''}${f.answer ?? ''}${f.attempts}`}
            columns={[
              {
                header: t('newsletter.progress.address'),
                rowHeader: true,
                cell: (f) => f.email ?? t('newsletter.progress.erased'),
              },
              { header: t('newsletter.progress.answer'), cell: (f) => f.answer ?? '' },
              { header: t('newsletter.progress.attempts'), cell: (f) => String(f.attempts) },
            ]}
          />
        </>
      ) : null}
      <h2>{t('newsletter.issue.previewTitle')}</h2>
      <ul>
        {ALL_LOCALES.map((lang) => (
          <li key={lang}>
            <a href={`/workspace/newsletter/${issue.id}/preview/${lang}`}>
              {t('newsletter.issue.previewLink', { language: LOCALES[lang].name })}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** The issue as a recipient in one language sees it: subject, HTML and plain text. */
export function PreviewPage({
  ctx,
  issue,
  lang,
  mail,
}: {
  ctx: PageContext;
  issue: Issue;
  lang: Locale;
  mail: RenderedMail;
}) {
  const { t } = ctx.i18n;
  const title = t('newsletter.preview.title', { language: LOCALES[lang].name });
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(mail.html)?.[1] ?? '';
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      back={{
        href: `/workspace/newsletter/${issue.id}`,
        label: t('newsletter.preview.back'),
        plain: true,
      }}
    >
      {mail.language !== lang ? <p class="lead">{t('newsletter.preview.fallback')}</p> : null}
      <dl class="facts">
        <dt>{t('newsletter.preview.subject')}</dt>
        <dd lang={mail.language}>{mail.subject}</dd>
      </dl>
      <h2>{t('newsletter.preview.html')}</h2>
      {/* Our own markup: every text in it is escaped by bodyToHtml (newsletter.mail.ts). */}
      <div
        class="newsletter-preview"
        lang={mail.language}
        dangerouslySetInnerHTML={{ __html: body }}
      />
      <h2>{t('newsletter.preview.text')}</h2>
      <pre class="newsletter-preview-text" lang={mail.language} tabIndex={0}>
        {mail.text}
      </pre>
    </TitledPage>
  );
}
