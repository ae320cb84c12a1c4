import type { PageContext } from '../../../platform/page-context.ts';
import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import { formatDateRange, formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import {
  Button,
  CheckboxGroup,
  DateField,
  fieldLabels,
  Form,
  messageOptions,
  RadioGroup,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { PageHeading } from '../../../ui/page-heading.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { DataTable, RowLink, linkCell, messageColumns, type Column } from '../../../ui/table.tsx';
import type { AnswerInput, CampaignInput } from '../campaign.schema.ts';
import type {
  Campaign,
  CampaignAnswer,
  CampaignResponse,
  CampaignSnapshot,
} from '../campaign.service.ts';
import { Tag } from '../../../ui/tags.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

const key = (k: string) => k as PlainKey;

/** The link back to the list of campaigns, above a campaign's pages. */
const backToCampaigns = (ctx: PageContext) => ({
  href: '/workspace/campaigns',
  label: ctx.i18n.t('campaign.new.back'),
});

/** The answers an organisation gives to a campaign, in the order the form offers them. */
const ANSWERS: readonly CampaignAnswer[] = ['confirmed', 'no_activity'];

export function CampaignsPage({
  ctx,
  campaigns,
  canRun,
}: {
  ctx: PageContext;
  campaigns: Campaign[];
  canRun: boolean;
}) {
  const { t, intl } = ctx.i18n;
  const columns: Column<Campaign>[] = messageColumns(ctx.i18n, 'campaign.col', {
    title: linkCell<Campaign>('/workspace/campaigns', (c) => c.title),
    period: (c) => formatDateRange(c.periodFrom, c.periodTo, intl),
    deadline: (c) => formatPlainDate(c.deadline, intl),
    status: (c) => t(key(`campaign.status.${c.status}`)),
    answered: (c) => t('campaign.answeredOf', { answered: c.answered, asked: c.asked }),
    actions:
      !canRun &&
      ((c) => (
        <RowLink
          href={`/workspace/campaigns/${c.id}/answer`}
          label={c.status === 'open' ? t('campaign.answerLink') : t('campaign.viewLink')}
          name={c.title}
        />
      )),
  });
  return (
    <TitledPage ctx={ctx} title={t('campaign.list.title')} lead={t('campaign.list.lead')}>
      {canRun ? (
        <ButtonLink href="/workspace/campaigns/new" variant="primary">
          {t('campaign.list.new')}
        </ButtonLink>
      ) : null}
      <ListTable
        empty={canRun ? t('campaign.list.none') : t('campaign.list.noneForReporter')}
        caption={t('campaign.list.caption')}
        rows={campaigns}
        columns={columns}
      />
    </TitledPage>
  );
}

export function NewCampaignPage({
  ctx,
  organisations,
  values,
}: {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  values?: CampaignInput | undefined;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'campaign.field');
  return (
    <TitledPage ctx={ctx} title={t('campaign.new.title')} back={backToCampaigns(ctx)}>
      <Form
        ctx={ctx}
        action="/workspace/campaigns/new"
        values={values ?? { scope: 'all', organisations: [] }}
      >
        <TextField {...field('title', 'hint')} width="full" autocomplete="off" />
        <DateField {...field('periodFrom')} />
        <DateField {...field('periodTo')} />
        <DateField {...field('deadline')} />
        <TextArea {...field('message', 'hint')} rows={4} optional />
        <RadioGroup
          {...field.legend('scope')}
          options={messageOptions(ctx.i18n, 'campaign.scope', ['all', 'chosen'])}
        />
        <CheckboxGroup
          name="organisations"
          legend={t('campaign.field.organisations')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Button>{t('campaign.new.submit')}</Button>
      </Form>
    </TitledPage>
  );
}

/** A campaign's period and deadline. */
function CampaignDates({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
  const { t, intl } = ctx.i18n;
  return (
    <p>
      {t('campaign.show.period', {
        period: formatDateRange(campaign.periodFrom, campaign.periodTo, intl),
      })}
      <br />
      {t('campaign.show.deadline', { date: formatPlainDate(campaign.deadline, intl) })}
    </p>
  );
}

function StateTag({ ctx, state }: { ctx: PageContext; state: CampaignResponse['state'] }) {
  const tone = state === 'answered' ? 'active' : state === 'overdue' ? 'dormant' : undefined;
  return <Tag tone={tone}>{ctx.i18n.t(key(`campaign.state.${state}`))}</Tag>;
}

export function CampaignPage({
  ctx,
  campaign,
  responses,
  canRun,
}: {
  ctx: PageContext;
  campaign: Campaign;
  responses: CampaignResponse[];
  canRun: boolean;
}) {
  const { t, intl } = ctx.i18n;
  const closed = campaign.status === 'closed';
  return (
    <TitledPage ctx={ctx} title={campaign.title} back={backToCampaigns(ctx)}>
      <p>
        <span class={closed ? 'tag' : 'tag tag-active'}>
          {t(key(`campaign.status.${campaign.status}`))}
        </span>
      </p>
      <CampaignDates ctx={ctx} campaign={campaign} />
      {campaign.message ? <p class="panel">{campaign.message}</p> : null}
      {closed && campaign.closedAt ? (
        <p class="panel panel-highlight" role="note">
          {t('campaign.show.closedNote', { date: formatInstant(campaign.closedAt, intl) })}
        </p>
      ) : null}
      <p id="progress">
        {t('campaign.show.progress', { answered: campaign.answered, asked: campaign.asked })}
      </p>
      <DataTable
        caption={t('campaign.show.tableCaption')}
        rows={responses}
        rowKey={(r) => r.organisationId}
        columns={[
          {
            header: t('campaign.col.organisation'),
            rowHeader: true,
            cell: (r) => r.organisationName,
          },
          { header: t('campaign.col.status'), cell: (r) => <StateTag ctx={ctx} state={r.state} /> },
          {
            header: t('campaign.col.answer'),
            cell: (r) => (
              <>
                {r.answer ? t(key(`campaign.answer.${r.answer}`)) : ''}
                {r.snapshot ? (
                  <>
                    <br />
                    <span class="hint">
                      {t('campaign.show.snapshot', {
                        collaborations: r.snapshot.collaborations.length,
                        exchanges: r.snapshot.exchanges.length,
                      })}
                    </span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t('campaign.col.when'),
            cell: (r) => (r.answeredAt ? formatInstant(r.answeredAt, intl) : ''),
          },
          { header: t('campaign.col.who'), cell: (r) => r.answeredByName ?? '' },
          { header: t('campaign.col.comment'), cell: (r) => r.comment ?? '' },
        ]}
      />
      {!canRun ? (
        <p>
          <a href={`/workspace/campaigns/${campaign.id}/answer`}>
            {closed ? t('campaign.viewLink') : t('campaign.answerLink')}
          </a>
        </p>
      ) : null}
      {canRun && !closed ? (
        <div>
          <p class="hint" id="close-hint">
            {t('campaign.show.closeHint')}
          </p>
          <ConfirmLink
            variant="warning"
            href={`/workspace/campaigns/${campaign.id}/close`}
            aria-describedby="close-hint"
          >
            {t('campaign.show.close')}
          </ConfirmLink>
        </div>
      ) : null}
    </TitledPage>
  );
}

export function AnswerPage({
  ctx,
  campaign,
  organisation,
  list,
  current,
  values,
}: {
  ctx: PageContext;
  campaign: Campaign;
  organisation: { id: string; name: string };
  list: CampaignSnapshot;
  current: CampaignResponse | null;
  values?: AnswerInput | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const closed = campaign.status === 'closed';
  const exchangeColumns: Column<CampaignSnapshot['exchanges'][number]>[] = messageColumns(
    ctx.i18n,
    'campaign.answer.col',
    {
      date: { rowHeader: true, cell: (e) => formatPlainDate(e.occurredOn, intl) },
      city: (e) => e.city ?? '',
      activities: (e) => e.activities,
    },
  );
  return (
    <Layout ctx={ctx} title={t('campaign.answer.title')}>
      <PageHeading
        back={backToCampaigns(ctx)}
        heading={campaign.title}
        lead={t('campaign.answer.for', { organisation: organisation.name })}
      />
      <CampaignDates ctx={ctx} campaign={campaign} />
      {campaign.message ? (
        <section class="panel" aria-labelledby="message-title">
          <h2 id="message-title">{t('campaign.answer.message')}</h2>
          <p>{campaign.message}</p>
        </section>
      ) : null}
      {closed ? (
        <p class="panel panel-highlight" role="note" id="closed">
          {t('campaign.error.closed')}
        </p>
      ) : null}

      <h2>{t('campaign.answer.collaborationsTitle')}</h2>
      <ListTable
        caption={t('campaign.answer.collaborationsCaption')}
        rows={list.collaborations}
        empty={t('campaign.answer.noCollaborations')}
        columns={[
          { header: t('campaign.answer.col.title'), rowHeader: true, cell: (c) => c.title },
          {
            header: t('campaign.answer.col.period'),
            cell: (c) => formatDateRange(c.startsOn, c.endsOn, intl),
          },
          {
            header: t('campaign.answer.col.status'),
            cell: (c) => t(key(`campaign.collabStatus.${c.status}`)),
          },
          !closed && {
            header: t('campaign.col.actions'),
            cell: (c) => (
              <RowLink
                href={`/workspace/collaborations/${c.id}/edit`}
                label={t('campaign.answer.edit')}
                name={c.title}
              />
            ),
          },
        ]}
      />
      <h2>{t('campaign.answer.exchangesTitle')}</h2>
      <ListTable
        caption={t('campaign.answer.exchangesCaption')}
        rows={list.exchanges}
        empty={t('campaign.answer.noExchanges')}
        columns={exchangeColumns}
      />
      {closed ? null : <p class="hint">{t('campaign.answer.editHint')}</p>}

      {current?.answer ? (
        <p class="panel" id="current-answer">
          {t('campaign.answer.current', {
            answer: t(key(`campaign.answer.${current.answer}`)),
            when: current.answeredAt ? formatInstant(current.answeredAt, intl) : '',
            who: current.answeredByName ?? '',
          })}
          {current.comment ? (
            <>
              <br />
              {current.comment}
            </>
          ) : null}
        </p>
      ) : null}

      {closed ? null : (
        <Form
          ctx={ctx}
          action={`/workspace/campaigns/${campaign.id}/answer`}
          values={values ?? { answer: current?.answer ?? '', comment: current?.comment ?? '' }}
        >
          <RadioGroup
            name="answer"
            legend={t('campaign.answer.field')}
            hint={t('campaign.answer.changeUntilClosed')}
            options={messageOptions(ctx.i18n, 'campaign.answer.option', ANSWERS)}
          />
          <TextArea name="comment" label={t('campaign.answer.comment')} rows={3} optional />
          <Button>{t('campaign.answer.submit')}</Button>
        </Form>
      )}
    </Layout>
  );
}
