import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COORDINATOR, PUBLIC, idParams, publicLimited } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { formsAt, pageWithForms } from '../../platform/form-page.ts';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { renderPage } from '../../platform/render.ts';
import { errors } from '../../shared/errors.ts';
import { issueForm, subscribeForm, testForm } from './newsletter.schema.ts';
import {
  checkConfirmLink,
  confirmSubscription,
  createIssueFromDigest,
  eraseSubscription,
  exportSubscription,
  getIssue,
  issueProgress,
  issueValues,
  listIssues,
  previewIssue,
  recipientCount,
  saveIssue,
  sendTestIssue,
  startSending,
  subscribe,
  subscriberCounts,
  subscriptionOf,
  topicChoices,
  unsubscribe,
} from './newsletter.service.ts';
import { ConfirmPage, SubscribePage, SubscriptionPage, UnsubscribePage } from './views/public.tsx';
import { IssueEditPage, IssueProgressPage, IssuesPage, PreviewPage } from './views/workspace.tsx';
import { SendIssuePage } from './views/send-confirm.tsx';
import { newsletterErrors } from './errors.ts';

const tokenParams = z.object({ token: z.string().max(100) });
const followQuery = z.object({ follow: z.enum(['1']).optional() });
/** The send form: whether the coordinator follows the sending (the page then refreshes itself). */
const sendForm = z.object({ follow: z.string().max(1) });
const previewParams = z.object({
  id: z.string().max(100),
  lang: z.enum(ALL_LOCALES as [Locale, ...Locale[]]),
});
/** The issue page refreshes itself this often while the issue is being sent. */
export const PROGRESS_REFRESH_SECONDS = 10;

