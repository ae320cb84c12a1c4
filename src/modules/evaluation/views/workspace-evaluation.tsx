import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatInstant } from '../../../shared/dates.ts';
import { EditConflict, VersionField, type SavedVersion } from '../../../ui/edit-conflict.tsx';
import { Button, fieldLabels, Form, RadioGroup, TextArea } from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkColumn } from '../../../ui/table.tsx';
import { SECTION_KEYS } from '../evaluation.figures.ts';
import type { ReviewInput, SectionsInput } from '../evaluation.schema.ts';
import { isOverdue, type EvaluationDetail } from '../evaluation.service.ts';
import { FiguresView } from './figures.tsx';
import { StatusTag } from './workspace-parts.tsx';
import { DueDate } from '../../../ui/tags.tsx';

/** A section's label (also the edit conflict's field names). */
export function sectionLabel(ctx: PageContext, key: string): string {
  const { t } = ctx.i18n;
  switch (key) {
    case 'summary':
      return t('evaluation.section.summary');
    case 'analysis':
      return t('evaluation.section.analysis');
    case 'conclusions':
      return t('evaluation.section.conclusions');
    case 'recommendations':
      return t('evaluation.section.recommendations');
    default:
      return t('evaluation.section.summaryEn');
  }
}

/** Text with blank lines as paragraphs. */
export function Paragraphs({ text, empty }: { text: string; empty: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return <p class="hint">{empty}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} class="evaluation-text">
          {p}
        </p>
      ))}
    </>
  );
}

export interface EvaluationPageProps {
  ctx: PageContext;
  detail: EvaluationDetail;
  today: string;
  /** The sections as sent, after a refused save. */
  sectionValues?: SectionsInput | undefined;
  reviewValues?: ReviewInput | undefined;
  /** The version the forms carry (after a conflict: the saved one). */
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
}

/**
 * One evaluation: the compiled figures beside the sections (a form while it is a draft),
 * the review and its comments, the approved versions, and the workflow's buttons.
 */
