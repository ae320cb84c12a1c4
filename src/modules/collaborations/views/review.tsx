import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import { Button, Form, RadioGroup, TextArea } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ReviewInput } from '../collaboration.schema.ts';
import type { Collaboration } from '../collaboration.service.ts';
import type { Exchange } from '../exchange.service.ts';
import { ReviewTag, WorkspaceNav } from './parts.tsx';

export type ReviewEvent = {
  id: string;
  action: string;
  comment: string | null;
  created_at: string;
  actor_name: string | null;
};

/** The review state of a report, the coordinator's comment when returned, and its history. */
export function ReviewStatus({
  ctx,
  state,
  comment,
  history,
}: {
  ctx: PageContext;
  state: string;
  comment: string | null;
  history: ReviewEvent[];
}) {
  const { t, intl } = ctx.i18n;
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('collab.detail.reviewTitle')}</h2>
      <p>
        {t('collab.field.review')}: <ReviewTag i18n={ctx.i18n} state={state} />
      </p>
      {state === 'returned' && comment ? (
        <p class="panel panel-highlight">
          <strong>{t('collab.detail.returnedComment')}</strong> {comment}
        </p>
      ) : null}
      {history.length ? (
        <ol>
          {history.map((e) => (
            <li key={e.id}>
              {formatInstant(e.created_at, intl)}: {t(`collab.event.${e.action as 'submitted'}`)}
              {e.actor_name ? ` (${e.actor_name})` : ''}
              {e.comment ? ` – ${e.comment}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** A coordinator acknowledges a submitted report or returns it with a comment. */
export function ReviewForm({
  ctx,
  action,
  values,
}: {
  ctx: PageContext;
  action: string;
  values?: ReviewInput | undefined;
}) {
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="review-form-title">
      <h2 id="review-form-title">{t('collab.reviewForm.title')}</h2>
      <Form ctx={ctx} action={action} values={values}>
        <RadioGroup
          name="decision"
          legend={t('collab.reviewForm.decision')}
          options={[
            { value: 'acknowledge', label: t('collab.reviewForm.acknowledge') },
            { value: 'return', label: t('collab.reviewForm.return') },
          ]}
        />
        <TextArea
          name="comment"
          label={t('collab.field.comment')}
          hint={t('collab.reviewForm.commentHint')}
          rows={4}
        />
        <Button>{t('collab.reviewForm.submit')}</Button>
      </Form>
    </section>
  );
}

export function ReviewQueuePage(props: {
  ctx: PageContext;
  collaborations: Collaboration[];
  exchanges: Exchange[];
  cityNames: Map<string, string>;
}) {
  const { ctx, collaborations, exchanges, cityNames } = props;
  const { t, intl } = ctx.i18n;
  const submitted = (at: string | null) =>
    t('collab.queue.submitted', { at: at ? formatInstant(at, intl) : '' });
  return (
    <Layout ctx={ctx} title={t('collab.queue.title')}>
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.queue.title')}</h1>
      <p class="lead">{t('collab.queue.lead')}</p>
      <h2>{t('collab.nav.collaborations')}</h2>
      {collaborations.length === 0 ? (
        <p>{t('collab.queue.none')}</p>
      ) : (
        <ul>
          {collaborations.map((c) => (
            <li key={c.id}>
              <a href={`/workspace/collaborations/${c.id}`}>{c.title}</a> – {c.organisation.name},{' '}
              {submitted(c.review.submittedAt)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('collab.nav.exchanges')}</h2>
      {exchanges.length === 0 ? (
        <p>{t('collab.queue.none')}</p>
      ) : (
        <ul>
          {exchanges.map((e) => (
            <li key={e.id}>
              <a href={`/workspace/exchanges/${e.id}`}>
                {cityNames.get(e.city.slug) ?? e.city.slug}, {formatPlainDate(e.occurredOn, intl)}
              </a>{' '}
              – {e.organisation.name}, {submitted(e.review.submittedAt)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
