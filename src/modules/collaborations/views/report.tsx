import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, RadioGroup, SelectField, type FormValues } from '../../../ui/fields.tsx';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { langAttr } from '../../../ui/content.tsx';
import {
  EditConflict,
  VersionField,
  type ConflictOptions,
  type SavedVersion,
} from '../../../ui/edit-conflict.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ReviewInput } from '../collaboration.schema.ts';
import { VISIBILITIES } from '../collaboration.schema.ts';
import type { Choice } from './parts.tsx';
import { WorkspaceNav } from './parts.tsx';
import { ReviewForm, ReviewStatus, type ReviewEvent } from './review.tsx';

/**
 * What the collaboration and the exchange pages share: a report (P8) is written for an
 * organisation, is public or internal, and once saved is reviewed by a coordinator.
 */

/** The form page of a report: the organisation first, the entity's fields, visibility last. */
export function ReportFormPage(props: {
  ctx: PageContext;
  title: string;
  lead?: string | undefined;
  action: string;
  values: FormValues;
  organisations: Choice[];
  children: ComponentChildren;
  /** The version the form saves over (optimistic locking), and the conflict found, if any. */
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
  /** The labels of the form's option values, for the conflict's table. */
  conflictOptions?: ConflictOptions;
}) {
  const { ctx, title, organisations } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={title}>
      <WorkspaceNav ctx={ctx} />
      <h1>{title}</h1>
      {props.lead ? <p class="lead">{props.lead}</p> : null}
      {props.conflict ? (
        <EditConflict
          ctx={ctx}
          saved={props.conflict}
          yours={props.values}
          label={(field) => ctx.i18n.tDynamic(`collab.field.${field}`)}
          options={{
            organisation: organisations,
            visibility: VISIBILITIES.map((v) => ({ value: v, label: t(`collab.visibility.${v}`) })),
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
        <RadioGroup
          name="visibility"
          legend={t('collab.field.visibility')}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`collab.visibility.${v}`) }))}
        />
        <Button>{t('collab.form.save')}</Button>
      </Form>
    </Layout>
  );
}

/** The page of one report: the edit link, its review (and the review form), then its facts. */
export function ReportDetailPage(props: {
  ctx: PageContext;
  title: string;
  /** The title's language when it is content (a collaboration's title is Swedish). */
  titleLang?: Locale | undefined;
  /** The report's workspace address, e.g. /workspace/exchanges/<id>. */
  href: string;
  review: { state: string; comment: string | null };
  history: ReviewEvent[];
  /** The review (state, comment, history): not for partner contacts (decision 016). */
  showReview: boolean;
  canChange: boolean;
  canReview: boolean;
  /** The review form as sent, when it is shown again with its problems. */
  reviewValues?: ReviewInput | undefined;
  children: ComponentChildren;
}) {
  const { ctx, title, href, review } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={title}>
      <WorkspaceNav ctx={ctx} />
      <h1 lang={props.titleLang && langAttr(ctx.i18n.locale, props.titleLang)}>{title}</h1>
      {props.canChange ? (
        <p>
          <a class="button button-secondary" href={`${href}/edit`}>
            {t('collab.detail.edit')}
          </a>
        </p>
      ) : (
        <p class="hint">{t('collab.detail.readOnly')}</p>
      )}
      {props.showReview ? (
        <ReviewStatus
          ctx={ctx}
          state={review.state}
          comment={review.comment}
          history={props.history}
        />
      ) : null}
      {props.canReview && review.state === 'submitted' ? (
        <ReviewForm ctx={ctx} action={`${href}/review`} values={props.reviewValues} />
      ) : null}
      {props.children}
    </Layout>
  );
}
