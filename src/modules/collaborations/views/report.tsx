import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  Form,
  messageOptions,
  RadioGroup,
  SelectField,
  type FormValues,
} from '../../../ui/fields.tsx';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { langAttr } from '../../../ui/content.tsx';
import {
  EditConflict,
  VersionField,
  type ConflictOptions,
  type SavedVersion,
} from '../../../ui/edit-conflict.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import type { ReviewInput } from '../collaboration.schema.ts';
import { VISIBILITIES } from '../collaboration.schema.ts';
import type { Choice } from './parts.tsx';
import type { QueuePlace } from '../review.service.ts';
import { QueueNote, ReviewForm, ReviewStatus, type ReviewEvent } from './review.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

/**
 * What the collaboration and the exchange pages share: a report (P8) is written for an
 * organisation, is public or internal, and once saved is reviewed by a coordinator.
 */

/** The form page of a report: the organisation first, the entity's fields, visibility last. */
/** What a report's form page is given: where it posts, the values, the organisations to choose from. */
export interface ReportForm<V extends FormValues = FormValues> {
  ctx: PageContext;
  action: string;
  values: V;
  organisations: Choice[];
  /** The version the form saves over (optimistic locking), and the conflict found, if any. */
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
}

export function ReportFormPage(
  props: ReportForm & {
    title: string;
    lead?: string | undefined;
    children: ComponentChildren;
    /** The labels of the form's option values, for the conflict's table. */
    conflictOptions?: ConflictOptions;
  },
) {
  const { ctx, title, organisations } = props;
  const { t } = ctx.i18n;
  const visibility = messageOptions(ctx.i18n, 'collab.visibility', VISIBILITIES);
  return (
    <TitledPage ctx={ctx} title={title} lead={props.lead}>
      {props.conflict ? (
        <EditConflict
          ctx={ctx}
          saved={props.conflict}
          yours={props.values}
          label={(field) => ctx.i18n.tDynamic(`collab.field.${field}`)}
          options={{
            organisation: organisations,
            visibility,
            ...props.conflictOptions,
          }}
        />
      ) : null}
      <Form ctx={ctx} action={props.action} values={props.values}>
        <VersionField version={props.version} />
        <SelectField
          name="organisation"
          label={t('collab.field.organisation')}
          options={
            organisations.length === 1
              ? organisations
              : [{ value: '', label: t('collab.form.choose') }, ...organisations]
          }
        />
        {props.children}
        <RadioGroup name="visibility" legend={t('collab.field.visibility')} options={visibility} />
        <Button>{t('collab.form.save')}</Button>
      </Form>
    </TitledPage>
  );
}

/** What the page of a report is given about its review and who reads it. */
export interface ReviewProps {
  history: ReviewEvent[];
  /** The review (state, comment, history): not for partner contacts (decision 016). */
  showReview: boolean;
  canChange: boolean;
  canReview: boolean;
  /** Its place in the review queue, when a coordinator reviews it. */
  queue?: QueuePlace | null | undefined;
  /** The review form as sent, when it is shown again with its problems. */
  reviewValues?: ReviewInput | undefined;
}

/**
 * The page of one report: the edit link, its review, then its facts. When a coordinator
 * reviews it, the page follows the work: its place in the queue, the report as it will be
 * published, its history, and the verdict last.
 */
export function ReportDetailPage(
  props: ReviewProps & {
    ctx: PageContext;
    title: string;
    /** The title's language when it is content (a collaboration's title is Swedish). */
    titleLang?: Locale | undefined;
    /** The report's workspace address, e.g. /workspace/exchanges/<id>. */
    href: string;
    review: { state: string; comment: string | null };
    children: ComponentChildren;
  },
) {
  const { ctx, title, href, review } = props;
  const { t } = ctx.i18n;
  const reviewing = props.canReview && review.state === 'submitted';
  const status = props.showReview ? (
    <ReviewStatus ctx={ctx} state={review.state} comment={review.comment} history={props.history} />
  ) : null;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 lang={props.titleLang && langAttr(ctx.i18n.locale, props.titleLang)}>{title}</h1>
      {reviewing && props.queue ? <QueueNote ctx={ctx} queue={props.queue} /> : null}
      {props.canChange ? (
        <ButtonLink href={`${href}/edit`} variant="secondary">
          {t('collab.detail.edit')}
        </ButtonLink>
      ) : (
        <p class="hint">{t('collab.detail.readOnly')}</p>
      )}
      {reviewing ? (
        <>
          <section aria-labelledby="reviewed-content" class="reviewed-content">
            <h2 id="reviewed-content">{t('collab.review.content')}</h2>
            {props.children}
          </section>
          {status}
          <ReviewForm
            ctx={ctx}
            action={`${href}/review`}
            values={props.reviewValues}
            queue={props.queue ?? null}
          />
        </>
      ) : (
        <>
          {status}
          {props.children}
        </>
      )}
    </Layout>
  );
}
