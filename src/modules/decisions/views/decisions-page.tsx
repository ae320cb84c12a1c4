import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import {
  Button,
  DateField,
  fieldLabels,
  FileField,
  Form,
  messageOptions,
  RadioGroup,
  TextField,
} from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { messageColumns, RowLink, type Column } from '../../../ui/table.tsx';
import {
  DECISION_BODIES,
  OUTCOMES,
  type CouncilDecision,
  type DecisionInput,
} from '../decision.service.ts';
import type { Proposal } from '../proposal.service.ts';
import { proposalColumns } from './proposals-page.tsx';
import { Tag } from './public-parts.tsx';

export function DecisionsPage({
  ctx,
  pending,
  cityNames,
  decisions,
  superseded,
  info,
}: {
  ctx: PageContext;
  pending: Proposal[];
  cityNames: Map<string, string>;
  decisions: CouncilDecision[];
  /** Ids of decisions a later one supersedes (corrections). */
  superseded: Set<string>;
  info: PageInfo;
}) {
  const { t, intl } = ctx.i18n;
  const recordedColumns: Column<CouncilDecision>[] = messageColumns(
    ctx.i18n,
    'workspace.decisions.col',
    {
      title: {
        rowHeader: true,
        cell: (d) => (
          <>
            {d.title}
            {d.historical ? <Tag>{t('workspace.decisions.historical')}</Tag> : null}
            {d.supersedesId ? <Tag>{t('workspace.decisions.correction')}</Tag> : null}
          </>
        ),
      },
      body: (d) => t(`workspace.decisions.body.${d.body}`),
      meetingDate: (d) => formatPlainDate(d.meetingDate, intl),
      section: (d) => (d.section ? `§ ${d.section}` : ''),
      caseNumber: (d) => d.caseNumber ?? '',
      outcome: (d) => t(`workspace.decisions.outcome.${d.outcome}`),
      document: (d) =>
        d.documentId ? (
          <a href={`/decisions/${d.id}/document`}>
            {t('workspace.decisions.pdf')}
            <span class="visually-hidden">
              {' '}
              {t('workspace.decisions.pdfFor', { title: d.title })}
            </span>
          </a>
        ) : null,
      actions: (d) =>
        superseded.has(d.id) ? (
          t('workspace.decisions.corrected')
        ) : (
          <RowLink
            href={`/workspace/decisions/new?supersedes=${encodeURIComponent(d.id)}`}
            label={t('workspace.decisions.correct')}
            name={d.title}
          />
        ),
    },
  );
  return (
    <TitledPage ctx={ctx} messages="workspace.decisions">
      <h2>{t('workspace.decisions.pendingTitle')}</h2>
      <ListTable
        caption={t('workspace.decisions.pendingCaption')}
        rows={pending}
        empty={t('workspace.decisions.pendingNone')}
        columns={[
          ...proposalColumns(ctx.i18n, cityNames),
          {
            header: t('workspace.decisions.sentOn'),
            cell: (p) => (p.sentAt ? formatInstant(p.sentAt, intl) : ''),
          },
          {
            header: t('workspace.decisions.col.actions'),
            cell: (p) => (
              <RowLink
                href={`/workspace/decisions/new?proposal=${encodeURIComponent(p.id)}`}
                label={t('workspace.decisions.register')}
                name={p.title}
              />
            ),
          },
        ]}
      />

      <h2>{t('workspace.decisions.recordedTitle')}</h2>
      <p>
        <a href="/workspace/decisions/new">{t('workspace.decisions.registerOther')}</a>
      </p>
      <ListTable
        caption={t('workspace.decisions.recordedCaption')}
        rows={decisions}
        empty={t('workspace.decisions.none')}
        columns={recordedColumns}
      />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </TitledPage>
  );
}

/** What the new decision answers (a proposal) or corrects; the form's context errors link here. */
function ContextPanel(props: {
  ctx: PageContext;
  title: string;
  /** What it is, in bold above the rest. */
  name: string;
  children: ComponentChildren;
}) {
  const error = props.ctx.formErrors.context;
  return (
    <section class="panel" id="context" tabIndex={-1} aria-labelledby="context-title">
      <h2 id="context-title">{props.title}</h2>
      <p>
        <strong>{props.name}</strong>
      </p>
      {props.children}
      {error ? <p class="error-message">{error}</p> : null}
    </section>
  );
}

/** The form's fields as typed: the decision's text fields. */
export type DecisionValues = Omit<
  DecisionInput,
  'proposalId' | 'supersedesId' | 'historical' | 'document'
>;

export function NewDecisionPage({
  ctx,
  action,
  proposal,
  corrects,
  kfOnly,
  values,
}: {
  ctx: PageContext;
  /** The form's action: this page's URL, with ?proposal= or ?supersedes=. */
  action: string;
  proposal: { title: string; city: string; kind: string; justification: string } | null;
  corrects: CouncilDecision | null;
  /** P6: the proposal concerns a twin city, so only KF may decide it. */
  kfOnly: boolean;
  values?: DecisionValues | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const errors = ctx.formErrors;
  const field = fieldLabels(ctx.i18n, 'workspace.decisions.field');
  const title = corrects
    ? t('workspace.decisions.correctTitle')
    : t('workspace.decisions.newTitle');
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/decisions', label: t('workspace.decisions.back') }}
    >
      {corrects ? <p class="lead">{t('workspace.decisions.correctLead')}</p> : null}
      {proposal ? (
        <ContextPanel ctx={ctx} title={t('workspace.decisions.forProposal')} name={proposal.title}>
          <p>
            {t('workspace.decisions.proposalCity', { city: proposal.city, kind: proposal.kind })}
          </p>
          <p>{proposal.justification}</p>
          {kfOnly ? (
            <p class="panel panel-highlight" role="note">
              {t('workspace.decisions.kfOnly')}
            </p>
          ) : null}
        </ContextPanel>
      ) : null}
      {corrects ? (
        <ContextPanel ctx={ctx} title={t('workspace.decisions.corrects')} name={corrects.title}>
          <p>
            {t(`workspace.decisions.body.${corrects.body}`)},{' '}
            {formatPlainDate(corrects.meetingDate, intl)}
            {corrects.section ? `, § ${corrects.section}` : ''}
            {corrects.caseNumber ? `, ${corrects.caseNumber}` : ''}
          </p>
        </ContextPanel>
      ) : null}
      {!proposal && !corrects && errors.context ? (
        <p class="error-message" id="context" tabIndex={-1}>
          {errors.context}
        </p>
      ) : null}
      <Form ctx={ctx} action={action} multipart values={values}>
        <RadioGroup
          {...field.legend('body')}
          options={messageOptions(ctx.i18n, 'workspace.decisions.body', DECISION_BODIES)}
        />
        <DateField {...field('meetingDate')} />
        <TextField {...field('section', 'hint')} width="short" autocomplete="off" />
        <TextField {...field('caseNumber', 'hint')} autocomplete="off" />
        <TextField {...field('title')} width="full" autocomplete="off" />
        <RadioGroup
          {...field.legend('outcome')}
          options={messageOptions(ctx.i18n, 'workspace.decisions.outcome', OUTCOMES)}
        />
        <TextField {...field('link', 'hint')} type="url" width="full" autocomplete="off" optional />
        <DateField {...field('finalOn', 'hint')} optional />
        <FileField {...field('document', 'hint')} accept="application/pdf,.pdf" optional />
        <Button>{t('workspace.decisions.save')}</Button>
      </Form>
    </TitledPage>
  );
}