/** Where links in mails point: PUBLIC_URL, or else the address this request came to. */
function baseUrlOf(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** A subscriber's own page: it has a form, and its address holds the subscriber's token. */
const tokenPage = { withCsrf: true, cacheControl: 'no-store' } as const;

/** The public pages: subscribe, confirm, unsubscribe (page and RFC 8058 one-click), see/export/erase. */
export const newsletterPublicPages: FastifyPluginAsyncZod = async (app) => {
  const settings = app.config.newsletter;

  const renderSubscribe = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
  ) =>
    renderPage(
      reply,
      SubscribePage,
      {
        topics: await topicChoices(app.db, request.i18n.locale),
        values,
        confirmHours: settings.confirmHours,
      },
      { withCsrf: true },
    );

  app.get('/newsletter', { config: PUBLIC }, async (request, reply) =>
    renderSubscribe(request, reply, { language: request.i18n.locale, topics: [] }),
  );

  app.post('/newsletter', publicLimited(settings.formRateLimit), async (request, reply) => {
    const values = readForm(request.body, subscribeForm);
    return submitForm(request, reply, {
      values,
      submit: (v) =>
        subscribe(app.db, app.mailer, actorOf(request), v, {
          baseUrl: baseUrlOf(request),
          settings,
        }),
      invalid: ({ values: v }) => renderSubscribe(request, reply, v),
      done: () => ({
        to: '/newsletter',
        flash: 'newsletter.flash.checkInbox',
        params: { hours: settings.confirmHours },
      }),
    });
  });

  pageWithForms(
    app,
    '/newsletter/confirm/:token',
    { config: PUBLIC, schema: { params: tokenParams } },
    async (request, reply, { token }) => {
      await checkConfirmLink(app.db, token);
      return renderPage(reply, ConfirmPage, { token }, tokenPage);
    },
  ).post('', (request, reply, { token }, run) =>
    run({
      values: {},
      submit: () => confirmSubscription(app.db, actorOf(request), token),
      invalid: () => reply.send(),
      done: ({ manageToken }) => ({
        to: `/newsletter/subscription/${manageToken}`,
        flash: 'newsletter.flash.confirmed',
      }),
    }),
  );

  pageWithForms(
    app,
    '/newsletter/unsubscribe/:token',
    { config: PUBLIC, schema: { params: tokenParams } },
    async (request, reply, { token }) => {
      const subscription = await subscriptionOf(app.db, token, settings.retentionDays);
      return renderPage(
        reply,
        UnsubscribePage,
        { token, subscribed: subscription.status === 'confirmed' },
        tokenPage,
      );
    },
  ).post('', (request, reply, { token }, run) =>
    run({
      values: {},
      submit: () => unsubscribe(app.db, actorOf(request), token, 'page'),
      invalid: () => reply.send(),
      done: () => ({
        to: `/newsletter/subscription/${token}`,
        flash: 'newsletter.flash.unsubscribed',
      }),
    }),
  );

  // RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` to the address in the
  // List-Unsubscribe header, without a session or a CSRF token (the token in the address is
  // the authority). This route alone skips the CSRF check, and only that body unsubscribes.
  app.post(
    '/newsletter/unsubscribe/:token/one-click',
    { config: { ...PUBLIC, csrf: false }, schema: { params: tokenParams } },
    async (request, reply) => {
      const body = request.body as Record<string, unknown> | undefined;
      if (body?.['List-Unsubscribe'] !== 'One-Click') {
        throw newsletterErrors.newsletterOneClickInvalid();
      }
      await unsubscribe(app.db, actorOf(request), request.params.token, 'one-click');
      return reply
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(`${request.i18n.t('newsletter.flash.unsubscribed')}\n`);
    },
  );

  // A client that opens the List-Unsubscribe address instead of posting to it gets the page.
  app.get(
    '/newsletter/unsubscribe/:token/one-click',
    { config: PUBLIC, schema: { params: tokenParams } },
    async (request, reply) =>
      reply.redirect(`/newsletter/unsubscribe/${request.params.token}`, 303),
  );

  const subscriptionPage = pageWithForms(
    app,
    '/newsletter/subscription/:token',
    { config: PUBLIC, schema: { params: tokenParams } },
    async (request, reply, { token }) => {
      const subscription = await subscriptionOf(app.db, token, settings.retentionDays);
      const topics = await topicChoices(app.db, request.i18n.locale);
      return renderPage(
        reply,
        SubscriptionPage,
        {
          token,
          subscription,
          topicNames: subscription.topics.map(
            (slug) => topics.find((t) => t.slug === slug)?.name ?? slug,
          ),
        },
        tokenPage,
      );
    },
  );

  app.get(
    '/newsletter/subscription/:token/export.json',
    { config: PUBLIC, schema: { params: tokenParams } },
    async (request, reply) => {
      const data = await exportSubscription(app.db, request.params.token, settings.retentionDays);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="newsletter-subscription.json"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
  );

  subscriptionPage.post('/erase', (request, reply, { token }, run) =>
    run({
      values: {},
      submit: () => eraseSubscription(app.db, actorOf(request), token),
      invalid: () => reply.send(),
      done: () => ({ to: '/newsletter', flash: 'newsletter.flash.erased' }),
    }),
  );
};

/** The coordinators' pages: issues, the editor, previews, a test mail, sending and progress. */
export const newsletterWorkspacePages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/newsletter', { config: COORDINATOR }, async (request, reply) => {
    const [issues, counts] = await Promise.all([listIssues(app.db), subscriberCounts(app.db)]);
    return renderPage(reply, IssuesPage, { issues, counts });
  });

  app.post('/workspace/newsletter/issues', { config: COORDINATOR }, async (request, reply) =>
    submitForm(request, reply, {
      values: {},
      submit: () => createIssueFromDigest(app.db, actorOf(request), baseUrlOf(request)),
      invalid: () => reply.send(),
      done: (id) => ({ to: `/workspace/newsletter/${id}`, flash: 'newsletter.flash.created' }),
    }),
  );

  const renderIssue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: Record<string, unknown>,
    follow = false,
  ) => {
    const issue = await getIssue(app.db, id);
    if (issue.status !== 'draft') {
      return renderPage(reply, IssueProgressPage, {
        issue,
        progress: await issueProgress(app.db, id),
        refreshSeconds: PROGRESS_REFRESH_SECONDS,
        follow,
      });
    }
    return renderPage(reply, IssueEditPage, {
      issue,
      topics: await topicChoices(app.db, request.i18n.locale),
      values: values ?? issueValues(issue),
      refreshSeconds: PROGRESS_REFRESH_SECONDS,
    });
  };

  app.get(
    '/workspace/newsletter/:id',
    { config: COORDINATOR, schema: { params: idParams, querystring: followQuery } },
    async (request, reply) =>
      renderIssue(request, reply, request.params.id, undefined, request.query.follow === '1'),
  );

  const issueForms = formsAt(
    app,
    '/workspace/newsletter/:id',
    { config: COORDINATOR, schema: { params: idParams } },
    (request, reply, { id }) => renderIssue(request, reply, id),
  );

  issueForms.post('', (request, reply, { id }, run) =>
    run({
      values: readForm(request.body, issueForm),
      submit: (v) => saveIssue(app.db, actorOf(request), id, v),
      invalid: ({ values: v }) => renderIssue(request, reply, id, v),
      done: () => ({ to: `/workspace/newsletter/${id}`, flash: 'newsletter.flash.saved' }),
    }),
  );

  app.get(
    '/workspace/newsletter/:id/preview/:lang',
    { config: COORDINATOR, schema: { params: previewParams } },
    async (request, reply) => {
      const { id, lang } = request.params;
      const issue = await getIssue(app.db, id);
      return renderPage(reply, PreviewPage, {
        issue,
        lang,
        mail: previewIssue(issue, lang, baseUrlOf(request)),
      });
    },
  );

  issueForms.post('/test', (request, _reply, { id }, run) => {
    const user = request.user;
    if (!user) throw errors.unauthenticated();
    return run({
      values: readForm(request.body, testForm),
      submit: (v) =>
        sendTestIssue(app.db, app.mailer, actorOf(request), user, id, v, baseUrlOf(request)),
      done: (email) => ({
        to: `/workspace/newsletter/${id}`,
        flash: 'newsletter.flash.testSent',
        params: { email },
      }),
    });
  });

  // Sending cannot be taken back: the button on the issue's page leads here first (decision
  // 033). An issue already sending or sent has nothing to confirm: its progress page.
  pageWithForms(
    app,
    '/workspace/newsletter/:id/send',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply, { id }) => {
      const issue = await getIssue(app.db, id);
      if (issue.status !== 'draft') return reply.redirect(`/workspace/newsletter/${issue.id}`, 303);
      return renderPage(reply, SendIssuePage, {
        issue,
        recipients: await recipientCount(app.db, issue.id),
        refreshSeconds: PROGRESS_REFRESH_SECONDS,
      });
    },
  ).post('', (request, reply, { id }, run) => {
    const { follow } = readForm(request.body, sendForm);
    return run({
      values: {},
      submit: () => startSending(app.db, actorOf(request), id),
      invalid: () => renderIssue(request, reply, id),
      done: (count) => ({
        to: `/workspace/newsletter/${id}${follow === '1' ? '?follow=1' : ''}`,
        flash: 'newsletter.flash.sendStarted',
        params: { count },
      }),
    });
  });
};
