import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import { Button, Form, messageOptions, RadioGroup, TextArea } from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import type { PageInfo } from '../../../shared/pagination.ts';
import { langAttr } from '../../../ui/content.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import type { ReviewInput } from '../collaboration.schema.ts';
import type { QueueItem, QueuePlace } from '../review.service.ts';
import { ReviewTag } from './parts.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

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

const queueHref = (item: QueueItem) =>
  `/workspace/${item.entity === 'collaboration' ? 'collaborations' : 'exchanges'}/${item.id}`;

/** "Nr 2 av 5 i granskningskön": where the reviewed item stands, the next one, the queue. */
export function QueueNote({ ctx, queue }: { ctx: PageContext; queue: QueuePlace }) {
  const { t } = ctx.i18n;
  return (
    <nav class="queue-note" aria-label={t('collab.review.queueNav')}>
      <p>
        {t('collab.review.position', { position: queue.position, total: queue.total })}{' '}
        <a href="/workspace/review">{t('collab.review.backToQueue')}</a>
        {queue.next ? (
          <>
            {' · '}
            <a href={queueHref(queue.next)}>
              {t('collab.review.skip', { count: queue.total - 1 })}
            </a>
          </>
        ) : null}
      </p>
    </nav>
  );
}

/**
 * A coordinator acknowledges a submitted report or returns it with a comment; the next
 * item in the queue opens after it.
 */
export function ReviewForm({
  ctx,
  action,
  values,
  queue,
}: {
  ctx: PageContext;
  action: string;
  values?: ReviewInput | undefined;
  queue: QueuePlace | null;
}) {
  const { t } = ctx.i18n;
  const others = queue ? queue.total - 1 : 0;
  return (
    <section aria-labelledby="review-form-title" class="review-verdict">
      <h2 id="review-form-title">{t('collab.reviewForm.title')}</h2>
      <Form ctx={ctx} action={action} values={values}>
        <RadioGroup
          name="decision"
          legend={t('collab.reviewForm.decision')}
          options={messageOptions(ctx.i18n, 'collab.reviewForm', ['acknowledge', 'return'])}
        />
        <TextArea
          name="comment"
          label={t('collab.field.comment')}
          hint={t('collab.reviewForm.commentHint')}
          rows={4}
        />
        <p class="hint">
          {others > 0
            ? t('collab.review.thenNext', { count: others })
            : t('collab.review.thenQueue')}
        </p>
        <Button>{t('collab.reviewForm.submit')}</Button>
      </Form>
    </section>
  );
}

export function ReviewQueuePage(props: {
  ctx: PageContext;
  items: QueueItem[];
  info: PageInfo;
  cityNames: Map<string, string>;
}) {
  const { ctx, items, info, cityNames } = props;
  const { t, intl } = ctx.i18n;
  const label = (item: QueueItem) =>
    item.entity === 'collaboration'
      ? (item.title ?? '')
      : t('collab.exchange.title', {
          city: cityNames.get(item.citySlug ?? '') ?? item.citySlug ?? '',
          date: item.occurredOn ? formatPlainDate(item.occurredOn, intl) : '',
        });
  return (
    <TitledPage ctx={ctx} title={t('collab.queue.title')} lead={t('collab.queue.lead')}>
      {items.length === 0 ? (
        <p>{info.total === 0 ? t('collab.queue.empty') : t('collab.queue.pastEnd')}</p>
      ) : (
        <>
          <ButtonLink href={queueHref(items[0]!)}>
            {info.page === 1 ? t('collab.queue.start') : t('collab.queue.startHere')}
          </ButtonLink>
          <ol class="review-queue" start={info.from}>
            {items.map((item) => (
              <li key={`${item.entity}-${item.id}`}>
                <span class="tag">{t(`collab.queue.kind.${item.entity}`)}</span>{' '}
                <a
                  href={queueHref(item)}
                  lang={item.entity === 'collaboration' ? langAttr(ctx.i18n.locale) : undefined}
                >
                  {label(item)}
                </a>
                <br />
                <span class="hint">
                  <span lang={langAttr(ctx.i18n.locale)}>{item.organisationName}</span>,{' '}
                  {t('collab.queue.submitted', {
                    at: item.submittedAt ? formatInstant(item.submittedAt, intl) : '',
                  })}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </TitledPage>
  );
}