export function EvaluationPage(props: EvaluationPageProps) {
  const { ctx, detail, today } = props;
  const { evaluation: e, comments, versions, figures } = detail;
  const { t, intl } = ctx.i18n;
  const version = props.version ?? e.updatedAt;
  const mine = e.owners.some((o) => o.id === ctx.user?.id);
  const submitter = e.status === 'in_review' ? e.updatedBy : null;
  return (
    <TitledPage
      ctx={ctx}
      title={e.title}
      back={{ href: '/workspace/evaluations', label: t('evaluation.backToList') }}
      head={
        e.status === 'draft' ? (
          <script src={`/static/evaluation-autosave.js?v=${ctx.assetVersion}`} defer />
        ) : undefined
      }
    >
      <dl class="facts">
        <dt>{t('evaluation.col.status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={e.status} version={e.approvedVersion} />
        </dd>
        <dt>{t('evaluation.col.period')}</dt>
        <dd>{formatDateRange(e.periodStart, e.periodEnd, intl)}</dd>
        <dt>{t('evaluation.col.due')}</dt>
        <dd id="due-on">
          <DueDate
            date={e.dueOn}
            locale={intl}
            overdue={isOverdue(e, today) ? t('evaluation.overdue') : null}
          />
        </dd>
        <dt>{t('evaluation.col.owners')}</dt>
        <dd>{e.owners.map((o) => o.name).join(', ')}</dd>
      </dl>

      <WorkflowNote {...props} mine={mine} submitter={submitter} version={version} />

      <div class="evaluation-columns">
        <section aria-labelledby="figures-heading" class="evaluation-column">
          <h2 id="figures-heading">
            {e.status === 'approved'
              ? t('evaluation.page.figuresFrozen', { version: e.approvedVersion })
              : t('evaluation.page.figuresLive')}
          </h2>
          {e.status === 'approved' ? null : (
            <p class="hint">
              {t('evaluation.page.figuresLiveHint', {
                when: formatInstant(figures.compiledAt, intl),
              })}
            </p>
          )}
          <FiguresView ctx={ctx} figures={figures} />
        </section>
        <section aria-labelledby="sections-heading" class="evaluation-column">
          <h2 id="sections-heading">{t('evaluation.sections.heading')}</h2>
          {e.status === 'draft' ? (
            <SectionsForm {...props} version={version} mine={mine} />
          ) : (
            SECTION_KEYS.map((key) => (
              <section key={key} aria-labelledby={`section-${key}`}>
                <h3 id={`section-${key}`}>{sectionLabel(ctx, key)}</h3>
                <Paragraphs text={e.sections[key]} empty={t('evaluation.sections.empty')} />
              </section>
            ))
          )}
        </section>
      </div>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{t('evaluation.review.heading')}</h2>
        {comments.length === 0 ? (
          <p>{t('evaluation.review.noComments')}</p>
        ) : (
          <ol class="comment-list" id="comments">
            {comments.map((c) => (
              <li key={c.id}>
                <p class="hint">
                  {t('evaluation.review.commentBy', {
                    name: c.authorName ?? t('evaluation.review.unknownAuthor'),
                    when: formatInstant(c.createdAt, intl),
                  })}
                </p>
                <Paragraphs text={c.body} empty="" />
              </li>
            ))}
          </ol>
        )}
        {e.status === 'in_review' ? <ReviewForm {...props} version={version} /> : null}
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('evaluation.versions.heading')}</h2>
        <ListTable
          id="versions"
          caption={t('evaluation.versions.heading')}
          rows={versions}
          rowKey={(v) => String(v.number)}
          empty={t('evaluation.versions.none')}
          columns={[
            linkColumn<(typeof versions)[number]>(
              t('evaluation.versions.number'),
              (v) => `/workspace/evaluations/${e.id}/versions/${v.number}`,
              (v) => t('evaluation.versions.name', { version: v.number }),
            ),
            {
              header: t('evaluation.versions.approved'),
              cell: (v) =>
                t('evaluation.versions.approvedBy', {
                  when: formatInstant(v.approvedAt, intl),
                  name: v.approverName ?? t('evaluation.review.unknownAuthor'),
                }),
            },
            {
              header: t('evaluation.versions.published'),
              cell: (v) =>
                v.publishedAt
                  ? formatInstant(v.publishedAt, intl)
                  : t('evaluation.versions.notPublished'),
            },
            {
              header: t('evaluation.versions.compare'),
              cell: (v) =>
                v.number > 1 ? (
                  <a
                    href={`/workspace/evaluations/${e.id}/compare?from=${v.number - 1}&to=${v.number}`}
                  >
                    {t('evaluation.versions.compareWith', { from: v.number - 1, to: v.number })}
                  </a>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </section>
    </TitledPage>
  );
}

/** What the workflow asks of the reader now, and the "new version" button of an approved one. */
function WorkflowNote(
  props: EvaluationPageProps & { mine: boolean; submitter: string | null; version: string },
) {
  const { ctx, detail, mine, submitter, version } = props;
  const e = detail.evaluation;
  const { t } = ctx.i18n;
  if (e.status === 'approved')
    return (
      <div class="panel" id="workflow">
        <p>{t('evaluation.workflow.approved', { version: e.approvedVersion })}</p>
        <Form ctx={ctx} action={`/workspace/evaluations/${e.id}/new-version`}>
          <VersionField version={version} />
          <Button variant="secondary">{t('evaluation.workflow.newVersion')}</Button>
        </Form>
      </div>
    );
  if (e.status === 'in_review')
    return (
      <p class="panel" id="workflow">
        {submitter === ctx.user?.id
          ? t('evaluation.workflow.inReviewOwn')
          : t('evaluation.workflow.inReview')}
      </p>
    );
  return (
    <p class="panel" id="workflow">
      {mine ? t('evaluation.workflow.draftOwner') : t('evaluation.workflow.draft')}
    </p>
  );
}

function SectionsForm(props: EvaluationPageProps & { version: string; mine: boolean }) {
  const { ctx, detail, version, mine } = props;
  const e = detail.evaluation;
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'evaluation.section');
  const values = props.sectionValues ?? e.sections;
  return (
    <>
      {props.conflict ? (
        <EditConflict
          ctx={ctx}
          saved={props.conflict}
          yours={values}
          label={(field) => sectionLabel(ctx, field)}
        />
      ) : null}
      <Form
        ctx={ctx}
        action={`/workspace/evaluations/${e.id}/sections`}
        values={values}
        id="sections-form"
        class="autosave"
      >
        <VersionField version={version} />
        <TextArea {...field('summary', 'hint')} rows={5} />
        <TextArea {...field('analysis', 'hint')} rows={10} />
        <TextArea {...field('conclusions')} rows={6} />
        <TextArea {...field('recommendations')} rows={6} />
        <TextArea {...field('summaryEn', 'hint')} rows={5} optional />
        <p
          id="autosave-status"
          class="hint"
          role="status"
          aria-live="polite"
          data-saving={t('evaluation.autosave.saving')}
          data-failed={t('evaluation.autosave.failed')}
        ></p>
        <div class="evaluation-buttons">
          <Button name="action" value="save">
            {t('evaluation.sections.save')}
          </Button>
          {mine ? (
            <Button name="action" value="submit" variant="secondary">
              {t('evaluation.sections.submit')}
            </Button>
          ) : null}
        </div>
        {mine ? <p class="hint">{t('evaluation.sections.submitHint')}</p> : null}
      </Form>
    </>
  );
}

function ReviewForm(props: EvaluationPageProps & { version: string }) {
  const { ctx, detail, version } = props;
  const e = detail.evaluation;
  const { t } = ctx.i18n;
  return (
    <Form
      ctx={ctx}
      action={`/workspace/evaluations/${e.id}/review`}
      values={props.reviewValues ?? { comment: '', decision: 'comment' }}
      id="review-form"
    >
      <VersionField version={version} />
      <TextArea name="comment" label={t('evaluation.review.comment')} rows={4} optional />
      <RadioGroup
        name="decision"
        legend={t('evaluation.review.decisionLegend')}
        hint={t('evaluation.review.decisionHint')}
        options={[
          { value: 'comment', label: t('evaluation.review.decision.comment') },
          { value: 'return', label: t('evaluation.review.decision.return') },
          { value: 'approve', label: t('evaluation.review.decision.approve') },
        ]}
      />
      <Button>{t('evaluation.review.submit')}</Button>
    </Form>
  );
}
